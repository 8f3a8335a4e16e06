package io.florets.labelers.changepoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TssbReaderTest {

  @Test
  void readsDescriptionSeriesAndCompetitors(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("desc.txt"), "A,10,3\nB,5\n");
    Files.writeString(dir.resolve("A.txt"), "1.0\n2.5\n-3\n4\n5\n");
    Files.writeString(dir.resolve("B.txt"), "0\n1\n");
    Files.writeString(dir.resolve("c.csv"), "dataset,X,Y\nA,0.5,0.25\n");
    List<TssbSeries> s = TssbReader.read(dir);
    assertEquals(2, s.size());
    assertEquals("A", s.get(0).name());
    assertEquals(10, s.get(0).window());
    assertArrayEquals(new int[] {3}, s.get(0).changePoints());
    assertArrayEquals(new double[] {1, 2.5, -3, 4, 5}, s.get(0).values());
    assertEquals(0, s.get(1).changePoints().length);
    assertEquals(Map.of("A", Map.of("X", 0.5, "Y", 0.25)), TssbReader.competitors(dir.resolve("c.csv")));
  }

  @Test
  void badValueNamesFileAndLine(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("desc.txt"), "A,10\n");
    Files.writeString(dir.resolve("A.txt"), "1.0\nx\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TssbReader.read(dir));
    assertEquals(dir.resolve("A.txt") + " line 2: 'x' is not a number", e.getMessage());
  }

  @Test
  void changePointBeyondTheSeriesIsRejected(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("desc.txt"), "A,10,9\n");
    Files.writeString(dir.resolve("A.txt"), "1\n2\n3\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TssbReader.read(dir));
    assertTrue(e.getMessage().contains("change point 9"), e.getMessage());
  }

  @Test
  void segmentsTwoSharedSeriesWell() throws IOException {
    String base = System.getProperty("florets.shared.data");
    assumeTrue(base != null && Files.isRegularFile(Path.of(base, "tssb", "desc.txt")), "no TSSB data: skipped");
    List<TssbSeries> all = TssbReader.read(Path.of(base, "tssb"));
    ClassificationSegmenter seg = ClassificationSegmenter.of(ClassificationSegmenter.Config.defaults());
    for (TssbSeries s : all) {
      if (s.name().equals("Coffee") || s.name().equals("GunPoint")) {
        int[] p = seg.changePoints(s.values(), s.window());
        assertTrue(SegmentationScores.covering(s.changePoints(), p, s.length()) > 0.9, s.name());
      }
    }
  }
}
