package io.florets.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.Window;
import io.florets.engine.EngineModel;
import io.florets.engine.TestModels;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JepaLossTest {

  @Test
  void hiddenPatchesBecomeMissingSamplesAndTheRestIsKept() {
    float[] x = new float[40];
    for (int t = 0; t < x.length; t++) {
      x[t] = t;
    }
    boolean[] hidden = {false, true, true, false, false};
    Window v = JepaLoss.hide(Window.of(x), hidden, 8, 8);
    float[] y = v.channel(0);
    for (int t = 0; t < x.length; t++) {
      if (t >= 8 && t < 24) {
        assertTrue(Float.isNaN(y[t]), "sample " + t + " should be hidden");
      } else {
        assertEquals(x[t], y[t], "sample " + t);
      }
    }
    float[] gone = new float[16];
    java.util.Arrays.fill(gone, Float.NaN);
    assertNull(JepaLoss.hide(Window.of(gone), new boolean[] {true, false}, 8, 8),
        "a view with nothing observed is refused");
  }

  @Test
  void masksHideAboutTheRatioInBlocksAndNeverAllPatches() {
    try (EngineModel<Window> model = TestModels.tiny(3);
        JepaLoss loss = new JepaLoss(model, new int[] {5}, 4, 0.4, 2, 0.99, 1,
            TrainConfig.builder(10).build())) {
      Random r = new Random(7);
      for (int i = 0; i < 200; i++) {
        boolean[] h = loss.hiddenPatches(8, r);
        int n = 0;
        for (boolean b : h) {
          n += b ? 1 : 0;
        }
        assertTrue(n >= 2 && n <= 3, "hid " + n + " of 8");
      }
      assertFalse(loss.hiddenPatches(1, r)[0], "a one-patch window keeps its patch");
    }
    try (EngineModel<Window> model = TestModels.tiny(3);
        JepaLoss loss = new JepaLoss(model, new int[] {5}, 4, 0.9, 1, 0.99, 1,
            TrainConfig.builder(10).build())) {
      boolean[] most = loss.hiddenPatches(2, new Random(1));
      assertTrue(most[0] ^ most[1], "one of two patches hidden, never both");
    }
  }

  @Test
  void settingsOutOfRangeAreRefusedWithTheValue() {
    try (EngineModel<Window> model = TestModels.tiny(3)) {
      TrainConfig c = TrainConfig.builder(10).build();
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> new JepaLoss(model, new int[] {5}, 4, 0.95, 2, 0.99, 1, c));
      assertTrue(e.getMessage().contains("0.95"), e.getMessage());
      e = assertThrows(IllegalArgumentException.class,
          () -> new JepaLoss(model, new int[] {5}, 4, 0.4, 2, 1.0, 1, c));
      assertTrue(e.getMessage().contains("1.0"), e.getMessage());
    }
  }

  @Test
  void trainingLowersThePredictionErrorAndTheTargetFollowsSlowly() {
    TrainConfig cfg = TrainConfig.builder(60).learningRate(3e-3).warmupSteps(5).seed(2)
        .validateEvery(0).auxiliaryWeight(1.0).build();
    try (EngineModel<Window> model = TestModels.tiny(4);
        JepaLoss jepa = new JepaLoss(model, new int[] {5}, 8, 0.4, 2, 0.95, 3, cfg)) {
      float[] start = first(model);
      List<Double> losses = new ArrayList<>();
      AuxiliaryLoss<Window> recorded = new AuxiliaryLoss<>() {
        @Override
        public ai.djl.ndarray.NDArray loss(TrainingBatch<Window> b, Context<Window> c) {
          ai.djl.ndarray.NDArray l = jepa.loss(b, c);
          losses.add(jepa.lastLoss());
          return l;
        }

        @Override
        public void afterUpdate(boolean applied, double lr, long step) {
          jepa.afterUpdate(applied, lr, step);
        }
      };
      try (Trainer<Window> trainer = Trainer.builder(model, cfg, new Waves(8)).auxiliaryLoss(recorded)
          .build()) {
        trainer.fit();
      }
      double early = mean(losses.subList(0, 10));
      double late = mean(losses.subList(losses.size() - 10, losses.size()));
      assertTrue(late < 0.8 * early, "prediction error " + early + " -> " + late);
      float[] online = first(model);
      float[] target = first(jepa.targetModel());
      double moved = distance(target, start);
      assertTrue(moved > 0, "the target encoder never moved");
      assertTrue(moved < distance(online, start), "the target moved " + moved
          + ", further than the model itself " + distance(online, start));
    }
  }

  @Test
  void withoutAnUpdateTheTargetStaysTheStartingWeights() {
    try (EngineModel<Window> model = TestModels.tiny(5);
        JepaLoss jepa = new JepaLoss(model, new int[] {5}, 4, 0.4, 2, 0.99, 1,
            TrainConfig.builder(10).build())) {
      jepa.afterUpdate(false, 1e-3, 1);
      assertArrayEquals(first(model), first(jepa.targetModel()));
    }
  }

  /** Sines of random period and phase, with a copy target so the token loss has work too. */
  static final class Waves implements BatchSource<Window> {
    private final int size;

    Waves(int size) {
      this.size = size;
    }

    @Override
    public TrainingBatch<Window> batch(long step) {
      SplittableRandom r = new SplittableRandom(step * 31 + 7);
      List<Window> ws = new ArrayList<>();
      int[][] p = new int[size][];
      int[][] t = new int[size][];
      for (int i = 0; i < size; i++) {
        float[] x = new float[48];
        double period = 8 + r.nextInt(16);
        double phase = r.nextDouble() * 2 * Math.PI;
        for (int k = 0; k < x.length; k++) {
          x[k] = (float) Math.sin(2 * Math.PI * k / period + phase);
        }
        ws.add(Window.of(x));
        p[i] = new int[] {5};
        t[i] = new int[] {10};
      }
      return new TrainingBatch<>(ws, p, t);
    }
  }

  private static float[] first(EngineModel<Window> m) {
    return m.network().getParameters().get(0).getValue().getArray().toFloatArray();
  }

  private static double distance(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return Math.sqrt(s);
  }

  private static double mean(List<Double> v) {
    return v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }
}
