package io.florets.labelers.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.Window;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The noise's root mean square: unbiased where the median-based sigma falls short. */
class NoiseRmsTest {

  private static ChannelSignal channel(float[] v) {
    return WindowAnalysis.of(Window.of(v)).channel(0);
  }

  @Test
  void gaussianNoiseOnASlopeIsMeasuredWithinAFewPercent() {
    Random rnd = new Random(11);
    double total = 0;
    for (int rep = 0; rep < 50; rep++) {
      float[] v = new float[256];
      for (int i = 0; i < v.length; i++) {
        v[i] = (float) (0.05 * i + 2.0 * rnd.nextGaussian());
      }
      total += channel(v).noiseRms();
    }
    assertEquals(2.0, total / 50, 0.08);
  }

  @Test
  void noiseWhoseLevelVariesIsMeasuredAsItsRootMeanSquare() {
    // an envelope 1 + 0.6 sin, scaled to a root mean square of 1: the median of |noise| falls below
    Random rnd = new Random(5);
    double rms = 0;
    double mad = 0;
    double scale = 1 / Math.sqrt(1 + 0.18);
    for (int rep = 0; rep < 50; rep++) {
      float[] v = new float[256];
      for (int i = 0; i < v.length; i++) {
        double env = scale * (1 + 0.6 * Math.sin(2 * Math.PI * i / 256.0));
        v[i] = (float) (env * rnd.nextGaussian());
      }
      ChannelSignal s = channel(v);
      rms += s.noiseRms();
      mad += s.noiseSigma();
    }
    assertEquals(1.0, rms / 50, 0.15);
    assertTrue(rms / 50 > mad / 50 + 0.03, "noiseRms " + rms / 50 + ", median-based sigma " + mad / 50);
  }

  @Test
  void aFewSpikesDoNotInflateIt() {
    Random rnd = new Random(3);
    float[] v = new float[256];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) rnd.nextGaussian() + (i % 50 == 25 ? 40f : 0f);
    }
    assertEquals(1.0, channel(v).noiseRms(), 0.15);
  }

  @Test
  void trimmedRmsKeepsTheSmallestValues() {
    double[] v = {3, -1, 10, 2, -4};
    // the three smallest: -4, -1, 2
    assertEquals(Math.sqrt((16 + 1 + 4) / 3.0), Robust.trimmedRmsInPlace(v, 5, 3), 1e-12);
    assertEquals(0, Robust.trimmedRmsInPlace(new double[] {1}, 1, 0));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Robust.trimmedRmsInPlace(new double[] {1, 2}, 2, 3));
    assertTrue(e.getMessage().contains("3"), e.getMessage());
  }
}
