package io.florets.datasets.io.arrow;

import io.florets.datasets.DenseDataset;
import io.florets.datasets.Window;
import io.florets.datasets.io.TargetFields;
import io.florets.datasets.target.Annotation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.vector.BitVector;
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
 * A {@link DenseDataset} as an Arrow IPC file: one row per entry with the window (series id,
 * start, channel count, values with NaN kept, timestamps (nullable), channel names, class label
 * (nullable)) and a list of annotation structs (the {@link TargetFields} of the target plus source,
 * source version and confidence). Dataset metadata goes into the schema metadata under
 * {@code meta.<key>}. The round trip is exact: {@code read(p).equals(d)} after {@code write(p, d)}.
 * The file carries a content checksum in its schema metadata, verified by {@link #read} (files
 * without one, written before it existed, still read). The bytes depend only on the dataset:
 * writing an equal dataset, in this JVM or another, gives a byte-identical file (metadata sorted
 * by key, no write time or other wall-clock value in the file). Thread-safe.
 */
public final class DenseDatasetArrow {
  static final String KIND = "dense-dataset";
  private static final String META = "meta.";

  private DenseDatasetArrow() {
  }

  static Schema schema(Map<String, String> datasetMeta) {
    Field ann = new Field("item", new FieldType(false, ArrowType.Struct.INSTANCE, null), List.of(
        ArrowVectors.field("kind", ArrowVectors.UTF8, false),
        ArrowVectors.field("name", ArrowVectors.UTF8, false),
        ArrowVectors.field("text", ArrowVectors.UTF8, false),
        ArrowVectors.field("value", ArrowVectors.FLOAT64, false),
        ArrowVectors.field("start", ArrowVectors.INT32, false),
        ArrowVectors.field("end", ArrowVectors.INT32, false),
        ArrowVectors.field("channel", ArrowVectors.INT32, false),
        ArrowVectors.field("flag", ArrowVectors.BOOL, false),
        ArrowVectors.field("source", ArrowVectors.UTF8, false),
        ArrowVectors.field("source_version", ArrowVectors.UTF8, false),
        ArrowVectors.field("confidence", ArrowVectors.FLOAT64, false)));
    // sorted: the dataset's metadata map (Map.copyOf) iterates in an order that changes from JVM to JVM
    Map<String, String> meta = new TreeMap<>();
    datasetMeta.forEach((k, v) -> meta.put(META + k, v));
    meta.put(ArrowVectors.KIND, KIND);
    meta.put(ArrowVectors.VERSION, "1");
    return new Schema(List.of(
        ArrowVectors.field("series_id", ArrowVectors.UTF8, false),
        ArrowVectors.field("start", ArrowVectors.INT32, false),
        ArrowVectors.field("channels", ArrowVectors.INT32, false),
        ArrowVectors.listOf("values", ArrowVectors.FLOAT32, false),
        ArrowVectors.listOf("timestamps", ArrowVectors.INT64, true),
        ArrowVectors.listOf("channel_names", ArrowVectors.UTF8, false),
        ArrowVectors.field("class_label", ArrowVectors.UTF8, true),
        ArrowVectors.listOf("annotations", ann)), meta);
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
    ((IntVector) r.getVector("start")).setSafe(i, w.start());
    ((IntVector) r.getVector("channels")).setSafe(i, w.channels());
    ArrowVectors.setFloats((ListVector) r.getVector("values"), i, w.values());
    ArrowVectors.setLongs((ListVector) r.getVector("timestamps"), i, w.timestamps().orElse(null));
    ArrowVectors.setStrings((ListVector) r.getVector("channel_names"), i, w.channelNames());
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
      int k = off + j;
      Annotation a = list.get(j);
      TargetFields f = TargetFields.of(a.target());
      sv.setIndexDefined(k);
      ArrowVectors.setString(sv.getChild("kind", VarCharVector.class), k, f.kind());
      ArrowVectors.setString(sv.getChild("name", VarCharVector.class), k, f.name());
      ArrowVectors.setString(sv.getChild("text", VarCharVector.class), k, f.text());
      sv.getChild("value", Float8Vector.class).setSafe(k, f.value());
      sv.getChild("start", IntVector.class).setSafe(k, f.start());
      sv.getChild("end", IntVector.class).setSafe(k, f.end());
      sv.getChild("channel", IntVector.class).setSafe(k, f.channel());
      sv.getChild("flag", BitVector.class).setSafe(k, f.flag() ? 1 : 0);
      ArrowVectors.setString(sv.getChild("source", VarCharVector.class), k, a.source());
      ArrowVectors.setString(sv.getChild("source_version", VarCharVector.class), k, a.sourceVersion());
      sv.getChild("confidence", Float8Vector.class).setSafe(k, a.confidence());
    }
    anns.endValue(i, list.size());
  }

  /** Reads a file written by {@link #write}. */
  public static DenseDataset read(Path path) throws IOException {
    List<DenseDataset.Entry> out = new ArrayList<>();
    Map<String, String> meta = ArrowFiles.read(path, KIND, (root, row) -> {
      for (int i = 0; i < root.getRowCount(); i++) {
        out.add(readRow(root, i));
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

  private static DenseDataset.Entry readRow(VectorSchemaRoot r, int i) {
    String sid = ArrowVectors.getString(ArrowVectors.vector(r, "series_id", VarCharVector.class), i);
    int start = ArrowVectors.vector(r, "start", IntVector.class).get(i);
    int channels = ArrowVectors.vector(r, "channels", IntVector.class).get(i);
    float[][] values = ArrowVectors.getFloats(ArrowVectors.vector(r, "values", ListVector.class), i, channels);
    long[] ts = ArrowVectors.getLongs(ArrowVectors.vector(r, "timestamps", ListVector.class), i);
    List<String> names = ArrowVectors.getStrings(ArrowVectors.vector(r, "channel_names", ListVector.class), i);
    String label = ArrowVectors.getString(ArrowVectors.vector(r, "class_label", VarCharVector.class), i);
    Window w = Window.of(sid, start, values, ts, names, label);
    ListVector anns = ArrowVectors.vector(r, "annotations", ListVector.class);
    StructVector sv = ArrowVectors.child(anns, StructVector.class);
    int from = ArrowVectors.start(anns, i);
    int to = ArrowVectors.end(anns, i);
    List<Annotation> list = new ArrayList<>(to - from);
    for (int k = from; k < to; k++) {
      TargetFields f = new TargetFields(
          ArrowVectors.getString(ArrowVectors.field(sv, "kind", VarCharVector.class), k),
          ArrowVectors.getString(ArrowVectors.field(sv, "name", VarCharVector.class), k),
          ArrowVectors.getString(ArrowVectors.field(sv, "text", VarCharVector.class), k),
          ArrowVectors.field(sv, "value", Float8Vector.class).get(k),
          ArrowVectors.field(sv, "start", IntVector.class).get(k),
          ArrowVectors.field(sv, "end", IntVector.class).get(k),
          ArrowVectors.field(sv, "channel", IntVector.class).get(k),
          ArrowVectors.field(sv, "flag", BitVector.class).get(k) != 0);
      list.add(new Annotation(f.toTarget(),
          ArrowVectors.getString(ArrowVectors.field(sv, "source", VarCharVector.class), k),
          ArrowVectors.getString(ArrowVectors.field(sv, "source_version", VarCharVector.class), k),
          ArrowVectors.field(sv, "confidence", Float8Vector.class).get(k)));
    }
    return new DenseDataset.Entry(w, list);
  }
}
