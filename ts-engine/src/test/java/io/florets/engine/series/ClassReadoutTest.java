package io.florets.engine.series;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.florets.datasets.Window;
import io.florets.engine.EngineConfig;
import io.florets.engine.EngineModel;
import io.florets.engine.FrontEndBatch;
import io.florets.engine.HostTensor;
import io.florets.engine.TestModels;
import io.florets.engine.decode.DecodeOptions;
import io.florets.engine.decode.Decoded;
import io.florets.engine.decode.TokenConstraint;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassReadoutTest {

  private static List<float[][]> sines(int n, int length) {
    List<float[][]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      float[] x = new float[length];
      for (int t = 0; t < length; t++) {
        x[t] = (float) Math.sin(2 * Math.PI * t / (8 + i));
      }
      out.add(new float[][] {x});
    }
    return out;
  }

  @Test
  void dilationsFollowTheShortestWindowAndTheFeaturesAreProportions() {
    ClassReadout r = ClassReadout.fit(sines(4, 100), new int[] {7, 9}, 1);
    // (100 - 1) / 8 = 12: dilations 1, 2, 4, 8
    assertArrayEquals(new int[] {1, 2, 4, 8}, r.dilations());
    assertEquals(4 * ConvFeatures.KERNELS * r.biasesPerKernel(), r.features());
    assertTrue(r.features() >= ClassReadout.TARGET_FEATURES, "features " + r.features());
    float[] f = r.transform(sines(1, 100).get(0));
    for (float v : f) {
      assertTrue(v >= 0f && v <= 1f, "feature " + v);
    }
    // a window of another length gets the same number of features
    assertEquals(r.features(), r.transform(sines(1, 37).get(0)).length);
  }

  @Test
  void aMissingSampleTakesTheLastObservedValueAndAnEmptyChannelIsAnError() {
    ClassReadout r = ClassReadout.fit(sines(3, 64), new int[] {3, 4}, 2);
    float[] x = sines(1, 64).get(0)[0].clone();
    float[] held = x.clone();
    held[20] = held[19];
    x[20] = Float.NaN;
    assertArrayEquals(r.transform(new float[][] {held}), r.transform(new float[][] {x}));
    float[] empty = new float[64];
    java.util.Arrays.fill(empty, Float.NaN);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> r.transform(new float[][] {empty}));
    assertTrue(e.getMessage().contains("no observed sample"), e.getMessage());
  }

  @Test
  void twoChannelsAverageTheirFeatures() {
    ClassReadout r = ClassReadout.fit(sines(3, 64), new int[] {3, 4}, 2);
    float[] a = sines(1, 64).get(0)[0];
    float[] b = new float[64];
    for (int t = 0; t < 64; t++) {
      b[t] = t % 5;
    }
    float[] fa = r.transform(new float[][] {a});
    float[] fb = r.transform(new float[][] {b});
    float[] both = r.transform(new float[][] {a, b});
    for (int j = 0; j < both.length; j++) {
      assertEquals((fa[j] + fb[j]) / 2, both[j], 1e-6, "feature " + j);
    }
  }

  @Test
  void theSettingsReadBackFromTheirJson() throws Exception {
    ClassReadout r = ClassReadout.fit(sines(3, 64), new int[] {11, 12, 13}, 5);
    SeriesFrontEndConfig c = new SeriesFrontEndConfig(16, 8, 8, 64, 4, true).withStats(true)
        .withReadout(r);
    SeriesFrontEndConfig back = new ObjectMapper().readValue(c.toJson(), SeriesFrontEndConfig.class);
    assertEquals(c, back);
    assertEquals(r, back.readout());
    assertTrue(!c.withReadout(null).toJson().contains("readout"));
  }

  @Test
  void badSettingsAreRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> new ClassReadout(new int[] {1}, 2, new float[3], new int[] {1, 2}));
    assertThrows(IllegalArgumentException.class, () -> new ClassReadout(new int[] {1}, 1,
        new float[ConvFeatures.KERNELS], new int[] {1}));
    assertThrows(IllegalArgumentException.class,
        () -> ClassReadout.fit(List.of(), new int[] {1, 2}, 0));
  }

  @Test
  void theReadoutAddsToItsClassIdsOnlyAndAZeroReadoutChangesNothing() {
    EngineConfig c = EngineConfig.tiny();
    SeriesFrontEndConfig f = new SeriesFrontEndConfig(c.dModel(), 8, 8, 64, 4, true).withStats(true);
    List<Window> ws = TestModels.windows(3, 48, 6);
    List<float[][]> fit = new ArrayList<>();
    for (Window w : ws) {
      fit.add(new float[][] {w.channel(0)});
    }
    ClassReadout r = ClassReadout.fit(fit, new int[] {30, 31}, 3);
    try (EngineModel<Window> source = EngineModel.create(c, SeriesFrontEnd.of(f), TestModels.VOCAB, 4);
        EngineModel<Window> grown = EngineModel.create(c,
            SeriesFrontEnd.of(f.withReadout(r)), TestModels.VOCAB, 5)) {
      List<String> fresh = grown.copyMatchingFrom(source);
      assertTrue(fresh.stream().anyMatch(n -> n.endsWith("readoutWeight")), fresh.toString());
      TestModels.assertDecodesAlike(source, grown);
      FrontEndBatch batch = SeriesFrontEnd.of(f.withReadout(r)).prepare(ws);
      HostTensor last = batch.tensors().get(batch.tensors().size() - 1);
      assertEquals("readout", last.name());
      assertArrayEquals(new long[] {3, r.features()}, last.shape());
      // a bias of +100 on class id 31: greedy decoding answers 31 first, whatever the decoder says
      grown.setParameter("readoutBias", new float[] {0f, 100f});
      DecodeOptions o = new DecodeOptions(1, 1, TokenConstraint.NONE, true);
      for (Decoded d : grown.decode(ws, TestModels.prompts(3, 5, 8), o)) {
        assertEquals(31, d.tokens()[0]);
      }
      assertThrows(IllegalArgumentException.class,
          () -> grown.setParameter("readoutBias", new float[3]));
    }
  }
}
