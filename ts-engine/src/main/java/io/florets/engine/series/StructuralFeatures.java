package io.florets.engine.series;

import io.florets.datasets.signal.StructuralFit;

/**
 * Whole-window features of one channel from one jointly fitted structural model
 * ({@link StructuralFit}: a line with hinges, level steps, the season's harmonics and robust
 * weights), for the statistics token. {@link CycleFeatures} reads the trend and the waveform one
 * after the other (a line first, then the fold of its residual), so a level shift bends its trend
 * and a long period takes up a shift; fitted together, each component is what the others leave.
 *
 * <p>All ratios, so the channel's location and scale do not matter; every value is finite and
 * bounded:
 * <ol>
 *   <li>1 if the fit found a significant period, else 0;</li>
 *   <li>{@code -log10} of the period's g-test p-value over 10, at most 3;</li>
 *   <li>the period over a third of the window (at most 1);</li>
 *   <li>to 6. the share of the season's harmonic power that a sine, a square and a triangle wave
 *       leave unexplained ({@link StructuralFit#waveformResiduals()}; 1 each without a season);</li>
 *   <li>the season's share of season-plus-noise variance;</li>
 *   <li>the noise share ({@link StructuralFit#noiseShare()});</li>
 *   <li>asinh of the trend's net change over its standard error ({@link StructuralFit#netRatio()}),
 *       over 4;</li>
 *   <li>and 10. asinh of the largest rising and of the largest falling trend piece over its
 *       standard error ({@link StructuralFit#pieceRatios()}), over 4 (0 if none);</li>
 *   <li>asinh of the largest level shift in sigmas ({@link StructuralFit#largestShift}), over 4.</li>
 * </ol>
 * A channel with fewer than 16 observed samples, or too few that the fit can use (runs of one
 * repeated value weigh nothing), gets zeros. Stateless and thread-safe.
 */
public final class StructuralFeatures {
  /** Number of features. */
  public static final int FEATURES = 12;

  private StructuralFeatures() {
  }

  /** The features of {@code x} (NaN = missing). */
  public static float[] of(float[] x) {
    return of(fit(x));
  }

  /**
   * The structural fit these features read, or {@code null} for a channel with fewer than 16
   * observed samples or too few that the fit can use (runs of one repeated value weigh nothing).
   */
  static StructuralFit fit(float[] x) {
    if (observed(x) < 16) {
      return null;
    }
    try {
      return StructuralFit.of(x);
    } catch (IllegalArgumentException e) {
      return null; // too few samples count (e.g. a channel that is mostly one repeated value)
    }
  }

  /** Samples of {@code x} that are not missing. */
  static int observed(float[] x) {
    int observed = 0;
    for (float v : x) {
      observed += v == v ? 1 : 0;
    }
    return observed;
  }

  /** The features of a fit ({@link #fit}); zeros for {@code null}. */
  static float[] of(StructuralFit fit) {
    float[] f = new float[FEATURES];
    if (fit == null) {
      return f;
    }
    int n = fit.n();
    boolean seasonal = fit.harmonics() > 0;
    f[0] = seasonal ? 1 : 0;
    f[1] = seasonal ? (float) Math.min(3, -Math.log10(Math.max(fit.periodPValue(), 1e-300)) / 10) : 0;
    f[2] = seasonal ? (float) Math.min(1, fit.period() / (n / 3.0)) : 0;
    double[] w = fit.waveformResiduals();
    for (int i = 0; i < 3; i++) {
      f[3 + i] = (float) Math.max(0, Math.min(1, w[i]));
    }
    double power = 0;
    for (int h = 0; h < fit.harmonics(); h++) {
      power += 0.5 * (fit.sin()[h] * fit.sin()[h] + fit.cos()[h] * fit.cos()[h]);
    }
    double noise = fit.residualRms() * fit.residualRms();
    f[6] = power + noise > 0 ? (float) (power / (power + noise)) : 0;
    f[7] = (float) Math.max(0, Math.min(1, fit.noiseShare()));
    f[8] = bounded(fit.netRatio());
    double up = 0;
    double down = 0;
    for (double r : fit.pieceRatios()) {
      up = Math.max(up, r);
      down = Math.max(down, -r);
    }
    f[9] = bounded(up);
    f[10] = bounded(down);
    f[11] = bounded(fit.largestShift(StructuralFit.BUMP_WIDTH));
    for (int i = 0; i < FEATURES; i++) {
      if (!Float.isFinite(f[i])) {
        f[i] = 0;
      }
    }
    return f;
  }

  private static float bounded(double v) {
    double a = Math.log(v + Math.sqrt(v * v + 1)) / 4;
    return (float) Math.max(-3, Math.min(3, a));
  }
}
