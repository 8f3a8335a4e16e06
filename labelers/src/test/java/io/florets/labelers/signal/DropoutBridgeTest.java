package io.florets.labelers.signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.Window;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A dropout to zero in a series far from zero is bridged before the shared analysis measures the
 * season and the noise scale: the decomposition finds the true period, and neither the scale nor
 * the season-adjusted series carries the dropout's size.
 */
class DropoutBridgeTest {

  private static ChannelSignal channel(float[] v) {
    return WindowAnalysis.of(Window.of(v)).channel(0);
  }

  /** A triangle wave of period 52 around 100 with small noise. */
  private static float[] triangle(long seed) {
    Random rnd = new Random(seed);
    float[] v = new float[256];
    for (int i = 0; i < v.length; i++) {
      double phase = (i % 52) / 52.0;
      double tri = phase < 0.5 ? 4 * phase - 1 : 3 - 4 * phase;
      v[i] = (float) (100 + 5 * tri + 0.05 * rnd.nextGaussian());
    }
    return v;
  }

  private static float[] withDropouts(float[] clean) {
    float[] v = clean.clone();
    for (int i = 170; i < 176; i++) {
      v[i] = 0f;
    }
    for (int i = 210; i < 215; i++) {
      v[i] = 0f;
    }
    return v;
  }

  @Test
  void theDecompositionKeepsThePeriodWhenTheSeriesDropsOut() {
    for (long seed = 1; seed <= 5; seed++) {
      float[] v = withDropouts(triangle(seed));
      assertEquals(52, channel(v).decomposition().period(), "seed " + seed);
    }
  }

  @Test
  void theScaleIsTheNoiseNotAShareOfTheDropoutsDepth() {
    for (long seed = 1; seed <= 5; seed++) {
      float[] clean = triangle(seed);
      double without = channel(clean).scale();
      double with = channel(withDropouts(clean)).scale();
      assertTrue(with < 2 * without && with < 0.2,
          "seed " + seed + ": scale " + with + " with the dropouts, " + without + " without");
    }
  }

  @Test
  void theSeasonAdjustedSeriesBridgesTheDropout() {
    ChannelSignal s = channel(withDropouts(triangle(3)));
    double[] adjusted = s.seasonAdjusted();
    for (int i = 170; i < 176; i++) {
      assertEquals(100, adjusted[i], 1.0, "sample " + i);
    }
  }

  @Test
  void aSeriesWithoutDropoutsIsAnalysedAsBefore() {
    float[] v = triangle(2);
    ChannelSignal s = channel(v);
    assertTrue(s.spectralFilled() == s.filled(), "no dropout: the filled values themselves");
    double[] expected = new double[v.length];
    double[] seas = s.decomposition().seasonal();
    for (int i = 0; i < v.length; i++) {
      expected[i] = v[i] - seas[i];
    }
    assertArrayEquals(expected, s.seasonAdjusted(), 1e-9);
  }
}
