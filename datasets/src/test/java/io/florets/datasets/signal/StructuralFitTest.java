package io.florets.datasets.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The joint fit of trend, steps and season recovers what a series was built from. */
class StructuralFitTest {

  private static float[] series(int n, long seed, double slope, int step, double stepSize,
      int hinge, double hingeSlope, double period, double amp, double sigma) {
    Random rnd = new Random(seed);
    float[] x = new float[n];
    for (int t = 0; t < n; t++) {
      double v = 100 + slope * t + (t >= step ? stepSize : 0)
          + (t > hinge ? hingeSlope * (t - hinge) : 0)
          + (period > 0 ? amp * Math.sin(2 * Math.PI * t / period) : 0) + sigma * rnd.nextGaussian();
      x[t] = (float) v;
    }
    return x;
  }

  @Test
  void aLevelStepIsAStepAndNotATrend() {
    float[] x = series(256, 1, 0, 120, 8, Integer.MAX_VALUE, 0, 0, 0, 0.5);
    StructuralFit f = StructuralFit.of(x);
    assertEquals(1, f.steps().length, "steps " + java.util.Arrays.toString(f.steps()));
    assertTrue(Math.abs(f.steps()[0] - 120) <= 1, "step at " + f.steps()[0]);
    assertEquals(8, f.stepSizes()[0], 0.4);
    assertEquals(0, f.hinges().length);
    assertEquals(0, f.slope() * 255, 0.6, "no trend: the net change of the line");
    assertEquals(0.5, f.sigma(), 0.1);
  }

  @Test
  void aRiseAndFallIsOneHinge() {
    float[] x = series(256, 2, 0.2, Integer.MAX_VALUE, 0, 140, -0.45, 0, 0, 0.5);
    StructuralFit f = StructuralFit.of(x);
    assertEquals(1, f.hinges().length, "hinges " + java.util.Arrays.toString(f.hinges()));
    assertTrue(Math.abs(f.hinges()[0] - 140) <= 4, "hinge at " + f.hinges()[0]);
    assertEquals(0.2, f.slope(), 0.02);
    assertEquals(-0.45, f.hingeSlopes()[0], 0.03);
    assertEquals(0, f.steps().length);
  }

  @Test
  void theSeasonIsFoundUnderATrendAndAStep() {
    float[] x = series(256, 3, 0.1, 90, -6, Integer.MAX_VALUE, 0, 21.5, 3, 0.8);
    StructuralFit f = StructuralFit.of(x);
    assertEquals(21.5, f.period(), 0.3);
    assertTrue(f.periodPValue() < 1e-6, "p " + f.periodPValue());
    assertEquals(3, Math.hypot(f.sin()[0], f.cos()[0]), 0.3, "the fundamental's amplitude");
    assertEquals(1, f.steps().length);
    assertTrue(Math.abs(f.steps()[0] - 90) <= 1);
  }

  @Test
  void spikesMissingSamplesAndDropoutsWeighNothing() {
    float[] x = series(256, 4, 0.05, Integer.MAX_VALUE, 0, Integer.MAX_VALUE, 0, 0, 0, 0.5);
    x[30] += 40;
    x[31] -= 35;
    for (int t = 100; t < 110; t++) {
      x[t] = Float.NaN;
    }
    for (int t = 180; t < 186; t++) {
      x[t] = 0;
    }
    StructuralFit f = StructuralFit.of(x);
    assertEquals(0, f.steps().length, "steps " + java.util.Arrays.toString(f.steps()));
    assertEquals(0, f.hinges().length, "hinges " + java.util.Arrays.toString(f.hinges()));
    assertEquals(0.05, f.slope(), 0.005);
    assertEquals(0.5, f.residualRms(), 0.1);
    assertEquals(0, f.period());
  }

  @Test
  void pureNoiseHasNoStructure() {
    float[] x = series(256, 5, 0, Integer.MAX_VALUE, 0, Integer.MAX_VALUE, 0, 0, 0, 1);
    StructuralFit f = StructuralFit.of(x);
    assertEquals(0, f.steps().length);
    assertEquals(0, f.hinges().length);
    assertEquals(0, f.period());
    assertEquals(0, f.harmonics());
  }

  @Test
  void tooFewUsableSamplesAreRefusedWithTheCount() {
    float[] x = new float[20];
    java.util.Arrays.fill(x, Float.NaN);
    x[0] = 1;
    x[5] = 2;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StructuralFit.of(x));
    assertTrue(e.getMessage().contains("2 of 20"), e.getMessage());
  }

  @Test
  void badSettingsAreRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> new StructuralFit.Config(0, 3, 6, 7, 1e-3, 4, 3));
    assertThrows(IllegalArgumentException.class,
        () -> new StructuralFit.Config(3, 3, 6, 7, 1.5, 4, 3));
  }
}
