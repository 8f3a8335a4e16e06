package io.florets.labelers.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class HingeTest {

  @Test
  void findsTheBendOfANoiselessBrokenLineExactly() {
    double[] y = new double[100];
    for (int t = 0; t < y.length; t++) {
      y[t] = 2 + 0.5 * t - 1.3 * Math.max(0, t - 61);
    }
    assertEquals(61, Hinge.locate(y, 0, 100, 40, 80));
  }

  @Test
  void findsTheBendOfANoisyVWithinTwoSamples() {
    for (long seed = 1; seed <= 5; seed++) {
      Random r = new Random(seed);
      double[] y = new double[200];
      for (int t = 0; t < y.length; t++) {
        y[t] = (t < 117 ? 0.05 * t : 0.05 * 117 - 0.05 * (t - 117)) + 0.2 * r.nextGaussian();
      }
      int at = Hinge.locate(y, 0, 200, 100, 135);
      assertTrue(Math.abs(at - 117) <= 2, "seed " + seed + ": " + at);
    }
  }
}
