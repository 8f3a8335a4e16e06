package io.florets.engine.series;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.engine.EngineConfig;
import io.florets.engine.HostTensor;
import io.florets.engine.TestModels;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CycleFeaturesTest {
  private static final int N = 256;

  /** A wave of the given kind ({@code 0} sine, {@code 1} square, {@code 2} triangle). */
  private static float[] wave(int kind, int period, double noise, double slope, long seed) {
    Random r = new Random(seed);
    double phase = r.nextDouble() * 2 * Math.PI;
    float[] x = new float[N];
    for (int t = 0; t < N; t++) {
      double s = Math.sin(2 * Math.PI * t / period + phase);
      double v = kind == 0 ? s : kind == 1 ? Math.signum(s) : (2 / Math.PI) * Math.asin(s);
      x[t] = (float) (v + slope * t + noise * r.nextGaussian());
    }
    return x;
  }

  private static float[] of(float[] x) {
    float[] f = CycleFeatures.of(x, 0f, 1f);
    assertEquals(CycleFeatures.FEATURES, f.length);
    for (float v : f) {
      assertTrue(Float.isFinite(v), java.util.Arrays.toString(f));
    }
    return f;
  }

  @Test
  void thePeriodIsFoundUnderNoiseAndATrend() {
    for (int period : new int[] {8, 13, 20, 37, 64}) {
      float[] f = of(wave(0, period, 0.3, 0.01, period));
      // within 5% (at 64 samples the window holds only four cycles)
      assertEquals(period, f[7] * N, Math.max(1, period / 20), "period " + period);
      assertTrue(f[6] > 0.5 && f[8] > 0.5, "period " + period + " strength " + f[6] + " / " + f[8]);
    }
  }

  @Test
  void theWaveformsDifferInTheirThirdHarmonicAndKurtosis() {
    for (long seed = 1; seed <= 5; seed++) {
      float[] sine = of(wave(0, 32, 0.2, 0, seed));
      float[] square = of(wave(1, 32, 0.2, 0, seed));
      float[] triangle = of(wave(2, 32, 0.2, 0, seed));
      // harmonic 3 is feature 8 + 3: about 1/3 for a square wave, 1/9 for a triangle, 0 for a sine
      assertTrue(square[11] > 0.25 && square[11] < 0.4, "square h3 " + square[11]);
      assertTrue(triangle[11] > 0.05 && triangle[11] < 0.18, "triangle h3 " + triangle[11]);
      assertTrue(sine[11] < 0.05, "sine h3 " + sine[11]);
      assertTrue(square[15] < sine[15] && sine[15] < triangle[15],
          "kurtosis/3 " + square[15] + " " + sine[15] + " " + triangle[15]);
      // the matched filters (17 sine, 18 square, 19 triangle): each wave correlates best with its own
      assertTrue(sine[17] > sine[19] && sine[17] > sine[18], "sine " + sine[17] + " " + sine[18] + " " + sine[19]);
      assertTrue(square[18] > square[17] && square[18] > square[19], "square");
      assertTrue(triangle[19] > triangle[17] && triangle[19] > triangle[18], "triangle");
    }
  }

  @Test
  void aBentTrendIsSeenAsTwoPiecesAndALineAsOne() {
    float[] tent = new float[N];
    float[] line = new float[N];
    Random r = new Random(3);
    for (int t = 0; t < N; t++) {
      tent[t] = (float) ((t < 160 ? t : 320 - t) / 40.0 + 0.2 * r.nextGaussian());
      line[t] = (float) (t / 40.0 + 0.2 * r.nextGaussian());
    }
    float[] a = of(tent);
    float[] b = of(line);
    assertTrue(a[2] > 0.8, "tent gain " + a[2]);
    assertTrue(b[2] < 0.05, "line gain " + b[2]);
    assertTrue(b[1] > 0.9, "line R2 " + b[1]);
    assertTrue(a[3] > 0 && a[4] < 0, "tent slopes " + a[3] + " " + a[4]);
    assertEquals(160.0 / N, a[5], 0.05);
    // a third piece adds little to a tent, much to a zigzag of three pieces
    float[] zig = new float[N];
    for (int t = 0; t < N; t++) {
      zig[t] = (float) ((t < 90 ? t : t < 180 ? 180 - t : t - 180) / 30.0 + 0.1 * r.nextGaussian());
    }
    assertTrue(a[20] < 0.2, "tent third piece " + a[20]);
    assertTrue(of(zig)[20] > 0.5, "zigzag third piece " + of(zig)[20]);
  }

  @Test
  void degenerateChannelsGiveZerosOrFiniteValues() {
    assertArrayEquals(new float[CycleFeatures.FEATURES], CycleFeatures.of(new float[N], 0f, 1f));
    float[] few = new float[N];
    java.util.Arrays.fill(few, Float.NaN);
    few[3] = 1f;
    assertArrayEquals(new float[CycleFeatures.FEATURES], CycleFeatures.of(few, 0f, 1f));
    float[] gappy = wave(1, 16, 0.1, 0, 9);
    for (int t = 0; t < N; t += 3) {
      gappy[t] = Float.NaN;
    }
    of(gappy);
    of(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 1});
    of(new float[] {1e30f, -1e30f, 1e30f, -1e30f, 0, 0, 0, 0, 0, 1e30f, 5});
  }

  @Test
  void theFrontEndHandsTheFeaturesToTheModelOnlyWhenOn() {
    SeriesFrontEndConfig off = new SeriesFrontEndConfig(16, 8, 8, 64, 4, true).withStats(true);
    SeriesFrontEndConfig on = off.withCycleFeatures(true);
    HostTensor cycle = TestModels.addedTensor(off, on);
    assertEquals("cycle", cycle.name());
    assertArrayEquals(new long[] {2, 1, CycleFeatures.FEATURES}, cycle.shape());
    assertTrue(on.toJson().contains("\"cycleFeatures\":true"), on.toJson());
    assertTrue(!off.toJson().contains("cycleFeatures"), off.toJson());
    assertTrue(!on.withStats(false).cycleFeatures(), "stats off turns the cycle features off");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new SeriesFrontEndConfig(16, 8, 8, 64, 4, true, false, 0, 0, 0, false, 0, 0, false,
            false, false, false, false, true));
    assertTrue(e.getMessage().contains("statistics"), e.getMessage());
  }

  @Test
  void aModelGivenTheFeaturesAnswersAsItsSourceUntilTrained() {
    SeriesFrontEndConfig f = new SeriesFrontEndConfig(EngineConfig.tiny().dModel(), 8, 8, 64, 4, true)
        .withStats(true);
    List<String> fresh = TestModels.grownFreshParameters(f, f.withCycleFeatures(true));
    assertTrue(fresh.stream().anyMatch(n -> n.contains("cycleStats")), fresh.toString());
  }
}
