package io.florets.datasets.io.arrow;

import io.florets.datasets.DenseDataset;
import io.florets.datasets.Window;
import io.florets.datasets.io.AnnotationFields;
import io.florets.datasets.io.TargetFields;
import io.florets.datasets.target.Annotation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A {@link DenseDataset} as an Arrow IPC file, layout version 2: one row per window, one column
 * per meaning, nulls where a field does not apply, a description (and a unit where there is one)
 * in every field's metadata. The layout is documented for other languages in
 * {@code docs/arrow-schema.md}; in short:
 *
 * <ul>
 *   <li>{@code series_id}, {@code window_start} (index of the window's first sample in its
 *       series), {@code length} (samples per channel), {@code channel_names},
 *       {@code values} (one list of float32 per channel, NaN where a sample is missing),
 *       {@code timestamps} (timestamp[ms, UTC] per sample; null when the file had no time axis),
 *       {@code class_label} (null when the series has none);</li>
 *   <li>{@code annotations}: a list of structs, one per annotation: {@code kind}, {@code channel}
 *       (null: the whole window), then the fields of its kind ({@code class_label};
 *       {@code property}, {@code value}, {@code unit}; {@code facet}, {@code tag};
 *       {@code event_type} or {@code segment_label} with {@code start}, {@code end} (sample
 *       positions in the window, end inclusive); {@code caption}, {@code detailed}), null for the
 *       other kinds' fields, and {@code source}, {@code source_version}, {@code confidence}.</li>
 * </ul>
 *
 * Dataset metadata goes into the schema metadata under {@code meta.<key>}. The round trip is
 * exact: {@code read(p).equals(d)} after {@code write(p, d)}. Files of layout version 1 (a flat
 * {@code values} list, sentinel values instead of nulls) still read. The file carries a content
 * checksum in its schema metadata, verified by {@link #read} (files without one, written before it
 * existed, still read). The bytes depend only on the dataset: writing an equal dataset, in this
 * JVM or another, gives a byte-identical file (metadata sorted by key, no write time or other
 * wall-clock value in the file). Thread-safe.
 */
public final class DenseDatasetArrow {
  static final String KIND = "dense-dataset";
  /** The layout this class writes. */
  static final String LAYOUT = "2";
  private static final String META = "meta.";
  private static final String POSITION = "samples from the window's first sample (0-based)";

  private DenseDatasetArrow() {
  }

  private static Field described(String name, ArrowType type, boolean nullable, String description,
      String unit, List<Field> children) {
    Map<String, String> m = new TreeMap<>();
    m.put("description", description);
    if (unit != null) {
      m.put("unit", unit);
    }
    return new Field(name, new FieldType(nullable, type, null, m), children);
  }

  private static Field leaf(String name, ArrowType type, boolean nullable, String description) {
    return described(name, type, nullable, description, null, null);
  }

  private static Field leaf(String name, ArrowType type, boolean nullable, String description,
      String unit) {
    return described(name, type, nullable, description, unit, null);
  }

  private static Field item(ArrowType type) {
    return ArrowVectors.field("item", type, false);
  }

  static Schema schema(Map<String, String> datasetMeta) {
    Field ann = new Field("item", new FieldType(false, ArrowType.Struct.INSTANCE, null), List.of(
        leaf("kind", ArrowVectors.UTF8, false, "what the annotation is: class_label, numeric, "
            + "shape_tag, event, segment or caption; it says which of the fields below apply"),
        leaf("channel", ArrowVectors.INT32, true, "index into channel_names of the channel it "
            + "describes; null when it describes the whole window"),
        leaf("class_label", ArrowVectors.UTF8, true, "kind class_label: the class"),
        leaf("property", ArrowVectors.UTF8, true, "kind numeric: the property's name, e.g. mean, "
            + "period, snr"),
        leaf("value", ArrowVectors.FLOAT64, true, "kind numeric: the property's value, in the "
            + "row's unit"),
        leaf("unit", ArrowVectors.UTF8, true, "kind numeric: the value's unit: 'value' (the "
            + "series' own units), 'value/sample', 'samples' or '1' (a dimensionless ratio)"),
        leaf("facet", ArrowVectors.UTF8, true, "kind shape_tag: the facet, e.g. trend, "
            + "seasonality, noise"),
        leaf("tag", ArrowVectors.UTF8, true, "kind shape_tag: the facet's value, e.g. rising"),
        leaf("event_type", ArrowVectors.UTF8, true, "kind event: the event type, e.g. spike_up, "
            + "level_shift_down"),
        leaf("segment_label", ArrowVectors.UTF8, true, "kind segment: the segment's label"),
        leaf("start", ArrowVectors.INT32, true, "kinds event and segment: first sample", POSITION),
        leaf("end", ArrowVectors.INT32, true, "kinds event and segment: last sample (inclusive)",
            POSITION),
        leaf("caption", ArrowVectors.UTF8, true, "kind caption: the text"),
        leaf("detailed", ArrowVectors.BOOL, true, "kind caption: true for the detailed caption, "
            + "false for the short one"),
        leaf("source", ArrowVectors.UTF8, false, "who said it: a labeler's name, 'consensus', "
            + "'human' or a model"),
        leaf("source_version", ArrowVectors.UTF8, false, "the source's version"),
        leaf("confidence", ArrowVectors.FLOAT64, false, "the source's confidence, 0 to 1",
            "probability")));
    // sorted: the dataset's metadata map (Map.copyOf) iterates in an order that changes from JVM to JVM
    Map<String, String> meta = new TreeMap<>();
    datasetMeta.forEach((k, v) -> meta.put(META + k, v));
    meta.put(ArrowVectors.KIND, KIND);
    meta.put(ArrowVectors.VERSION, LAYOUT);
    return new Schema(List.of(
        leaf("series_id", ArrowVectors.UTF8, false, "id of the series the window was cut from"),
        leaf("window_start", ArrowVectors.INT32, false, "index of the window's first sample in "
            + "its series", "samples from the series' first sample (0-based)"),
        leaf("length", ArrowVectors.INT32, false, "samples per channel", "samples"),
        described("channel_names", ArrowType.List.INSTANCE, false, "one name per channel, in "
            + "the order of values", null, List.of(item(ArrowVectors.UTF8))),
        described("values", ArrowType.List.INSTANCE, false, "the samples: one list per channel, "
            + "each of length samples; NaN where a sample is missing", "the series' own units",
            List.of(new Field("item", new FieldType(false, ArrowType.List.INSTANCE, null),
                List.of(item(ArrowVectors.FLOAT32))))),
        described("timestamps", ArrowType.List.INSTANCE, true, "the time of every sample; null "
            + "when the input had no usable time axis", "UTC", List.of(item(ArrowVectors.TIMESTAMP_MS))),
        leaf("class_label", ArrowVectors.UTF8, true, "the series' class; null when it has none"),
        described("annotations", ArrowType.List.INSTANCE, false, "the window's dense labels, one "
            + "struct per annotation", null, List.of(ann))), meta);
  }

  /** Writes {@code dataset} to {@code path} (replacing it). An empty dataset is allowed. */
  public static void write(Path path, DenseDataset dataset) throws IOException {
    ArrowFiles.write(path, schema(dataset.metadata()), dataset.size(), (r, from, count) -> {
      for (int i = 0; i < count; i++) {
        setRow(r, i, dataset.get(from + i));
      }
    });
  }

  private static void setRow(VectorSchemaRoot r, int i, DenseDataset.Entry e) {
    Window w = e.window();
    ArrowVectors.setString((VarCharVector) r.getVector("series_id"), i, w.seriesId());
    ((IntVector) r.getVector("window_start")).setSafe(i, w.start());
    ((IntVector) r.getVector("length")).setSafe(i, w.length());
    ArrowVectors.setStrings((ListVector) r.getVector("channel_names"), i, w.channelNames());
    ArrowVectors.setChannels((ListVector) r.getVector("values"), i, w.values());
    ArrowVectors.setTimes((ListVector) r.getVector("timestamps"), i, w.timestamps().orElse(null));
    VarCharVector label = (VarCharVector) r.getVector("class_label");
    if (w.classLabel().isPresent()) {
      ArrowVectors.setString(label, i, w.classLabel().get());
    } else {
      label.setNull(i);
    }
    ListVector anns = (ListVector) r.getVector("annotations");
    StructVector sv = (StructVector) anns.getDataVector();
    int off = anns.startNewValue(i);
    List<Annotation> list = e.annotations();
    for (int j = 0; j < list.size(); j++) {
      setAnnotation(sv, off + j, list.get(j));
    }
    anns.endValue(i, list.size());
  }

  private static void setAnnotation(StructVector sv, int k, Annotation a) {
    sv.setIndexDefined(k);
    Object[] v = AnnotationFields.of(a).values();
    for (int f = 0; f < v.length; f++) {
      FieldVector child = sv.getChild(AnnotationFields.NAMES.get(f));
      Object x = v[f];
      if (x == null) {
        child.setNull(k);
      } else if (child instanceof VarCharVector t) {
        ArrowVectors.setString(t, k, (String) x);
      } else if (child instanceof IntVector i) {
        i.setSafe(k, (Integer) x);
      } else if (child instanceof Float8Vector d) {
        d.setSafe(k, (Double) x);
      } else {
        ((BitVector) child).setSafe(k, (Boolean) x ? 1 : 0);
      }
    }
  }

  /** Reads a file written by {@link #write}. */
  public static DenseDataset read(Path path) throws IOException {
    List<DenseDataset.Entry> out = new ArrayList<>();
    Map<String, String> meta = ArrowFiles.read(path, KIND, Set.of("1", LAYOUT), (root, row) -> {
      boolean v1 = "1".equals(ArrowVectors.metadata(root.getSchema().getCustomMetadata(),
          ArrowVectors.VERSION));
      for (int i = 0; i < root.getRowCount(); i++) {
        out.add(readRow(root, i, v1));
        row[0]++;
      }
    });
    Map<String, String> datasetMeta = new HashMap<>();
    meta.forEach((k, v) -> {
      if (k.startsWith(META)) {
        datasetMeta.put(k.substring(META.length()), v);
      }
    });
    return DenseDataset.of(out, datasetMeta);
  }

  /** A row of layout 2, or of layout 1 (a flat values list split by a channel count, sentinel fields). */
  private static DenseDataset.Entry readRow(VectorSchemaRoot r, int i, boolean layout1) {
    String sid = ArrowVectors.getString(ArrowVectors.vector(r, "series_id", VarCharVector.class), i);
    int start = ArrowVectors.vector(r, layout1 ? "start" : "window_start", IntVector.class).get(i);
    ListVector valueList = ArrowVectors.vector(r, "values", ListVector.class);
    ListVector timeList = ArrowVectors.vector(r, "timestamps", ListVector.class);
    float[][] values = layout1
        ? ArrowVectors.getFloats(valueList, i, ArrowVectors.vector(r, "channels", IntVector.class).get(i))
        : ArrowVectors.getChannels(valueList, i, ArrowVectors.vector(r, "length", IntVector.class).get(i));
    long[] ts = layout1 ? ArrowVectors.getLongs(timeList, i) : ArrowVectors.getTimes(timeList, i);
    List<String> names = ArrowVectors.getStrings(ArrowVectors.vector(r, "channel_names", ListVector.class), i);
    String label = ArrowVectors.getString(ArrowVectors.vector(r, "class_label", VarCharVector.class), i);
    Window w = Window.of(sid, start, values, ts, names, label);
    ListVector anns = ArrowVectors.vector(r, "annotations", ListVector.class);
    StructVector sv = ArrowVectors.child(anns, StructVector.class);
    int from = ArrowVectors.start(anns, i);
    int to = ArrowVectors.end(anns, i);
    List<Annotation> list = new ArrayList<>(to - from);
    for (int k = from; k < to; k++) {
      list.add(layout1 ? readAnnotationV1(sv, k) : readAnnotation(sv, k));
    }
    return new DenseDataset.Entry(w, list);
  }

  /** One annotation of layout 2: its fields, checked by {@link AnnotationFields#toAnnotation}. */
  private static Annotation readAnnotation(StructVector sv, int k) {
    Float8Vector conf = ArrowVectors.field(sv, "confidence", Float8Vector.class);
    if (conf.isNull(k)) {
      throw new IllegalStateException("annotation " + k + " has no confidence");
    }
    return new AnnotationFields(text(sv, "kind", k), integer(sv, "channel", k),
        text(sv, "class_label", k), text(sv, "property", k), number(sv, "value", k),
        text(sv, "unit", k), text(sv, "facet", k), text(sv, "tag", k), text(sv, "event_type", k),
        text(sv, "segment_label", k), integer(sv, "start", k), integer(sv, "end", k),
        text(sv, "caption", k), flag(sv, "detailed", k), text(sv, "source", k),
        text(sv, "source_version", k), conf.get(k)).toAnnotation();
  }

  private static String text(StructVector sv, String field, int k) {
    return ArrowVectors.getString(ArrowVectors.field(sv, field, VarCharVector.class), k);
  }

  private static Integer integer(StructVector sv, String field, int k) {
    IntVector v = ArrowVectors.field(sv, field, IntVector.class);
    return v.isNull(k) ? null : v.get(k);
  }

  private static Double number(StructVector sv, String field, int k) {
    Float8Vector v = ArrowVectors.field(sv, field, Float8Vector.class);
    return v.isNull(k) ? null : v.get(k);
  }

  private static Boolean flag(StructVector sv, String field, int k) {
    BitVector v = ArrowVectors.field(sv, field, BitVector.class);
    return v.isNull(k) ? null : v.get(k) != 0;
  }

  /** One annotation of layout 1: {@link TargetFields} with sentinel values. */
  private static Annotation readAnnotationV1(StructVector sv, int k) {
    TargetFields f = new TargetFields(
        ArrowVectors.getString(ArrowVectors.field(sv, "kind", VarCharVector.class), k),
        ArrowVectors.getString(ArrowVectors.field(sv, "name", VarCharVector.class), k),
        ArrowVectors.getString(ArrowVectors.field(sv, "text", VarCharVector.class), k),
        ArrowVectors.field(sv, "value", Float8Vector.class).get(k),
        ArrowVectors.field(sv, "start", IntVector.class).get(k),
        ArrowVectors.field(sv, "end", IntVector.class).get(k),
        ArrowVectors.field(sv, "channel", IntVector.class).get(k),
        ArrowVectors.field(sv, "flag", BitVector.class).get(k) != 0);
    return new Annotation(f.toTarget(),
        ArrowVectors.getString(ArrowVectors.field(sv, "source", VarCharVector.class), k),
        ArrowVectors.getString(ArrowVectors.field(sv, "source_version", VarCharVector.class), k),
        ArrowVectors.field(sv, "confidence", Float8Vector.class).get(k));
  }
}
