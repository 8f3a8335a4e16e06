package io.florets.engine.series;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.engine.EngineConfig;
import io.florets.engine.HostTensor;
import io.florets.engine.TestModels;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StructuralFeaturesTest {
  private static final int N = 256;

  /** A wave ({@code 0} sine, {@code 1} square, {@code 2} triangle) with a level shift at 150. */
  private static float[] wave(int kind, int period, double noise, double shift, long seed) {
    Random r = new Random(seed);
    double phase = r.nextDouble() * 2 * Math.PI;
    float[] x = new float[N];
    for (int t = 0; t < N; t++) {
      double s = Math.sin(2 * Math.PI * t / period + phase);
      double v = kind == 0 ? s : kind == 1 ? Math.signum(s) : (2 / Math.PI) * Math.asin(s);
      x[t] = (float) (50 + v + (t >= 150 ? shift : 0) + noise * r.nextGaussian());
    }
    return x;
  }

  private static float[] of(float[] x) {
    float[] f = StructuralFeatures.of(x);
    assertEquals(StructuralFeatures.FEATURES, f.length);
    for (float v : f) {
      assertTrue(Float.isFinite(v), java.util.Arrays.toString(f));
    }
    return f;
  }

  @Test
  void eachWaveformLeavesTheLeastOfItsOwnSeriesUnexplained() {
    for (int kind = 0; kind < 3; kind++) {
      float[] f = of(wave(kind, 24, 0.1, 3, 7 + kind));
      assertEquals(1f, f[0], "a period is found");
      int best = 3;
      for (int i = 4; i < 6; i++) {
        if (f[i] < f[best]) {
          best = i;
        }
      }
      assertEquals(3 + kind, best, "kind " + kind + ": " + java.util.Arrays.toString(f));
      assertTrue(f[11] > 0.5, "the level shift of 3 is seen: " + f[11]);
      assertTrue(Math.abs(f[8]) < 0.5, "and not read as a trend: " + f[8]);
    }
  }

  @Test
  void fewSamplesGiveZerosAndOddValuesStayFinite() {
    float[] x = new float[40];
    java.util.Arrays.fill(x, Float.NaN);
    x[3] = 1;
    assertArrayEquals(new float[StructuralFeatures.FEATURES], of(x));
    of(new float[] {1e30f, -1e30f, 1e30f, -1e30f, 0, 0, 0, 0, 0, 1e30f, 5, 6, 7, 8, 9, 10, 11, 12});
    float[] flat = new float[64];
    java.util.Arrays.fill(flat, 3f);
    of(flat);
  }

  @Test
  void theFrontEndHandsTheFeaturesToTheModelOnlyWhenOn() {
    SeriesFrontEndConfig off = new SeriesFrontEndConfig(16, 8, 8, 64, 4, true).withStats(true);
    SeriesFrontEndConfig on = off.withStructuralFeatures(true);
    HostTensor t = TestModels.addedTensor(off, on);
    assertEquals("structural", t.name());
    assertArrayEquals(new long[] {2, 1, StructuralFeatures.FEATURES}, t.shape());
    assertTrue(on.toJson().contains("\"structuralFeatures\":true"), on.toJson());
    assertTrue(!off.toJson().contains("structuralFeatures"), off.toJson());
    assertTrue(!on.withStats(false).structuralFeatures(), "stats off turns them off");
  }

  @Test
  void aModelGivenTheFeaturesAnswersAsItsSourceUntilTrained() {
    SeriesFrontEndConfig f = new SeriesFrontEndConfig(EngineConfig.tiny().dModel(), 8, 8, 64, 4, true)
        .withStats(true).withCycleFeatures(true);
    List<String> fresh = TestModels.grownFreshParameters(f, f.withStructuralFeatures(true));
    assertTrue(fresh.stream().anyMatch(n -> n.contains("structuralStats")), fresh.toString());
    assertTrue(fresh.stream().noneMatch(n -> n.contains("cycleStats")), fresh.toString());
  }
}
