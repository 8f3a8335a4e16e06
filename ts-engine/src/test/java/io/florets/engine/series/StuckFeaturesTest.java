package io.florets.engine.series;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class StuckFeaturesTest {

  /** Patches of 4 samples laid out as the front end does: {@code [values..., mask...]}. */
  private static NDArray patches(NDManager m, float[] values, float[] mask) {
    int pl = 4;
    int p = values.length / pl;
    float[] out = new float[p * 2 * pl];
    for (int i = 0; i < p; i++) {
      System.arraycopy(values, i * pl, out, i * 2 * pl, pl);
      System.arraycopy(mask, i * pl, out, i * 2 * pl + pl, pl);
    }
    return m.create(out, new Shape(1, 1, p, 2 * pl));
  }

  @Test
  void repeatsAndRunsOfFiveAreMarkedAcrossPatchBorders() {
    try (NDManager m = NDManager.newBaseManager()) {
      // a run of 5 equal values at 3..7 (across the border at 4), a pair at 10..11, a run of
      // equal values broken by a missing sample at 13..15
      float[] v = {0.1f, 0.5f, 0.2f, 0.7f, 0.7f, 0.7f, 0.7f, 0.7f, 0.3f, 0.9f, 0.4f, 0.4f,
          0f, 0.6f, 0f, 0.6f};
      float[] mask = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1};
      NDArray[] f = SampleScores.stuckFeatures(patches(m, v, mask), 4);
      assertArrayEquals(new float[] {0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 0, 0},
          f[0].toFloatArray());
      assertArrayEquals(new float[] {0, 0, 0, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0},
          f[1].toFloatArray());
    }
  }

  @Test
  void aMissingSampleFilledWithTheLocationIsNotARepeat() {
    try (NDManager m = NDManager.newBaseManager()) {
      // missing samples carry 0 in the patch values; with observed zeros around they must not
      // count as repeats
      float[] v = {0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f};
      float[] mask = {1, 1, 0, 1, 1, 1, 1, 1};
      NDArray[] f = SampleScores.stuckFeatures(patches(m, v, mask), 4);
      assertArrayEquals(new float[] {0, 1, 0, 0, 1, 1, 1, 1}, f[0].toFloatArray());
      assertArrayEquals(new float[] {0, 0, 0, 1, 1, 1, 1, 1}, f[1].toFloatArray());
    }
  }
}
