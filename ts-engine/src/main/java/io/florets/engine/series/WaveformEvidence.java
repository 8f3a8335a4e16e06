package io.florets.engine.series;

import io.florets.datasets.signal.StructuralFit;

/**
 * Which seasonality waveform the evidence favours, per channel, for the statistics token: the
 * log-likelihood ratios between a sine, a square and a triangle season, read from the season's
 * fitted harmonics ({@link StructuralFit}).
 *
 * <p>Each waveform leaves part of the fitted harmonics' power unexplained ({@link
 * StructuralFit#waveformResiduals()} times the total: {@code U_sine}, {@code U_square},
 * {@code U_triangle}, in squared-coefficient units). A harmonic coefficient fitted over {@code m}
 * observed samples under Gaussian noise of standard deviation {@code sigma} has variance about
 * {@code 2 sigma^2 / m}, so waveform {@code a} explains the samples better than {@code b} by the
 * log-likelihood ratio {@code m (U_b - U_a) / (4 sigma^2)}. The features, each {@code asinh(.)/4}
 * bounded to [-3, 3]:
 * <ol>
 *   <li>sine over triangle (positive: the harmonics look like a sine);</li>
 *   <li>sine over square;</li>
 *   <li>square over triangle;</li>
 *   <li>the season over no season, {@code m * total / (4 sigma^2)} (the same units, for scale).</li>
 * </ol>
 * The structural features hold the three unexplained shares themselves; between a sine and a
 * triangle they differ by hundredths (a triangle's third harmonic is a ninth of its fundamental),
 * and the model trained with them kept calling clear sines triangles. These ratios put the test's
 * answer on a scale of units. Zeros without a significant season or without a fit. Stateless and
 * thread-safe.
 */
public final class WaveformEvidence {
  /** Number of features. */
  public static final int FEATURES = 4;

  private WaveformEvidence() {
  }

  /** The features of {@code x} (NaN = missing). */
  public static float[] of(float[] x) {
    return of(StructuralFeatures.fit(x), StructuralFeatures.observed(x));
  }

  /**
   * The features of a fit.
   *
   * @param fit the channel's structural fit, or {@code null} (zeros)
   * @param observed samples that are not missing
   */
  static float[] of(StructuralFit fit, int observed) {
    float[] f = new float[FEATURES];
    if (fit == null || fit.harmonics() == 0) {
      return f;
    }
    double sigma = fit.sigma() > 0 ? fit.sigma() : fit.residualRms();
    double total = 0;
    for (int h = 0; h < fit.harmonics(); h++) {
      total += fit.sin()[h] * fit.sin()[h] + fit.cos()[h] * fit.cos()[h];
    }
    if (!(sigma > 0) || !(total > 0)) {
      return f;
    }
    double unit = observed / (4 * sigma * sigma);
    double[] w = fit.waveformResiduals();
    double sine = w[0] * total;
    double square = w[1] * total;
    double triangle = w[2] * total;
    f[0] = bounded(unit * (triangle - sine));
    f[1] = bounded(unit * (square - sine));
    f[2] = bounded(unit * (triangle - square));
    f[3] = bounded(unit * total);
    return f;
  }

  private static float bounded(double v) {
    if (!Double.isFinite(v)) {
      return v > 0 ? 3f : (v < 0 ? -3f : 0f);
    }
    double a = Math.log(Math.abs(v) + Math.sqrt(v * v + 1)) / 4;
    return (float) Math.copySign(Math.min(3, a), v);
  }
}
