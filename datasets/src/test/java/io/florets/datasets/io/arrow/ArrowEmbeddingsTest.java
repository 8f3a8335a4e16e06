package io.florets.datasets.io.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.io.DataFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArrowEmbeddingsTest {
  @Test
  void rowsAndMetadataRoundTripExactly(@TempDir Path dir) throws Exception {
    List<ArrowEmbeddings.Row> rows = List.of(
        new ArrowEmbeddings.Row("a@0", new float[][] {{1, Float.NaN, 3}}, new float[] {0.6f, 0.8f},
            List.of("increasing"), new float[] {0.93f}),
        new ArrowEmbeddings.Row("b@5", new float[][] {{1, 2}, {3, 4}}, new float[] {1f, 0f},
            List.of(), new float[0]),
        new ArrowEmbeddings.Row("c@1", new float[][] {{7}}, new float[] {0f, 1f},
            List.of("spike_up", "dropout"), new float[] {0.7f, 0.55f}));
    Path f = dir.resolve("e.arrow");
    ArrowEmbeddings.write(f, Map.of("facet", "trend", "model", "abc"), rows);
    ArrowEmbeddings.Contents c = ArrowEmbeddings.read(f);
    assertEquals(rows, c.rows());
    assertEquals(Map.of("facet", "trend", "model", "abc"), c.metadata());

    Path empty = dir.resolve("empty.arrow");
    ArrowEmbeddings.write(empty, Map.of("facet", ""), List.of());
    assertEquals(List.of(), ArrowEmbeddings.read(empty).rows());
  }

  @Test
  void badRowsAndOtherFilesAreRefusedByName(@TempDir Path dir) throws Exception {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ArrowEmbeddings.Row("x", new float[][] {{1}}, new float[] {1}, List.of("a", "b"),
            new float[] {0.5f}));
    assertTrue(e.getMessage().contains("'x'") && e.getMessage().contains("2 tags"), e.getMessage());
    Path junk = dir.resolve("junk.arrow");
    Files.writeString(junk, "not arrow");
    DataFormatException d = assertThrows(DataFormatException.class, () -> ArrowEmbeddings.read(junk));
    assertTrue(d.getMessage().contains("junk.arrow"), d.getMessage());
  }
}
