package io.florets.datasets.io.jsonl;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.florets.datasets.DenseDataset;
import io.florets.datasets.Window;
import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.CaptionText;
import io.florets.datasets.target.ClassLabel;
import io.florets.datasets.target.Event;
import io.florets.datasets.target.NumericProperty;
import io.florets.datasets.target.Segment;
import io.florets.datasets.target.ShapeTag;
import io.florets.datasets.target.Target;
import io.florets.datasets.io.TargetFields;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Exports a {@link DenseDataset} as JSON Lines (UTF-8), one JSON object per line:
 *
 * <ol>
 *   <li>{@code {"type":"dataset","windows":N,"metadata":{...}}};</li>
 *   <li>per entry, {@code {"type":"window","index":i,"seriesId":..,"start":..,"channels":C,
 *       "length":L,"channelNames":[..],"classLabel":..|null,"timestamps":[..]|null,
 *       "values":[[..],..],"annotations":[..]}}, missing samples as {@code null}.</li>
 * </ol>
 *
 * An annotation is {@code {"kind":..,<kind fields>,"channel":c,"source":..,"sourceVersion":..,
 * "confidence":..}} with kind fields {@code label} (class_label), {@code property, value, unit}
 * (numeric), {@code facet, value} (shape_tag), {@code type, start, end} (event),
 * {@code label, start, end} (segment), {@code text, detailed} (caption). Floats are written in
 * their shortest exact decimal form. Thread-safe.
 */
public final class DenseDatasetJsonl {
  private static final JsonFactory FACTORY = new JsonFactory();

  private DenseDatasetJsonl() {
  }

  /** Writes {@code dataset} to {@code path} (replacing it). */
  public static void write(Path path, DenseDataset dataset) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path))) {
      write(out, dataset);
    }
  }

  /** Writes {@code dataset} to {@code out}; flushes but does not close it. */
  public static void write(OutputStream out, DenseDataset dataset) throws IOException {
    JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    g.writeStartObject();
    g.writeStringField("type", "dataset");
    g.writeNumberField("windows", dataset.size());
    g.writeObjectFieldStart("metadata");
    for (Map.Entry<String, String> e : new TreeMap<>(dataset.metadata()).entrySet()) {
      g.writeStringField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
    g.writeEndObject();
    g.writeRaw('\n');
    for (int i = 0; i < dataset.size(); i++) {
      entry(g, i, dataset.get(i));
      g.writeRaw('\n');
    }
    g.flush();
  }

  private static void entry(JsonGenerator g, int index, DenseDataset.Entry e) throws IOException {
    Window w = e.window();
    g.writeStartObject();
    g.writeStringField("type", "window");
    g.writeNumberField("index", index);
    g.writeStringField("seriesId", w.seriesId());
    g.writeNumberField("start", w.start());
    g.writeNumberField("channels", w.channels());
    g.writeNumberField("length", w.length());
    g.writeArrayFieldStart("channelNames");
    for (String n : w.channelNames()) {
      g.writeString(n);
    }
    g.writeEndArray();
    if (w.classLabel().isPresent()) {
      g.writeStringField("classLabel", w.classLabel().get());
    } else {
      g.writeNullField("classLabel");
    }
    g.writeFieldName("timestamps");
    if (w.timestamps().isPresent()) {
      long[] ts = w.timestamps().get();
      g.writeArray(ts, 0, ts.length);
    } else {
      g.writeNull();
    }
    g.writeArrayFieldStart("values");
    for (int c = 0; c < w.channels(); c++) {
      g.writeStartArray();
      for (float v : w.channelView(c)) {
        if (Float.isNaN(v)) {
          g.writeNull();
        } else {
          g.writeNumber(v);
        }
      }
      g.writeEndArray();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("annotations");
    for (Annotation a : e.annotations()) {
      annotation(g, a);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void annotation(JsonGenerator g, Annotation a) throws IOException {
    Target t = a.target();
    g.writeStartObject();
    g.writeStringField("kind", TargetFields.kindKey(t.kind()));
    if (t instanceof ClassLabel c) {
      g.writeStringField("label", c.label());
    } else if (t instanceof NumericProperty p) {
      g.writeStringField("property", p.property().token());
      g.writeNumberField("value", p.value());
      g.writeStringField("unit", p.unit());
    } else if (t instanceof ShapeTag s) {
      g.writeStringField("facet", s.facet().token());
      g.writeStringField("value", s.value());
    } else if (t instanceof Event ev) {
      g.writeStringField("type", ev.type().token());
      g.writeNumberField("start", ev.start());
      g.writeNumberField("end", ev.end());
    } else if (t instanceof Segment s) {
      g.writeStringField("label", s.label().token());
      g.writeNumberField("start", s.start());
      g.writeNumberField("end", s.end());
    } else if (t instanceof CaptionText c) {
      g.writeStringField("text", c.text());
      g.writeBooleanField("detailed", c.detailed());
    }
    g.writeNumberField("channel", t.channel());
    g.writeStringField("source", a.source());
    g.writeStringField("sourceVersion", a.sourceVersion());
    g.writeNumberField("confidence", a.confidence());
    g.writeEndObject();
  }
}
