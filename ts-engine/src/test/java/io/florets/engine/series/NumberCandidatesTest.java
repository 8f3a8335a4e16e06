package io.florets.engine.series;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NumberCandidatesTest {

  @Test
  void candidatesAreTheWindowsStatisticsInModelUnits() {
    // x = 10 + 2 t on t = 0..9, sample 4 missing; location 20, scale 4
    float[] x = new float[10];
    for (int t = 0; t < 10; t++) {
      x[t] = 10 + 2 * t;
    }
    x[4] = Float.NaN;
    double[] c = NumberCandidates.of(x, 20f, 4f);
    double[] z = new double[9];
    int k = 0;
    for (int t = 0; t < 10; t++) {
      if (t != 4) {
        z[k++] = (x[t] - 20.0) / 4.0;
      }
    }
    double mean = java.util.Arrays.stream(z).average().orElseThrow();
    double var = java.util.Arrays.stream(z).map(v -> (v - mean) * (v - mean)).sum() / 9;
    assertEquals(mean, c[0], 1e-12);
    assertEquals(Math.sqrt(var), c[1], 1e-12);
    assertEquals(-2.5, c[2], 1e-12);
    assertEquals(2.0, c[3], 1e-12);
    assertEquals(4.5, c[4], 1e-12);
    // slope 2 per sample is 0.5 model units per sample: over the 10-sample window a change of 5
    assertEquals(5.0, c[5], 1e-9);
    assertEquals(0.1, c[7], 1e-12);
    // on a straight line the residual spread around the least-squares line is 0
    assertEquals(0.0, c[9], 1e-9);
  }

  @Test
  void aConstantWindowHasZeroSpreadAndNoPeriod() {
    float[] x = new float[64];
    java.util.Arrays.fill(x, 3f);
    double[] c = NumberCandidates.of(x, 3f, 1f);
    assertEquals(0.0, c[0], 0);
    assertEquals(0.0, c[1], 0);
    assertEquals(0.0, c[6], 0);
    assertEquals(0.0, c[8], 0);
    assertEquals(0.0, c[10], 0);
  }
}
