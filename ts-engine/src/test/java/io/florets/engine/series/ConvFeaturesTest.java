package io.florets.engine.series;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.engine.EngineConfig;
import io.florets.engine.HostTensor;
import io.florets.engine.TestModels;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConvFeaturesTest {

  @Test
  void aFlatStretchHasNoShapeAndABumpHas() {
    int len = 64;
    float[] scaled = new float[len];
    boolean[] observed = new boolean[len];
    java.util.Arrays.fill(observed, true);
    for (int t = 40; t < 44; t++) {
      scaled[t] = 2f;
    }
    float[] out = new float[4 * ConvFeatures.FEATURES];
    ConvFeatures.write(scaled, observed, len, 4, 16, 16, out, 0);
    // patch 0 (samples 0..15) sees zeros only at dilations 1 and 2 (taps within 0..23): every
    // output is 0, above -0.5, not above 0 or 0.5
    for (int k = 0; k < ConvFeatures.KERNELS; k++) {
      for (int di = 0; di < 2; di++) {
        int f = (di * ConvFeatures.KERNELS + k) * 3;
        assertArrayEquals(new float[] {1f, 0f, 0f}, new float[] {out[f], out[f + 1], out[f + 2]},
            "kernel " + k + " dilation index " + di);
      }
    }
    // patch 2 (samples 32..47) holds the bump: some kernel at dilation 1 exceeds 0.5 somewhere
    float best = 0;
    for (int k = 0; k < ConvFeatures.KERNELS; k++) {
      best = Math.max(best, out[2 * ConvFeatures.FEATURES + k * 3 + 2]);
    }
    assertTrue(best > 0, "no kernel answers to the bump");
  }

  @Test
  void missingSamplesAreNotCountedAndAnEmptyPatchIsZero() {
    float[] scaled = new float[32];
    boolean[] observed = new boolean[32];
    for (int t = 0; t < 16; t++) {
      observed[t] = true;
    }
    float[] out = new float[2 * ConvFeatures.FEATURES];
    ConvFeatures.write(scaled, observed, 32, 2, 16, 16, out, 0);
    for (int f = 0; f < ConvFeatures.FEATURES; f++) {
      assertEquals(0f, out[ConvFeatures.FEATURES + f], "feature " + f);
    }
  }

  @Test
  void theFrontEndHandsTheFeaturesToTheModelOnlyWhenOn() {
    SeriesFrontEndConfig off = new SeriesFrontEndConfig(16, 8, 8, 64, 4, true).withStats(true);
    SeriesFrontEndConfig on = off.withConvFeatures(true);
    HostTensor conv = TestModels.addedTensor(off, on);
    assertEquals("conv", conv.name());
    assertArrayEquals(new long[] {2, 1, 5, ConvFeatures.FEATURES}, conv.shape());
    assertTrue(on.toJson().contains("\"convFeatures\":true"), on.toJson());
    assertTrue(!off.toJson().contains("convFeatures"), off.toJson());
  }

  @Test
  void aModelGivenTheFeaturesAnswersAsItsSourceUntilTrained() {
    SeriesFrontEndConfig f = new SeriesFrontEndConfig(EngineConfig.tiny().dModel(), 8, 8, 64, 4, true)
        .withStats(true);
    List<String> fresh = TestModels.grownFreshParameters(f, f.withConvFeatures(true));
    assertTrue(fresh.stream().anyMatch(n -> n.contains("convPatch")), fresh.toString());
    assertNotEquals(0, fresh.size());
  }
}
