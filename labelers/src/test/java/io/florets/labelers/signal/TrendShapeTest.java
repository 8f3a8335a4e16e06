package io.florets.labelers.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Direction of hand-built trend curves. */
class TrendShapeTest {

  private static double[] pieces(int n, int[] breaks, double[] slopes) {
    double[] y = new double[n];
    double v = 0;
    int piece = 0;
    for (int i = 1; i < n; i++) {
      while (piece < breaks.length && i > breaks[piece]) {
        piece++;
      }
      v += slopes[piece];
      y[i] = v;
    }
    return y;
  }

  @Test
  void riseFallRiseIsMultipleAlthoughItsNetChangeIsSmall() {
    double[] y = pieces(240, new int[] {80, 160}, new double[] {1, -1, 1});
    assertEquals("multiple", TrendShape.classify(y, 10, 0.2));
  }

  @Test
  void riseAndFallIsMultipleAndALineIsNot() {
    assertEquals("multiple", TrendShape.classify(pieces(240, new int[] {120}, new double[] {1, -1}), 10, 0.2));
    assertEquals("increasing", TrendShape.classify(pieces(240, new int[0], new double[] {1}), 10, 0.2));
    assertEquals("decreasing", TrendShape.classify(pieces(240, new int[0], new double[] {-1}), 10, 0.2));
  }

  @Test
  void smallWigglesAreSteady() {
    double[] y = pieces(240, new int[] {80, 160}, new double[] {0.05, -0.05, 0.05});
    assertEquals("steady", TrendShape.classify(y, 10, 0.2));
  }
}
