package io.florets.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.florets.engine.GradMode;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdamWTest {

  @Test
  void twoStepsMatchHandComputedAdamW() {
    boolean prev = GradMode.off();
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray w = m.create(new float[] {1f, -2f, 0.5f, 3f}, new ai.djl.ndarray.types.Shape(2, 2));
      TrainConfig c = TrainConfig.builder(10).betas(0.9, 0.99).weightDecay(0.1).build();
      AdamW opt = new AdamW(m, List.of("w"), List.of(w), c);
      float[] g1 = {0.5f, -1f, 2f, 0f};
      float[] g2 = {-0.25f, 0.5f, 1f, 4f};
      double[] expW = {1, -2, 0.5, 3};
      double[] em = new double[4];
      double[] ev = new double[4];
      double lr = 0.01;
      double scale = 0.5;
      float[][] grads = {g1, g2};
      for (int t = 1; t <= 2; t++) {
        opt.update(List.of(m.create(grads[t - 1], w.getShape())), lr, scale, t);
        double corr = lr * Math.sqrt(1 - Math.pow(0.99, t)) / (1 - Math.pow(0.9, t));
        for (int i = 0; i < 4; i++) {
          double g = grads[t - 1][i] * scale;
          em[i] = 0.9 * em[i] + 0.1 * g;
          ev[i] = 0.99 * ev[i] + 0.01 * g * g;
          expW[i] = expW[i] - corr * em[i] / (Math.sqrt(ev[i]) + c.epsilon()) - lr * 0.1 * expW[i];
        }
        float[] got = w.toFloatArray();
        for (int i = 0; i < 4; i++) {
          assertEquals(expW[i], got[i], 2e-6, "step " + t + " element " + i);
        }
      }
    } finally {
      GradMode.restore(prev);
    }
  }
}
