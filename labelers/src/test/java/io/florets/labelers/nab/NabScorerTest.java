package io.florets.labelers.nab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** NAB's scoring rule on small hand-computed cases. */
class NabScorerTest {

  static NabSeries series(int n, IndexWindow... windows) {
    String[] ts = new String[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      ts[i] = "t" + i;
      v[i] = i;
    }
    return NabSeries.of("test/file.csv", ts, v, List.of(windows));
  }

  @Test
  void scaledSigmoidHasNabsAnchors() {
    assertEquals(0.98661, NabScorer.scaledSigmoid(-1.0), 1e-5);
    assertEquals(0.84828, NabScorer.scaledSigmoid(-0.5), 1e-5);
    assertEquals(0.0, NabScorer.scaledSigmoid(0.0), 1e-15);
    assertEquals(-0.98661, NabScorer.scaledSigmoid(1.0), 1e-5);
    assertEquals(-1.0, NabScorer.scaledSigmoid(3.0), 0.0);
  }

  @Test
  void probationaryLengthIsFifteenPercentCappedAt750() {
    assertEquals(604, NabScorer.probationaryLength(4032));
    assertEquals(186, NabScorer.probationaryLength(1243));
    assertEquals(750, NabScorer.probationaryLength(5000));
    assertEquals(750, NabScorer.probationaryLength(22695));
    assertEquals(0, NabScorer.probationaryLength(6));
  }

  @Test
  void firstDetectionCountsAndFalsePositivesAreWeightedByDistance() {
    // 100 rows: probation 15; window rows 40..49 (width 10)
    NabSeries s = series(100, new IndexWindow(40, 49));
    NabProfile p = NabProfile.standard();
    double[] a = new double[100];
    a[10] = 1; // probation: ignored
    a[20] = 1; // FP before any window: -0.11
    a[42] = 1; // first detection in window: position -(49-42+1)/10 = -0.8
    a[45] = 1; // later detection: ignored
    a[54] = 1; // FP 5 rows past a width-10 window: y = 5/9
    FileScore f = NabScorer.scoreFile(s, a, p, 0.5);
    double tp = NabScorer.scaledSigmoid(-0.8) / NabScorer.scaledSigmoid(-1.0);
    double fp = -0.11 + 0.11 * NabScorer.scaledSigmoid(5.0 / 9.0);
    assertEquals(tp + fp, f.score(), 1e-12);
    assertEquals(2, f.tp());
    assertEquals(2, f.fp());
    assertEquals(8, f.fn());
    assertEquals(100 - 15 - 10 - 2, f.tn());
    double[] c = NabScorer.contributions(s, a, p, 0.5);
    assertEquals(tp, c[42], 1e-12);
    assertEquals(0.0, c[45]);
    assertEquals(0.0, c[10]);
    FileScore none = NabScorer.scoreFile(s, new double[100], p, 0.5);
    assertEquals(-1.0, none.score(), 0.0);
  }

  @Test
  void optimiserPicksTheBestCorpusThresholdAndAgreesWithPerFileScores() {
    NabSeries s1 = series(100, new IndexWindow(40, 49));
    NabSeries s2 = series(200, new IndexWindow(100, 119), new IndexWindow(150, 169));
    double[] a1 = new double[100];
    double[] a2 = new double[200];
    a1[41] = 0.9;
    a1[70] = 0.95; // a false positive scoring higher than the hit
    a2[101] = 0.8;
    a2[60] = 0.7;
    a2[151] = 0.6;
    for (NabProfile p : NabProfile.published()) {
      ThresholdChoice c = NabScorer.optimiseThreshold(List.of(s1, s2), List.of(a1, a2), p);
      double sum = NabScorer.scoreFile(s1, a1, p, c.threshold()).score()
          + NabScorer.scoreFile(s2, a2, p, c.threshold()).score();
      assertEquals(sum, c.score(), 1e-12, p.name());
      for (double t : new double[] {1.1, 0.95, 0.9, 0.8, 0.7, 0.6, 0.0}) {
        double other = NabScorer.scoreFile(s1, a1, p, t).score() + NabScorer.scoreFile(s2, a2, p, t).score();
        assertEquals(true, other <= c.score() + 1e-12, p.name() + " threshold " + t + " beats the optimum");
      }
    }
    ThresholdChoice std = NabScorer.optimiseThreshold(List.of(s1, s2), List.of(a1, a2), NabProfile.standard());
    assertEquals(0.6, std.threshold(), 0.0);
  }

  @Test
  void rejectsMismatchedOrNaNScores() {
    NabSeries s = series(100, new IndexWindow(40, 49));
    assertThrows(IllegalArgumentException.class, () -> NabScorer.scoreFile(s, new double[99], NabProfile.standard(), 0.5));
    double[] bad = new double[100];
    bad[3] = Double.NaN;
    assertThrows(IllegalArgumentException.class, () -> NabScorer.scoreFile(s, bad, NabProfile.standard(), 0.5));
    assertThrows(IllegalArgumentException.class, () -> series(100, new IndexWindow(40, 49), new IndexWindow(45, 60)));
    assertArrayEquals(new int[] {0, 1, 1, 0}, series(4, new IndexWindow(1, 2)).labels());
  }
}
