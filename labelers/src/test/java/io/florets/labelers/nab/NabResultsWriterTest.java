package io.florets.labelers.nab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NAB results files round-trip: what is written scores the same when read back. */
class NabResultsWriterTest {

  @Test
  void writtenResultsReadBackToTheSameScores(@TempDir Path dir) throws IOException {
    NabSeries s = NabScorerTest.series(100, new IndexWindow(40, 49));
    double[] a = new double[100];
    for (int i = 0; i < a.length; i++) {
      a[i] = (i * 37 % 101) / 101.0;
    }
    List<Path> files = NabResultsWriter.write(dir, "det", List.of(s), List.of(a));
    assertEquals(dir.resolve("det/test/det_file.csv"), files.get(0));
    List<String[]> rows = NabReferenceData.csvRows(files.get(0));
    assertEquals("timestamp,value,anomaly_score,label", Files.readAllLines(files.get(0)).get(0));
    double[] back = new double[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      back[i] = Double.parseDouble(rows.get(i)[2]);
      assertEquals(s.labels()[i], Integer.parseInt(rows.get(i)[3]));
      assertEquals(s.timestamp(i), rows.get(i)[0]);
    }
    NabProfile p = NabProfile.standard();
    ThresholdChoice c = NabScorer.optimiseThreshold(List.of(s), List.of(a), p);
    assertEquals(c.score(), NabScorer.optimiseThreshold(List.of(s), List.of(back), p).score(), 0.0);
  }
}
