package io.florets.engine.series;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.engine.EngineConfig;
import io.florets.engine.HostTensor;
import io.florets.engine.TestModels;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WaveformEvidenceTest {
  private static final int N = 256;

  /** A wave ({@code 0} sine, {@code 1} square, {@code 2} triangle) of amplitude 1 in noise. */
  private static float[] wave(int kind, int period, double noise, long seed) {
    Random r = new Random(seed);
    double phase = r.nextDouble() * 2 * Math.PI;
    float[] x = new float[N];
    for (int t = 0; t < N; t++) {
      double s = Math.sin(2 * Math.PI * t / period + phase);
      double v = kind == 0 ? s : kind == 1 ? Math.signum(s) : (2 / Math.PI) * Math.asin(s);
      x[t] = (float) (20 + 0.01 * t + v + noise * r.nextGaussian());
    }
    return x;
  }

  private static float[] of(float[] x) {
    float[] f = WaveformEvidence.of(x);
    assertEquals(WaveformEvidence.FEATURES, f.length);
    for (float v : f) {
      assertTrue(Float.isFinite(v) && Math.abs(v) <= 3, Arrays.toString(f));
    }
    return f;
  }

  @Test
  void eachWaveformIsFavouredOverTheOthersOnItsOwnSeries() {
    for (long seed = 1; seed <= 5; seed++) {
      float[] sine = of(wave(0, 24, 0.3, seed));
      assertTrue(sine[0] > 0 && sine[1] > 0, "sine over triangle and square: " + Arrays.toString(sine));
      float[] square = of(wave(1, 24, 0.3, seed));
      assertTrue(square[1] < 0 && square[2] > 0, "square over sine and triangle: "
          + Arrays.toString(square));
      float[] triangle = of(wave(2, 24, 0.3, seed));
      assertTrue(triangle[0] < 0 && triangle[2] < 0, "triangle over sine and square: "
          + Arrays.toString(triangle));
      assertTrue(sine[3] > 1 && square[3] > 1 && triangle[3] > 1, "a clear season");
    }
  }

  @Test
  void theEvidenceGrowsAsTheNoiseFalls() {
    // the same triangle at less noise: the ratio grows (about as 1 / sigma^2)
    float noisy = of(wave(2, 32, 0.6, 11))[0];
    float clean = of(wave(2, 32, 0.1, 11))[0];
    assertTrue(clean < noisy && noisy < 0, "triangle evidence " + noisy + " then " + clean);
  }

  @Test
  void noSeasonOrTooFewSamplesGiveZeros() {
    Random r = new Random(3);
    float[] noise = new float[N];
    for (int t = 0; t < N; t++) {
      noise[t] = (float) r.nextGaussian();
    }
    assertArrayEquals(new float[WaveformEvidence.FEATURES], of(noise));
    float[] few = new float[40];
    Arrays.fill(few, Float.NaN);
    few[2] = 4;
    assertArrayEquals(new float[WaveformEvidence.FEATURES], of(few));
    float[] flat = new float[64];
    Arrays.fill(flat, 3f);
    assertArrayEquals(new float[WaveformEvidence.FEATURES], of(flat));
  }

  @Test
  void theFrontEndHandsTheEvidenceToTheModelOnlyWhenOn() {
    SeriesFrontEndConfig off = new SeriesFrontEndConfig(16, 8, 8, 64, 4, true).withStats(true)
        .withStructuralFeatures(true);
    SeriesFrontEndConfig on = off.withWaveformEvidence(true);
    HostTensor t = TestModels.addedTensor(off, on);
    assertEquals("waveform", t.name());
    assertArrayEquals(new long[] {2, 1, WaveformEvidence.FEATURES}, t.shape());
    List<HostTensor> a = SeriesFrontEnd.of(off).prepare(TestModels.windows(2, 40, 3)).tensors();
    List<HostTensor> b = SeriesFrontEnd.of(on).prepare(TestModels.windows(2, 40, 3)).tensors();
    assertArrayEquals(a.get(a.size() - 1).data(), b.get(b.size() - 2).data(),
        "the structural features are unchanged");
    assertTrue(on.toJson().contains("\"waveformEvidence\":true"), on.toJson());
    assertTrue(!off.toJson().contains("waveformEvidence"), off.toJson());
    assertTrue(!on.withStats(false).waveformEvidence(), "stats off turns it off");
    assertEquals(on, on.withDModel(16).withPatch(8), "kept by the other copies");
  }

  @Test
  void aModelGivenTheEvidenceAnswersAsItsSourceUntilTrained() {
    SeriesFrontEndConfig f = new SeriesFrontEndConfig(EngineConfig.tiny().dModel(), 8, 8, 64, 4, true)
        .withStats(true).withStructuralFeatures(true);
    List<String> fresh = TestModels.grownFreshParameters(f, f.withWaveformEvidence(true));
    assertTrue(fresh.stream().anyMatch(n -> n.contains("waveformStats")), fresh.toString());
    assertTrue(fresh.stream().noneMatch(n -> n.contains("structuralStats")), fresh.toString());
  }
}
