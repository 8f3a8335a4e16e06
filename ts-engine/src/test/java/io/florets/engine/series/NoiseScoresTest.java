package io.florets.engine.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.florets.datasets.Window;
import io.florets.engine.FrontEndBatch;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NoiseScoresTest {

  @Test
  void aSpikeAndAStepStandOutInUnitsOfTheNoise() {
    SplittableRandom r = new SplittableRandom(3);
    float[] x = new float[64];
    for (int t = 0; t < x.length; t++) {
      x[t] = (float) (0.1 * r.nextGaussian() + (t >= 40 ? 3 : 0));
    }
    x[20] += 2f;
    SeriesFrontEndConfig config = new SeriesFrontEndConfig(16, 8, 8, 64, 4, true).withStats(true);
    FrontEndBatch batch = SeriesFrontEnd.of(config).prepare(List.of(Window.of(x)));
    try (NDManager m = NDManager.newBaseManager()) {
      var in = batch.toNDList(m);
      NDArray[] ns = SampleScores.noiseScores(in.get(0), in.get(4), 8);
      float[] d2 = ns[1].toFloatArray();
      float[] step = ns[2].toFloatArray();
      assertEquals(64, d2.length);
      int spike = argMax(d2, 0, 64);
      assertEquals(20, spike);
      // a spike of about 20 noise units against a few elsewhere (away from the step): at least
      // four times larger, ln 4 apart on the asinh scale
      for (int t = 1; t < 63; t++) {
        if (Math.abs(t - 20) > 1 && Math.abs(t - 40) > 1) {
          assertTrue(Math.abs(d2[t]) < d2[20] - Math.log(4), "sample " + t + ": " + d2[t]
              + " against " + d2[20]);
        }
      }
      assertEquals(40, argMax(step, 25, 60));
    }
  }

  private static int argMax(float[] a, int from, int to) {
    int best = from;
    for (int i = from; i < to; i++) {
      if (a[i] > a[best]) {
        best = i;
      }
    }
    return best;
  }
}
