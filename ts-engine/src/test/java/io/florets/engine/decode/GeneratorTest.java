package io.florets.engine.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.Window;
import io.florets.engine.EngineModel;
import io.florets.engine.TestModels;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeneratorTest {

  /** Greedy and beam decoding give the same tokens and log-probabilities with and without cache. */
  private static void assertCachedDecodingIsUncached(EngineModel<Window> model, List<Window> ws,
      int[][] prompts) {
    for (int beam : new int[] {1, 3}) {
      DecodeOptions o = new DecodeOptions(beam, 10, TokenConstraint.NONE, true);
      List<Decoded> cached = model.decode(ws, prompts, o);
      List<Decoded> plain = model.decode(ws, prompts, o.withCache(false));
      for (int i = 0; i < ws.size(); i++) {
        assertArrayEquals(plain.get(i).tokens(), cached.get(i).tokens(), "beam " + beam + " row " + i);
        assertArrayEquals(plain.get(i).logProbs(), cached.get(i).logProbs(), 1e-4f);
      }
    }
  }

  @Test
  void cachedGreedyAndBeamGiveTheTokensOfUncachedDecoding() {
    try (EngineModel<Window> model = TestModels.tiny(3)) {
      List<Window> ws = TestModels.windows(5, 70, 9);
      int[][] prompts = TestModels.prompts(5, 5, 6);
      prompts[1] = new int[] {7};
      for (int beam : new int[] {1, 3}) {
        DecodeOptions o = new DecodeOptions(beam, 12, TokenConstraint.NONE, true);
        List<Decoded> cached = model.decode(ws, prompts, o);
        List<Decoded> plain = model.decode(ws, prompts, o.withCache(false));
        for (int i = 0; i < ws.size(); i++) {
          assertArrayEquals(plain.get(i).tokens(), cached.get(i).tokens(), "beam " + beam + " row " + i);
          assertArrayEquals(plain.get(i).logProbs(), cached.get(i).logProbs(), 1e-4f);
        }
      }
    }
  }

  @Test
  void typeScoresDecodeTheSameCachedAndUncached() {
    try (EngineModel<Window> model = TestModels.tinyPointer(true, true, true, 5)) {
      for (ai.djl.util.Pair<String, ai.djl.nn.Parameter> p : model.network().getParameters()) {
        if (p.getKey().endsWith("typeGate")) {
          p.getValue().getArray().set(new float[] {1.5f});
        }
        if (p.getKey().contains("stuck") && p.getKey().endsWith("weight")) {
          // the stuck-sample weights start at zero; give them values so that they count here
          ai.djl.ndarray.NDArray w = p.getValue().getArray();
          w.set(w.getManager().randomNormal(0f, 0.3f, w.getShape(), w.getDataType()).toFloatArray());
        }
      }
      List<Window> ws = TestModels.windowsWithRuns(4, 61, 3);
      int[][] prompts = TestModels.prompts(4, 5, 2);
      assertCachedDecodingIsUncached(model, ws, prompts);
    }
  }

  @Test
  void theNumberCopyDecodesTheSameCachedAndUncached() {
    try (EngineModel<Window> model = TestModels.tinyNumbers(true, 11)) {
      for (ai.djl.util.Pair<String, ai.djl.nn.Parameter> p : model.network().getParameters()) {
        if (p.getKey().contains("copyKinds") || p.getKey().contains("copyChannels")
            || p.getKey().contains("copySignGate")
            || (p.getKey().contains("noise") && p.getKey().endsWith("weight"))) {
          ai.djl.ndarray.NDArray w = p.getValue().getArray();
          w.set(w.getManager().randomNormal(0f, 1f, w.getShape(), w.getDataType()).toFloatArray());
        }
      }
      List<Window> ws = TestModels.windowsWithRuns(4, 61, 5);
      int[][] prompts = TestModels.prompts(4, 5, 2);
      assertCachedDecodingIsUncached(model, ws, prompts);
    }
  }

  @Test
  void aModelWarmStartedWithTheNumberCopyAnswersAsItsSource() {
    try (EngineModel<Window> source = TestModels.tinyNumbers(false, 12);
        EngineModel<Window> grown = TestModels.tinyNumbers(true, 13)) {
      List<String> fresh = grown.copyMatchingFrom(source);
      assertTrue(fresh.stream().anyMatch(n -> n.contains("copyKinds")), fresh.toString());
      assertTrue(fresh.stream().anyMatch(n -> n.contains("copyQuery")), fresh.toString());
      assertTrue(fresh.stream().anyMatch(n -> n.contains("noiseLocal")), fresh.toString());
      assertTrue(fresh.stream().anyMatch(n -> n.contains("copySignGate")), fresh.toString());
      List<Window> ws = TestModels.windowsWithRuns(3, 64, 4);
      int[][] prompts = TestModels.prompts(3, 5, 8);
      DecodeOptions o = new DecodeOptions(1, 10, TokenConstraint.NONE, true);
      List<Decoded> a = source.decode(ws, prompts, o);
      List<Decoded> b = grown.decode(ws, prompts, o);
      for (int i = 0; i < ws.size(); i++) {
        assertArrayEquals(a.get(i).tokens(), b.get(i).tokens(), "row " + i);
        assertArrayEquals(a.get(i).logProbs(), b.get(i).logProbs(), 1e-4f);
      }
    }
  }

  @Test
  void aWarmStartedModelWithNewPartsAnswersAsItsSource() {
    try (EngineModel<Window> source = TestModels.tinyPointer(false, false, 6);
        EngineModel<Window> grown = TestModels.tinyPointer(true, true, true, 7)) {
      List<String> fresh = grown.copyMatchingFrom(source);
      assertTrue(fresh.stream().anyMatch(n -> n.endsWith("typeGate")), fresh.toString());
      assertTrue(fresh.stream().anyMatch(n -> n.contains("patchOut")), fresh.toString());
      assertTrue(fresh.stream().anyMatch(n -> n.contains("stuckPatch")), fresh.toString());
      assertTrue(fresh.stream().anyMatch(n -> n.contains("stuckLocal")), fresh.toString());
      List<Window> ws = TestModels.windowsWithRuns(3, 64, 4);
      int[][] prompts = TestModels.prompts(3, 5, 8);
      DecodeOptions o = new DecodeOptions(1, 10, TokenConstraint.NONE, true);
      List<Decoded> a = source.decode(ws, prompts, o);
      List<Decoded> b = grown.decode(ws, prompts, o);
      for (int i = 0; i < ws.size(); i++) {
        assertArrayEquals(a.get(i).tokens(), b.get(i).tokens(), "row " + i);
        assertArrayEquals(a.get(i).logProbs(), b.get(i).logProbs(), 1e-4f);
      }
    }
  }

  @Test
  void poolWorkersGiveTheAnswersOfASingleThread() throws Exception {
    try (EngineModel<Window> model = TestModels.tiny(8);
        InferencePool<Window> pool = InferencePool.of(model, 3)) {
      List<Window> ws = TestModels.windows(4, 50, 12);
      int[][] prompts = TestModels.prompts(4, 6, 7);
      DecodeOptions o = DecodeOptions.beam(6);
      List<Decoded> expected = model.decode(ws, prompts, o);
      java.util.List<java.util.concurrent.CompletableFuture<List<Decoded>>> futures =
          new java.util.ArrayList<>();
      for (int i = 0; i < 6; i++) {
        futures.add(pool.decodeAsync(ws, prompts, o));
      }
      for (java.util.concurrent.CompletableFuture<List<Decoded>> f : futures) {
        assertEquals(expected, f.get());
      }
      float[][] e = pool.embed(ws, prompts);
      assertEquals(model.config().embedDim(), e[0].length);
      double norm = 0;
      for (float v : e[0]) {
        norm += v * v;
      }
      assertEquals(1.0, norm, 1e-4);
      org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
          () -> pool.decode(ws, new int[][] {{99}}, o));
    }
  }

  @Test
  void constraintMasksLogitsAndRenormalises() {
    try (EngineModel<Window> model = TestModels.tiny(4)) {
      List<Window> ws = TestModels.windows(3, 40, 1);
      // answers must be: 10 or 11, then 12, then EOS
      TokenConstraint c = (item, prefix) -> {
        BitSet b = new BitSet();
        if (prefix.length == 0) {
          b.set(10, 12);
        } else if (prefix.length == 1) {
          b.set(12);
        } else {
          b.set(TestModels.VOCAB.eosId());
        }
        return b;
      };
      for (int beam : new int[] {1, 3}) {
        List<Decoded> out = model.decode(ws, TestModels.prompts(3, 5),
            new DecodeOptions(beam, 10, c, true));
        for (Decoded d : out) {
          assertEquals(2, d.tokens().length, d.toString());
          assertTrue(d.tokens()[0] == 10 || d.tokens()[0] == 11);
          assertEquals(12, d.tokens()[1]);
          assertEquals(0f, d.logProbs()[1], 1e-6f); // the only allowed id has probability 1
          assertEquals(0f, d.eosLogProb(), 1e-6f);
          assertTrue(d.logProbs()[0] <= 0f && d.logProbs()[0] > Math.log(0.01));
        }
      }
    }
  }
}
