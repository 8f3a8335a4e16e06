package io.florets.labelers.nab;

import org.apache.commons.math3.special.Erf;

/**
 * NAB's "windowedGaussian" baseline, rebuilt from its description: the score of a value is one minus
 * the two-sided Gaussian tail probability of the value under the mean and (population) standard
 * deviation of a trailing window of earlier values. The window first grows to {@code windowSize}
 * values, then slides forward {@code stepSize} values at a time. Used to check the scorer against
 * NAB's published results, and as a floor.
 *
 * @param windowSize the trailing window's length (NAB: 6400)
 * @param stepSize how many values the full window slides at once (NAB: 100)
 */
public record WindowedGaussianDetector(int windowSize, int stepSize) implements StreamingDetector {

  /** Validates {@code 1 <= stepSize <= windowSize}. */
  public WindowedGaussianDetector {
    if (stepSize < 1 || windowSize < stepSize) {
      throw new IllegalArgumentException("need 1 <= stepSize <= windowSize, got " + stepSize + ", " + windowSize);
    }
  }

  /** NAB's settings: window 6400, step 100. */
  public static WindowedGaussianDetector nab() {
    return new WindowedGaussianDetector(6400, 100);
  }

  @Override
  public String name() {
    return "windowedGaussian";
  }

  @Override
  public WindowedGaussianDetector settings() {
    return this;
  }

  @Override
  public Session start() {
    return new GaussianSession();
  }

  /** One minus the probability of a sample at least as far from {@code mean} as {@code x}. */
  static double gaussianScore(double x, double mean, double std) {
    double z = Math.abs(x - mean) / std;
    return 1.0 - 0.5 * Erf.erfc(z / Math.sqrt(2.0));
  }

  private final class GaussianSession implements Session {
    private final double[] window = new double[windowSize];
    private final double[] buffer = new double[stepSize];
    private int filled;
    private int buffered;
    private double mean = 0;
    private double std = 1;
    private double runningMean;
    private double runningM2;

    @Override
    public double update(double value) {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("windowedGaussian: value must be finite, got " + value);
      }
      double score = filled > 0 ? gaussianScore(value, mean, std) : 0.0;
      if (filled < windowSize) {
        window[filled++] = value;
        grow(value);
      } else {
        buffer[buffered++] = value;
        if (buffered == stepSize) {
          System.arraycopy(window, stepSize, window, 0, windowSize - stepSize);
          System.arraycopy(buffer, 0, window, windowSize - stepSize, stepSize);
          buffered = 0;
          refresh();
        }
      }
      return score;
    }

    /** Welford's update of the mean and variance while the window grows (one value added). */
    private void grow(double value) {
      double delta = value - runningMean;
      runningMean += delta / filled;
      runningM2 += delta * (value - runningMean);
      mean = runningMean;
      std = Math.sqrt(runningM2 / filled);
      if (std == 0.0) {
        std = 1e-6;
      }
    }

    private void refresh() {
      double sum = 0;
      for (int i = 0; i < filled; i++) {
        sum += window[i];
      }
      mean = sum / filled;
      double ss = 0;
      for (int i = 0; i < filled; i++) {
        double d = window[i] - mean;
        ss += d * d;
      }
      std = Math.sqrt(ss / filled);
      if (std == 0.0) {
        std = 1e-6;
      }
    }
  }
}
