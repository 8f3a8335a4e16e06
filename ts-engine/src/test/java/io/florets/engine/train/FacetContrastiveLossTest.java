package io.florets.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.Window;
import io.florets.engine.EngineModel;
import io.florets.engine.TestModels;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FacetContrastiveLossTest {
  private static final int[] FACET_A = {5, 6};
  private static final int[] FACET_B = {5, 7};

  @Test
  void windowsThatShareAFacetValueEmbedTogetherUnderItsPrompt() {
    Kinds data = new Kinds(12);
    FacetContrastiveLoss loss = new FacetContrastiveLoss(List.of(FACET_A, FACET_B),
        data.labels::get, 12, 0.1f);
    TrainConfig cfg = TrainConfig.builder(60).learningRate(1e-3).warmupSteps(4).seed(3)
        .validateEvery(0).auxiliaryWeight(1.0).build();
    TrainingBatch<Window> probe = data.batch(10_000);
    try (EngineModel<Window> model = TestModels.tiny(8)) {
      double before = margin(model, probe, data, FACET_A, 0);
      try (Trainer<Window> trainer = Trainer.builder(model, cfg, data).auxiliaryLoss(loss).build()) {
        trainer.fit();
      }
      double after = margin(model, probe, data, FACET_A, 0);
      assertTrue(after > before + 0.05, "same-value minus other-value cosine " + before + " -> "
          + after);
    }
  }

  @Test
  void aStepWithoutAPositivePairCostsNothing() {
    Kinds data = new Kinds(4);
    TrainingBatch<Window> b = data.batch(1);
    Map<Window, int[]> distinct = new IdentityHashMap<>();
    for (int i = 0; i < b.size(); i++) {
      distinct.put(b.inputs().get(i), new int[] {i});
    }
    FacetContrastiveLoss loss = new FacetContrastiveLoss(List.of(FACET_A), distinct::get, 4, 0.1f);
    TrainConfig cfg = TrainConfig.builder(1).seed(1).validateEvery(0).auxiliaryWeight(1.0).build();
    double[] seen = new double[1];
    AuxiliaryLoss<Window> spy = (batch, ctx) -> {
      ai.djl.ndarray.NDArray l = loss.loss(batch, ctx);
      seen[0] = l.getFloat();
      return l;
    };
    try (EngineModel<Window> model = TestModels.tiny(2);
        Trainer<Window> trainer = Trainer.builder(model, cfg, s -> b).auxiliaryLoss(spy).build()) {
      trainer.step();
    }
    assertEquals(0.0, seen[0]);
  }

  @Test
  void settingsOutOfRangeAreRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> new FacetContrastiveLoss(List.of(), w -> null, 4, 0.1f));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new FacetContrastiveLoss(List.of(FACET_A), w -> null, 1, 0.1f));
    assertTrue(e.getMessage().contains("1"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new FacetContrastiveLoss(List.of(FACET_A), w -> null, 4, 0f));
  }

  /** Mean cosine of same-value pairs minus that of other-value pairs under {@code prompt}. */
  private static double margin(EngineModel<Window> model, TrainingBatch<Window> b, Kinds data,
      int[] prompt, int facet) {
    float[][] e = model.embed(b.inputs(), TestModels.prompts(b.size(), prompt));
    double same = 0;
    double other = 0;
    int ns = 0;
    int no = 0;
    for (int i = 0; i < e.length; i++) {
      for (int j = i + 1; j < e.length; j++) {
        double c = 0;
        for (int d = 0; d < e[i].length; d++) {
          c += e[i][d] * e[j][d];
        }
        if (data.labels.get(b.inputs().get(i))[facet]
            == data.labels.get(b.inputs().get(j))[facet]) {
          same += c;
          ns++;
        } else {
          other += c;
          no++;
        }
      }
    }
    return same / ns - other / no;
  }

  /**
   * Windows whose facet A is the sign of their level and facet B their shape (a sine or a ramp,
   * each in noise); the token task is a constant answer.
   */
  static final class Kinds implements BatchSource<Window> {
    final Map<Window, int[]> labels = new IdentityHashMap<>();
    private final int size;

    Kinds(int size) {
      this.size = size;
    }

    @Override
    public TrainingBatch<Window> batch(long step) {
      SplittableRandom r = new SplittableRandom(step * 17 + 3);
      List<Window> ws = new ArrayList<>();
      int[][] p = new int[size][];
      int[][] t = new int[size][];
      for (int i = 0; i < size; i++) {
        int kind = r.nextInt(2);
        int sign = r.nextInt(2);
        float[] x = new float[48];
        for (int k = 0; k < x.length; k++) {
          double shape = kind == 0 ? Math.sin(2 * Math.PI * k / 12.0) : k / 24.0 - 1;
          x[k] = (float) (shape + (sign == 0 ? -2 : 2) + 0.2 * r.nextGaussian());
        }
        Window w = Window.of(x);
        labels.put(w, new int[] {sign, kind});
        ws.add(w);
        p[i] = new int[] {5};
        t[i] = new int[] {10};
      }
      return new TrainingBatch<>(ws, p, t);
    }
  }
}
