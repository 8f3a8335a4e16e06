package io.florets.labelers.signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KinksTest {
  private static final int N = 256;

  private static boolean[] all() {
    boolean[] use = new boolean[N];
    Arrays.fill(use, true);
    return use;
  }

  private static double[] sigma(double s) {
    double[] out = new double[N];
    Arrays.fill(out, s);
    return out;
  }

  @Test
  void placesTheBendsOfABrokenLineWithAShiftExactly() {
    double[] y = new double[N];
    Random r = new Random(3);
    for (int t = 0; t < N; t++) {
      y[t] = 0.02 * t + 0.05 * Math.max(0, t - 80) - 0.09 * Math.max(0, t - 190) + (t >= 140 ? 3 : 0)
          + 0.01 * r.nextGaussian();
    }
    Kinks.Result k = Kinks.fit(y, all(), 0, new int[] {140}, new int[] {74, 120, 195}, sigma(0.01), 16, 24, 16);
    assertArrayEquals(new int[] {80, 190}, k.at(), "the straight stretch's candidate goes, the bends are placed");
    assertTrue(k.z()[0] > 16 && k.z()[1] > 16, Arrays.toString(k.z()));
  }

  @Test
  void aShortPieceBesideABendNoLongerHidesIt() {
    // a bend at 100 with a spurious change point 12 samples after it (a spike run's edge)
    double[] y = new double[N];
    Random r = new Random(5);
    for (int t = 0; t < N; t++) {
      y[t] = -0.03 * Math.max(0, t - 100) + 0.05 * r.nextGaussian();
    }
    Kinks.Result k = Kinks.fit(y, all(), 0, new int[0], new int[] {98, 112}, sigma(0.05), 16, 24, 16);
    assertEquals(1, k.at().length, Arrays.toString(k.at()));
    assertTrue(Math.abs(k.at()[0] - 100) <= 2, Arrays.toString(k.at()));
  }

  @Test
  void fitsTheSeasonJointlyAndIgnoresMaskedSamples() {
    double[] y = new double[N];
    boolean[] use = all();
    Random r = new Random(11);
    for (int t = 0; t < N; t++) {
      y[t] = 2 * Math.sin(2 * Math.PI * t / 32) + 0.04 * Math.max(0, t - 150) + 0.1 * r.nextGaussian();
    }
    for (int t = 60; t < 70; t++) {
      y[t] = -40; // a dropout, left out
      use[t] = false;
    }
    Kinks.Result k = Kinks.fit(y, use, 32, new int[0], new int[] {60, 144}, sigma(0.1), 16, 24, 16);
    assertEquals(1, k.at().length, Arrays.toString(k.at()));
    assertTrue(Math.abs(k.at()[0] - 150) <= 2, Arrays.toString(k.at()));
  }

  @Test
  void aStraightNoisyLineHasNoBend() {
    Random r = new Random(17);
    double[] y = new double[N];
    for (int t = 0; t < N; t++) {
      y[t] = 0.01 * t + r.nextGaussian();
    }
    Kinks.Result k = Kinks.fit(y, all(), 0, new int[0], new int[] {50, 100, 150, 200}, sigma(1), 16, 24, 16);
    assertEquals(0, k.at().length, Arrays.toString(k.at()));
  }
}
