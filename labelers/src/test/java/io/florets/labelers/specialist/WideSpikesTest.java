package io.florets.labelers.specialist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WideSpikesTest {

  private static float[] asFloat(double[] y) {
    float[] f = new float[y.length];
    for (int i = 0; i < y.length; i++) {
      f[i] = (float) y[i];
    }
    return f;
  }

  private static List<int[]> find(double[] y) {
    return WideSpikes.find(y, y, asFloat(y), flat(y.length, 0.1), 5, 15, 5, 3);
  }

  @Test
  void placesAHalfSineBumpWithinOneSample() {
    Random r = new Random(3);
    double[] y = new double[200];
    for (int i = 0; i < y.length; i++) {
      y[i] = 0.1 * r.nextGaussian();
    }
    for (int j = 0; j < 11; j++) {
      y[90 + j] -= 0.8 * Math.sin(Math.PI * (j + 1) / 12);
    }
    List<int[]> b = find(y);
    assertEquals(1, b.size());
    assertTrue(Math.abs(b.get(0)[0] - 90) <= 1 && Math.abs(b.get(0)[1] - 100) <= 1, b.get(0)[0] + ".." + b.get(0)[1]);
    assertEquals(-1, b.get(0)[2]);
  }

  @Test
  void aSingleSpikeOrAStepIsNotABump() {
    Random r = new Random(4);
    double[] y = new double[200];
    for (int i = 0; i < y.length; i++) {
      y[i] = 0.1 * r.nextGaussian() + (i >= 150 ? 1.5 : 0);
    }
    y[60] += 3;
    double[] resid = y.clone();
    for (int i = 150; i < y.length; i++) {
      resid[i] -= 1.5;
    }
    resid[148] += 1.5;
    resid[149] += 1.5;
    assertEquals(0, WideSpikes.find(y, resid, asFloat(y), flat(y.length, 0.1), 5, 15, 5, 3).size());
  }

  private static double[] flat(int n, double sigma) {
    double[] s = new double[n];
    java.util.Arrays.fill(s, sigma);
    return s;
  }

  @Test
  void aBumpIsScoredAgainstTheSigmaAtItsCentre() {
    Random rnd = new Random(9);
    double[] y = new double[200];
    double[] sigma = new double[200];
    for (int t = 0; t < y.length; t++) {
      sigma[t] = t >= 80 && t < 120 ? 1.0 : 0.1;
      y[t] = 0.1 * rnd.nextGaussian();
    }
    // a smooth bump of 2 where the noise sigma is 1: a bump against the quiet sigma only
    for (int j = 0; j < 9; j++) {
      y[96 + j] += 2.0 * Math.sin(Math.PI * (j + 1) / 10);
    }
    assertEquals(1, WideSpikes.find(y, y, asFloat(y), flat(y.length, 0.1), 5, 15, 5, 3).size());
    assertEquals(0, WideSpikes.find(y, y, asFloat(y), sigma, 5, 15, 5, 3).size());
  }
}
