package io.florets.dataengine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.Window;
import io.florets.prompt.facade.Florets;
import io.florets.dataengine.TinyModels;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EmbeddingEvaluationTest {
  /** Two classes: rising ramps and sine waves, with a little noise. */
  private static void data(int n, long seed, List<Window> ws, List<String> labels) {
    Random r = new Random(seed);
    for (int i = 0; i < n; i++) {
      float[] x = new float[64];
      boolean ramp = i % 2 == 0;
      for (int t = 0; t < x.length; t++) {
        x[t] = (float) ((ramp ? t / 64.0 : Math.sin(t / 3.0)) + 0.05 * r.nextGaussian());
      }
      ws.add(Window.of(x));
      labels.add(ramp ? "ramp" : "sine");
    }
  }

  @Test
  void rawAndChanceReferencesAreExactOnSeparableClasses() {
    List<Window> ws = new ArrayList<>();
    List<String> ls = new ArrayList<>();
    data(24, 1, ws, ls);
    Florets f = Florets.of(TinyModels.bundle());
    EmbeddingEvaluation.Precision m = EmbeddingEvaluation.leaveOneOut(f, ws, ls, 5);
    assertEquals(1.0, m.rawPrecisionAtK(), 1e-9);
    // 12 per class: each query has 11 of 23 others with its label
    assertEquals(11.0 / 23, m.chancePrecisionAtK(), 1e-4);
    double p = m.precisionAtK();
    assertTrue(p >= 0 && p <= 1, "precision " + p);
    assertEquals(24, m.queries());
  }

  @Test
  void queriesAgainstAnIndexUseTheIndexedLabels() {
    List<Window> tw = new ArrayList<>();
    List<String> tl = new ArrayList<>();
    data(20, 2, tw, tl);
    List<Window> qw = new ArrayList<>();
    List<String> ql = new ArrayList<>();
    data(6, 3, qw, ql);
    Florets f = Florets.of(TinyModels.bundle());
    EmbeddingEvaluation.Precision m = EmbeddingEvaluation.queries(f, tw, tl, qw, ql, 3);
    assertEquals(1.0, m.rawPrecisionAtK(), 1e-9);
    assertEquals(0.5, m.chancePrecisionAtK(), 1e-9);
    assertEquals(6, m.queries());
  }

  @Test
  void tooFewWindowsAreRefused() {
    List<Window> ws = new ArrayList<>();
    List<String> ls = new ArrayList<>();
    data(4, 1, ws, ls);
    Florets f = Florets.of(TinyModels.bundle());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> EmbeddingEvaluation.leaveOneOut(f, ws, ls, 10));
    assertTrue(e.getMessage().contains("precision@10"), e.getMessage());
  }
}
