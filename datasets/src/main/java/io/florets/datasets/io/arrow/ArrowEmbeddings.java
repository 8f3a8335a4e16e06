package io.florets.datasets.io.arrow;

import io.florets.datasets.io.DataFormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Embedded windows as an Arrow IPC file (the storage of a retrieval index): one row per window with
 * its id, channel count, samples (channels one after another, {@code float32}, NaN kept), vector
 * ({@code float32}), tags and their confidences; the caller's key/value metadata (e.g. what the
 * vectors embed) goes in the schema metadata. The round trip is exact. Thread-safe.
 */
public final class ArrowEmbeddings {
  static final String KIND = "embeddings";
  /** Prefix of the caller's keys in the schema metadata (so they cannot clash with the file's own). */
  private static final String USER = "user.";

  private ArrowEmbeddings() {
  }

  /**
   * One embedded window.
   *
   * @param id a unique id of the window (e.g. {@code series@start})
   * @param window the samples {@code [channel][time]}
   * @param vector the embedding
   * @param tags tags of the window (e.g. what the model says about it)
   * @param confidences one confidence per tag
   */
  public record Row(String id, float[][] window, float[] vector, List<String> tags, float[] confidences) {
    /** Validates and copies. */
    public Row {
      Objects.requireNonNull(id, "id");
      if (window == null || window.length == 0 || window[0].length == 0) {
        throw new IllegalArgumentException("row '" + id + "': the window has no samples");
      }
      float[][] w = new float[window.length][];
      for (int c = 0; c < window.length; c++) {
        if (window[c].length != window[0].length) {
          throw new IllegalArgumentException("row '" + id + "': channel " + c + " has "
              + window[c].length + " samples, channel 0 has " + window[0].length);
        }
        w[c] = window[c].clone();
      }
      window = w;
      if (vector == null || vector.length == 0) {
        throw new IllegalArgumentException("row '" + id + "': the vector is empty");
      }
      vector = vector.clone();
      tags = List.copyOf(tags);
      confidences = confidences.clone();
      if (tags.size() != confidences.length) {
        throw new IllegalArgumentException("row '" + id + "': " + tags.size() + " tags but "
            + confidences.length + " confidences");
      }
    }

    @Override
    public float[][] window() {
      float[][] w = new float[window.length][];
      for (int c = 0; c < w.length; c++) {
        w[c] = window[c].clone();
      }
      return w;
    }

    @Override
    public float[] vector() {
      return vector.clone();
    }

    @Override
    public float[] confidences() {
      return confidences.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Row r && r.id.equals(id) && Arrays.deepEquals(r.window, window)
          && Arrays.equals(r.vector, vector) && r.tags.equals(tags) && Arrays.equals(r.confidences, confidences);
    }

    @Override
    public int hashCode() {
      return Objects.hash(id, Arrays.deepHashCode(window), Arrays.hashCode(vector), tags,
          Arrays.hashCode(confidences));
    }

    @Override
    public String toString() {
      return "Row[id=" + id + ", channels=" + window.length + ", length=" + window[0].length
          + ", dimension=" + vector.length + ", tags=" + tags + "]";
    }
  }

  /**
   * A file's content.
   *
   * @param metadata the caller's metadata as written
   * @param rows the rows in file order
   */
  public record Contents(Map<String, String> metadata, List<Row> rows) {
    /** Copies. */
    public Contents {
      metadata = Map.copyOf(metadata);
      rows = List.copyOf(rows);
    }
  }

  static Schema schema(Map<String, String> metadata) {
    Map<String, String> meta = new TreeMap<>();
    metadata.forEach((k, v) -> meta.put(USER + k, v));
    meta.put(ArrowVectors.KIND, KIND);
    meta.put(ArrowVectors.VERSION, "1");
    return new Schema(List.of(
        ArrowVectors.field("id", ArrowVectors.UTF8, false),
        ArrowVectors.field("channels", ArrowVectors.INT32, false),
        ArrowVectors.listOf("values", ArrowVectors.FLOAT32, false),
        ArrowVectors.listOf("vector", ArrowVectors.FLOAT32, false),
        ArrowVectors.listOf("tags", ArrowVectors.UTF8, false),
        ArrowVectors.listOf("confidences", ArrowVectors.FLOAT32, false)), meta);
  }

  /** Writes {@code rows} (possibly none) with {@code metadata} to {@code path}, replacing it. */
  public static void write(Path path, Map<String, String> metadata, List<Row> rows) throws IOException {
    ArrowFiles.write(path, schema(metadata), rows.size(), (r, from, count) -> {
      for (int i = 0; i < count; i++) {
        Row row = rows.get(from + i);
        ArrowVectors.setString((VarCharVector) r.getVector("id"), i, row.id());
        ((IntVector) r.getVector("channels")).setSafe(i, row.window.length);
        ArrowVectors.setFloats((ListVector) r.getVector("values"), i, row.window);
        ArrowVectors.setFloats((ListVector) r.getVector("vector"), i, new float[][] {row.vector});
        ArrowVectors.setStrings((ListVector) r.getVector("tags"), i, row.tags());
        ArrowVectors.setFloats((ListVector) r.getVector("confidences"), i, new float[][] {row.confidences});
      }
    });
  }

  /**
   * Reads a file written by {@link #write}.
   *
   * @throws DataFormatException if the file is not an embeddings file or is damaged (names it)
   */
  public static Contents read(Path path) throws IOException {
    List<Row> rows = new ArrayList<>();
    Map<String, String> meta = ArrowFiles.read(path, KIND, (root, row) -> {
      for (int i = 0; i < root.getRowCount(); i++) {
        rows.add(readRow(root, i));
        row[0]++;
      }
    });
    Map<String, String> user = new TreeMap<>();
    meta.forEach((k, v) -> {
      if (k.startsWith(USER)) {
        user.put(k.substring(USER.length()), v);
      }
    });
    return new Contents(user, rows);
  }

  private static Row readRow(VectorSchemaRoot r, int i) {
    String id = ArrowVectors.getString(ArrowVectors.vector(r, "id", VarCharVector.class), i);
    int channels = ArrowVectors.vector(r, "channels", IntVector.class).get(i);
    float[][] values = ArrowVectors.getFloats(ArrowVectors.vector(r, "values", ListVector.class), i, channels);
    float[] vector = ArrowVectors.getFloats(ArrowVectors.vector(r, "vector", ListVector.class), i, 1)[0];
    List<String> tags = ArrowVectors.getStrings(ArrowVectors.vector(r, "tags", ListVector.class), i);
    ListVector cv = ArrowVectors.vector(r, "confidences", ListVector.class);
    float[] conf = tags.isEmpty() ? new float[0] : ArrowVectors.getFloats(cv, i, 1)[0];
    return new Row(id, values, vector, tags, conf);
  }
}
