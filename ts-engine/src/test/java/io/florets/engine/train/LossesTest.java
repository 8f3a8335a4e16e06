package io.florets.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class LossesTest {
  private static final int V = 40;
  private static final int FIRST = 10;
  private static final int COUNT = 25;

  /** Logits of one row of two positions: a peak of height 6 at each given token. */
  private static NDArray peaks(NDManager m, int first, int second) {
    float[] l = new float[2 * V];
    l[first] = 6f;
    l[V + second] = 6f;
    return m.create(l, new Shape(1, 2, V));
  }

  private static float loss(NDManager m, NDArray logits, long a, long b, double sigma) {
    NDArray labels = m.create(new long[] {a, b}, new Shape(1, 2));
    NDArray mask = m.ones(new Shape(1, 2));
    NDArray r = sigma > 0 ? Losses.softOrdinalCrossEntropy(logits, labels, mask, 0.05, FIRST, COUNT, sigma)
        : Losses.smoothedCrossEntropy(logits, labels, mask, 0.05);
    return r.getFloat();
  }

  @Test
  void aNearMissCostsLessThanAFarOneOnlyWithSoftOrdinalTargets() {
    try (NDManager m = NDManager.newBaseManager()) {
      // target token 3 (not ordinal) then ordinal bin 12 of the run (token 22)
      float near = loss(m, peaks(m, 3, FIRST + 13), 3, FIRST + 12, 1.5);
      float far = loss(m, peaks(m, 3, FIRST + 22), 3, FIRST + 12, 1.5);
      float exact = loss(m, peaks(m, 3, FIRST + 12), 3, FIRST + 12, 1.5);
      assertTrue(near < far, "one bin off " + near + " against ten off " + far);
      assertTrue(exact < near, "exact " + exact + " against one bin off " + near);
      // one-hot targets cannot tell a near miss from a far one
      float nearHard = loss(m, peaks(m, 3, FIRST + 13), 3, FIRST + 12, 0);
      float farHard = loss(m, peaks(m, 3, FIRST + 22), 3, FIRST + 12, 0);
      assertEquals(nearHard, farHard, 1e-5);
    }
  }

  @Test
  void withoutOrdinalTargetsItIsTheSmoothedCrossEntropy() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray logits = peaks(m, 3, 5);
      assertEquals(loss(m, logits, 3, 7, 0), loss(m, logits, 3, 7, 2.0), 1e-6);
    }
  }

  @Test
  void theConfigRefusesAnEmptyRunOrABadSigma() {
    assertThrows(IllegalArgumentException.class,
        () -> TrainConfig.builder(10).softOrdinalTargets(5, 1, 2.0).build());
    assertThrows(IllegalArgumentException.class,
        () -> TrainConfig.builder(10).softOrdinalTargets(5, 100, Double.NaN).build());
    assertEquals(2.0, TrainConfig.builder(10).softOrdinalTargets(5, 100, 2.0).build().ordinalSigma());
  }
}
