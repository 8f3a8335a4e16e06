package io.florets.dataengine;

import io.florets.datasets.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Augmented copies of a user's labelled windows, the transfer set of a classification adaptation.
 * The copies carry no class label: the specialist fitted on the labelled windows labels them, so
 * the model learns to answer as the specialist does on windows around the user's, not only on the
 * few dozen the user labelled (distillation on a transfer set; with 30 labelled series, a model
 * of millions of weights can fit the labels with features that do not carry to new series).
 *
 * <p>A copy of window {@code a} is, with the same choices for every channel: with probability
 * 1/2 a mix {@code lambda * a + (1 - lambda) * b} with another labelled window {@code b} (resampled
 * to {@code a}'s length), {@code lambda} uniform in [0.5, 1]; a crop of 85 to 100% of its length
 * at a random start, stretched back to the full length by linear interpolation; plus Gaussian
 * noise of up to 5% of the channel's standard deviation. Missing samples stay missing.
 */
final class TransferSet {
  /** Most copies per labelled window. */
  static final int MAX_COPIES = 10;
  /** The transfer set aims at this many windows in all (copies per window = this / labelled). */
  static final int TARGET_WINDOWS = 1000;

  private TransferSet() {
  }

  /** Copies per labelled window for {@code labelled} labelled windows: 0 to {@link #MAX_COPIES}. */
  static int copiesPer(int labelled) {
    return labelled == 0 ? 0 : Math.min(MAX_COPIES, TARGET_WINDOWS / labelled);
  }

  /**
   * {@code copies} augmented copies of each window, in order (the copies of window 0 first).
   *
   * @param windows the labelled windows (at least 1; all with the same channel count)
   * @param copies copies per window (&ge; 0)
   * @param seed seed of the choices
   */
  static List<Window> of(List<Window> windows, int copies, long seed) {
    SplittableRandom r = new SplittableRandom(seed ^ 0x7F4A7C15L);
    List<Window> out = new ArrayList<>(windows.size() * copies);
    for (Window a : windows) {
      for (int k = 0; k < copies; k++) {
        Window b = windows.get(r.nextInt(windows.size()));
        out.add(augment(a, b, r));
      }
    }
    return out;
  }

  /** One copy of {@code a}, maybe mixed with {@code b}. */
  static Window augment(Window a, Window b, SplittableRandom r) {
    int n = a.length();
    double lambda = r.nextBoolean() && b != a ? 0.5 + 0.5 * r.nextDouble() : 1.0;
    double keep = 0.85 + 0.15 * r.nextDouble();
    double from = r.nextDouble() * (1 - keep) * (n - 1);
    double span = keep * (n - 1);
    double noise = 0.05 * r.nextDouble();
    float[][] out = new float[a.channels()][n];
    for (int c = 0; c < a.channels(); c++) {
      float[] x = a.channelView(c);
      float[] y = b.channelView(Math.min(c, b.channels() - 1));
      double sd = std(x);
      for (int t = 0; t < n; t++) {
        double pos = n == 1 ? 0 : from + span * t / (n - 1);
        double v = interpolate(x, pos);
        if (lambda < 1) {
          double posB = n == 1 ? 0 : pos * (y.length - 1) / (n - 1);
          v = lambda * v + (1 - lambda) * interpolate(y, posB);
        }
        out[c][t] = (float) (v + noise * sd * r.nextGaussian());
      }
    }
    return Window.of(out);
  }

  /** Linear interpolation at a fractional position (NaN if a neighbour is missing). */
  private static double interpolate(float[] x, double pos) {
    int i = (int) Math.floor(pos);
    if (i >= x.length - 1) {
      return x[x.length - 1];
    }
    double f = pos - i;
    return f == 0 ? x[i] : (1 - f) * x[i] + f * x[i + 1];
  }

  /** Standard deviation of the observed samples (0 when fewer than two). */
  private static double std(float[] x) {
    double s = 0;
    double s2 = 0;
    int k = 0;
    for (float v : x) {
      if (!Float.isNaN(v)) {
        s += v;
        s2 += (double) v * v;
        k++;
      }
    }
    if (k < 2) {
      return 0;
    }
    double m = s / k;
    return Math.sqrt(Math.max(0, s2 / k - m * m));
  }
}
