package io.florets.labelers.changepoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ClassificationSegmenterTest {
  private static final ClassificationSegmenter SEG =
      ClassificationSegmenter.of(ClassificationSegmenter.Config.defaults());

  /** Sine of period 20 until {@code cut}, then a square wave of the same period, with noise. */
  static double[] twoRegimes(int n, int cut, long seed) {
    Random r = new Random(seed);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      double phase = 2 * Math.PI * i / 20.0;
      x[i] = (i < cut ? Math.sin(phase) : Math.signum(Math.sin(phase))) + 0.1 * r.nextGaussian();
    }
    return x;
  }

  @Test
  void findsTheChangeOfShapeWithinTheMargin() {
    for (long seed = 1; seed <= 3; seed++) {
      double[] x = twoRegimes(2000, 1130, seed);
      int[] cps = SEG.changePoints(x, 20);
      assertEquals(1, cps.length, "seed " + seed + ": " + Arrays.toString(cps));
      assertTrue(Math.abs(cps[0] - 1130) <= SegmentationScores.margin(2000), "seed " + seed + ": " + cps[0]);
    }
  }

  @Test
  void findsThreeSegments() {
    Random r = new Random(5);
    double[] x = new double[3000];
    for (int i = 0; i < x.length; i++) {
      double p = i < 1000 ? 20 : i < 2000 ? 33 : 20;
      double v = Math.sin(2 * Math.PI * i / p);
      x[i] = (i >= 2000 ? Math.signum(v) : v) + 0.1 * r.nextGaussian();
    }
    int[] cps = SEG.changePoints(x, 25);
    assertEquals(2, cps.length, Arrays.toString(cps));
    assertTrue(Math.abs(cps[0] - 1000) <= 30 && Math.abs(cps[1] - 2000) <= 30, Arrays.toString(cps));
  }

  @Test
  void oneRegimeGivesNoChangePoint() {
    Random r = new Random(11);
    double[] x = new double[2000];
    for (int i = 0; i < x.length; i++) {
      x[i] = Math.sin(2 * Math.PI * i / 20.0) + 0.3 * r.nextGaussian();
    }
    assertEquals(0, SEG.changePoints(x, 20).length);
  }

  @Test
  void stricterThresholdKeepsASubsetOfTheCandidates() {
    double[] x = twoRegimes(2000, 900, 4);
    List<ClassificationSegmenter.Candidate> all = SEG.candidates(x, 20, 2);
    int[] loose = ClassificationSegmenter.select(all, 2);
    int[] strict = ClassificationSegmenter.select(all, 10);
    assertTrue(loose.length >= strict.length);
    for (int c : strict) {
      assertTrue(Arrays.stream(loose).anyMatch(l -> l == c));
    }
    assertTrue(Arrays.equals(strict, SEG.changePoints(x, 20)));
  }

  @Test
  void neighboursOfAPeriodicSeriesAreWholePeriodsAway() {
    double[] x = new double[400];
    for (int i = 0; i < x.length; i++) {
      x[i] = Math.sin(2 * Math.PI * i / 25.0) + 0.3 * Math.sin(2 * Math.PI * i / 12.5);
    }
    SubsequenceNeighbours nn = SubsequenceNeighbours.of(x, 0, x.length, 25, 3);
    for (int i = 0; i < nn.windows(); i += 37) {
      for (int r = 0; r < 3; r++) {
        int d = Math.abs(nn.neighbour(i, r) - i);
        assertEquals(0, d % 25, "window " + i + " neighbour " + nn.neighbour(i, r));
      }
    }
  }

  @Test
  void nonFiniteValueIsNamed() {
    double[] x = twoRegimes(1000, 500, 1);
    x[17] = Double.NaN;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SEG.changePoints(x, 20));
    assertEquals("series value at index 17 is not finite: NaN", e.getMessage());
  }
}
