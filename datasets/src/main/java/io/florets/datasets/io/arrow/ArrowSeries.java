package io.florets.datasets.io.arrow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.florets.datasets.Series;
import io.florets.datasets.io.SeriesFile;
import io.florets.datasets.io.SeriesFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Series as an Arrow IPC file: one row per series with its id, channel count, values (channels
 * one after another, {@code float32}, NaN kept), timestamps (nullable), sampling interval
 * (nullable), channel names, class label (nullable), target (nullable) and metadata (a JSON
 * object). The round trip is exact: {@code read(write(s)).series().equals(s)}. Thread-safe.
 */
public final class ArrowSeries {
  static final String KIND = "series";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ArrowSeries() {
  }

  static Schema schema() {
    return new Schema(List.of(
        ArrowVectors.field("id", ArrowVectors.UTF8, false),
        ArrowVectors.field("channels", ArrowVectors.INT32, false),
        ArrowVectors.listOf("values", ArrowVectors.FLOAT32, false),
        ArrowVectors.listOf("timestamps", ArrowVectors.INT64, true),
        ArrowVectors.field("interval_millis", ArrowVectors.INT64, true),
        ArrowVectors.listOf("channel_names", ArrowVectors.UTF8, false),
        ArrowVectors.field("class_label", ArrowVectors.UTF8, true),
        ArrowVectors.field("target", ArrowVectors.FLOAT64, true),
        ArrowVectors.field("metadata", ArrowVectors.UTF8, false)),
        Map.of(ArrowVectors.KIND, KIND, ArrowVectors.VERSION, "1"));
  }

  /** Writes {@code series} to {@code path} (replacing it). */
  public static void write(Path path, List<Series> series) throws IOException {
    if (series.isEmpty()) {
      throw new IllegalArgumentException("no series to write to " + path);
    }
    ArrowFiles.write(path, schema(), series.size(), (r, from, count) -> {
      for (int i = 0; i < count; i++) {
        setRow(r, i, series.get(from + i));
      }
    });
  }

  private static void setRow(VectorSchemaRoot r, int i, Series s) {
    ArrowVectors.setString((VarCharVector) r.getVector("id"), i, s.id());
    ((IntVector) r.getVector("channels")).setSafe(i, s.channels());
    ArrowVectors.setFloats((ListVector) r.getVector("values"), i, s.values());
    ArrowVectors.setLongs((ListVector) r.getVector("timestamps"), i, s.timestamps().orElse(null));
    BigIntVector interval = (BigIntVector) r.getVector("interval_millis");
    if (s.intervalMillis().isPresent()) {
      interval.setSafe(i, s.intervalMillis().getAsLong());
    } else {
      interval.setNull(i);
    }
    ArrowVectors.setStrings((ListVector) r.getVector("channel_names"), i, s.channelNames());
    VarCharVector label = (VarCharVector) r.getVector("class_label");
    if (s.classLabel().isPresent()) {
      ArrowVectors.setString(label, i, s.classLabel().get());
    } else {
      label.setNull(i);
    }
    Float8Vector target = (Float8Vector) r.getVector("target");
    if (s.target().isPresent()) {
      target.setSafe(i, s.target().getAsDouble());
    } else {
      target.setNull(i);
    }
    try {
      ArrowVectors.setString((VarCharVector) r.getVector("metadata"), i,
          JSON.writeValueAsString(new TreeMap<>(s.metadata())));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a file written by {@link #write}. */
  public static SeriesFile read(Path path) throws IOException {
    List<Series> out = new ArrayList<>();
    ArrowFiles.read(path, KIND, (root, row) -> {
      for (int i = 0; i < root.getRowCount(); i++) {
        out.add(readRow(root, i));
        row[0]++;
      }
    });
    if (out.isEmpty()) {
      throw io.florets.datasets.io.DataFormatException.inFile(path, "holds no series; expected at least one");
    }
    return new SeriesFile(SeriesFormat.ARROW_SERIES, path, out, Map.of());
  }

  private static Series readRow(VectorSchemaRoot r, int i) {
    String id = ArrowVectors.getString(ArrowVectors.vector(r, "id", VarCharVector.class), i);
    int channels = ArrowVectors.vector(r, "channels", IntVector.class).get(i);
    float[][] values = ArrowVectors.getFloats(ArrowVectors.vector(r, "values", ListVector.class), i, channels);
    Series.Builder b = Series.builder(id, values);
    long[] ts = ArrowVectors.getLongs(ArrowVectors.vector(r, "timestamps", ListVector.class), i);
    if (ts != null) {
      b.timestamps(ts);
    }
    BigIntVector interval = ArrowVectors.vector(r, "interval_millis", BigIntVector.class);
    if (!interval.isNull(i)) {
      b.intervalMillis(interval.get(i));
    }
    b.channelNames(ArrowVectors.getStrings(ArrowVectors.vector(r, "channel_names", ListVector.class), i));
    b.classLabel(ArrowVectors.getString(ArrowVectors.vector(r, "class_label", VarCharVector.class), i));
    Float8Vector target = ArrowVectors.vector(r, "target", Float8Vector.class);
    if (!target.isNull(i)) {
      b.target(target.get(i));
    }
    String meta = ArrowVectors.getString(ArrowVectors.vector(r, "metadata", VarCharVector.class), i);
    try {
      Map<String, String> m = JSON.readValue(meta, new TypeReference<Map<String, String>>() { });
      m.forEach(b::metadata);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("series '" + id + "': metadata is not a JSON object of strings: "
          + e.getOriginalMessage(), e);
    }
    return b.build();
  }
}
