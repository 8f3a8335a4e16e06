package io.florets.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.florets.datasets.Window;
import io.florets.engine.checkpoint.Checkpoints;
import io.florets.engine.checkpoint.Provenance;
import io.florets.engine.decode.DecodeOptions;
import io.florets.engine.decode.Decoded;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocabularyExtensionTest {
  private static final VocabSpec LARGER = new VocabSpec(46, 0, 1, 2, "test-vocab-46");

  @Test
  void oldIdsKeepTheirLogitsAndNewRowsStartAtTheMean(@TempDir Path tmp) throws Exception {
    List<Window> ws = TestModels.windows(3, 48, 4);
    int[][] prompts = {{5, 9}, {7}, {5, 30, 31}};
    int[][] targets = {{3, 4, 5}, {39}, {7, 8}};
    try (EngineModel<Window> m = TestModels.tiny(17);
        EngineModel<Window> big = m.withVocabulary(LARGER, 5)) {
      assertEquals(46, big.vocab().size());
      assertEquals(m.parameterCount() + 6L * m.config().dModel(), big.parameterCount());
      float[][][] a = m.teacherForcedLogits(ws, prompts, targets);
      float[][][] b = big.teacherForcedLogits(ws, prompts, targets);
      for (int i = 0; i < a.length; i++) {
        for (int t = 0; t < a[i].length; t++) {
          assertEquals(40, a[i][t].length);
          assertEquals(46, b[i][t].length);
          assertArrayEquals(a[i][t], Arrays.copyOf(b[i][t], 40), 1e-5f, "row " + i + " step " + t);
        }
      }
      float[] tokens = tokens(big);
      float[] old = tokens(m);
      int d = m.config().dModel();
      assertArrayEquals(old, Arrays.copyOf(tokens, old.length));
      for (int c = 0; c < d; c++) {
        double mean = 0;
        for (int r = 0; r < 40; r++) {
          mean += old[r * d + c];
        }
        mean /= 40;
        for (int r = 40; r < 46; r++) {
          assertEquals(mean, tokens[r * d + c], 5 * EngineModel.NEW_ROW_NOISE, "new row " + r);
        }
      }
      assertTrue(tokens[40 * d] != tokens[41 * d], "new rows differ by their noise");
      // greedy decoding restricted to old ids answers as before
      DecodeOptions greedy = DecodeOptions.greedy(4).withConstraint((row, prefix) -> {
        java.util.BitSet s = new java.util.BitSet();
        s.set(0, 40);
        return s;
      });
      List<Decoded> da = m.decode(ws, prompts, greedy);
      List<Decoded> db = big.decode(ws, prompts, greedy);
      for (int i = 0; i < ws.size(); i++) {
        assertArrayEquals(da.get(i).tokens(), db.get(i).tokens());
      }
      Checkpoints.save(big, tmp.resolve("ck"), Provenance.of("x", 17, 0, ""));
      try (EngineModel<Window> back = Checkpoints.load(tmp.resolve("ck"), big.frontEnd(), LARGER)) {
        float[][][] c = back.teacherForcedLogits(ws, prompts, targets);
        assertArrayEquals(b[0][1], c[0][1], 0f);
        assertArrayEquals(b[2][2], c[2][2], 0f);
      }
    }
  }

  @Test
  void refusesASmallerVocabularyOrMovedSpecials() {
    try (EngineModel<Window> m = TestModels.tiny(1)) {
      assertThrows(IllegalArgumentException.class,
          () -> m.withVocabulary(new VocabSpec(30, 0, 1, 2, "smaller"), 1));
      assertThrows(IllegalArgumentException.class,
          () -> m.withVocabulary(new VocabSpec(50, 0, 2, 1, "moved"), 1));
    }
  }

  private static float[] tokens(EngineModel<?> m) {
    for (Pair<String, Parameter> p : m.network().getParameters()) {
      if (p.getKey().equals("tokens")) {
        return p.getValue().getArray().toFloatArray();
      }
    }
    throw new AssertionError("no tokens parameter");
  }
}
