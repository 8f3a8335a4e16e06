package io.florets.engine.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.florets.datasets.Window;
import io.florets.engine.EngineConfig;
import io.florets.engine.FrontEndBatch;
import io.florets.engine.TestModels;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SlopeScoresTest {
  private static final int N = 256;

  /** A line that turns at {@code at}: slope +s before, -s after, plus noise and a level shift. */
  private static float[] turn(int at, double s, double noise, int shiftAt, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] x = new float[N];
    for (int t = 0; t < N; t++) {
      double trend = t < at ? s * t : s * at - s * (t - at);
      x[t] = (float) (100 + trend + (t >= shiftAt ? 5 * noise : 0) + noise * r.nextGaussian());
    }
    return x;
  }

  private static float[][] scores(float[] x) {
    SeriesFrontEndConfig config = new SeriesFrontEndConfig(16, 16, 16, 64, 4, true).withStats(true);
    FrontEndBatch batch = SeriesFrontEnd.of(config).prepare(List.of(Window.of(x)));
    try (NDManager m = NDManager.newBaseManager()) {
      var in = batch.toNDList(m);
      NDArray[] sc = SampleScores.slopeScores(in.get(0), in.get(4), 16);
      assertEquals(SampleScores.SLOPE_SIDES.length, sc.length);
      float[][] out = new float[sc.length][];
      for (int k = 0; k < sc.length; k++) {
        out[k] = sc[k].toFloatArray();
        assertEquals(N, out[k].length);
        for (float v : out[k]) {
          assertTrue(Float.isFinite(v), "scale " + k + ": " + v);
        }
      }
      return out;
    }
  }

  @Test
  void aTurnOfTheTrendScoresHighestWhereItTurnsAndALevelShiftDoesNotWhereItJumps() {
    float[][] sc = scores(turn(120, 0.05, 0.05, 190, 5));
    for (int k = 0; k < sc.length; k++) {
      int w = SampleScores.SLOPE_SIDES[k];
      int best = w;
      for (int t = w; t < N - w; t++) {
        // a line whose stretch holds the jump is bent by it: look away from the shift
        if (Math.abs(t - 190) > w + 1 && Math.abs(sc[k][t]) > Math.abs(sc[k][best])) {
          best = t;
        }
      }
      assertTrue(Math.abs(best - 120) <= 2, "length " + w + ": strongest at " + best);
      assertTrue(sc[k][120] < 0, "the slope falls there: " + sc[k][120]);
    }
    // at the shift itself both sides are straight lines of one slope: a jump is no turn
    // (the scores are asinh-bounded: compare them in units of the standard error)
    double at = Math.sinh(Math.abs(sc[2][190]));
    double turn = Math.sinh(Math.abs(sc[2][120]));
    assertTrue(at < turn / 4, "the shift scores " + at + " against " + turn + " at the turn");
  }

  @Test
  void missingSamplesAndShortSeriesStayFinite() {
    float[] x = turn(100, 0.05, 0.3, 300, 9);
    for (int t = 60; t < 75; t++) {
      x[t] = Float.NaN;
    }
    scores(x);
    float[] flat = new float[N];
    java.util.Arrays.fill(flat, 2f);
    float[][] f = scores(flat);
    for (float[] s : f) {
      for (float v : s) {
        assertEquals(0f, v, 1e-3f);
      }
    }
  }

  @Test
  void theScoresNeedThePointerAndTheStatisticsAndAreSaved() {
    SeriesFrontEndConfig base = new SeriesFrontEndConfig(16, 8, 8, 64, 4, true).withStats(true);
    assertThrows(IllegalArgumentException.class, () -> base.withSlopeScores(true));
    SeriesFrontEndConfig on = base.withPointer(10, 32).withSlopeScores(true);
    assertTrue(on.toJson().contains("\"slopeScores\":true"), on.toJson());
    assertTrue(!on.withSlopeScores(false).toJson().contains("slopeScores"));
    assertTrue(!on.withPointer(0, 0).slopeScores(), "no pointer, no scores");
    assertTrue(!on.withStats(false).slopeScores(), "no stats, no scores");
  }

  @Test
  void aModelGivenTheScoresAnswersAsItsSourceUntilTrained() {
    SeriesFrontEndConfig f = new SeriesFrontEndConfig(EngineConfig.tiny().dModel(), 8, 8, 64, 4, true)
        .withStats(true).withPointer(10, 20);
    List<String> fresh = TestModels.grownFreshParameters(f, f.withSlopeScores(true));
    assertTrue(fresh.stream().anyMatch(n -> n.contains("slopeLocal")), fresh.toString());
  }
}
