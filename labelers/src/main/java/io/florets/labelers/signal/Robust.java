package io.florets.labelers.signal;

import java.util.Arrays;

/** Small robust-statistics helpers on primitive arrays. Stateless and thread-safe. */
public final class Robust {
  /** Consistency constant: {@code 1.4826 * MAD} estimates a Gaussian sigma. */
  public static final double MAD_TO_SIGMA = 1.4826;

  private Robust() {
  }

  /** The median of {@code v[0..len)}; sorts that prefix in place. NaN if {@code len == 0}. */
  public static double medianInPlace(double[] v, int len) {
    if (len == 0) {
      return Double.NaN;
    }
    Arrays.sort(v, 0, len);
    int h = len >>> 1;
    return (len & 1) == 1 ? v[h] : 0.5 * (v[h - 1] + v[h]);
  }

  /** The median of {@code v} (not modified). */
  public static double median(double[] v) {
    return medianInPlace(v.clone(), v.length);
  }

  /** The median of the first {@code len} values of {@code v} without modifying it. */
  public static double median(double[] v, int len) {
    return medianInPlace(Arrays.copyOf(v, len), len);
  }

  /** Median absolute deviation from {@code center} of {@code v[0..len)} (not modified). */
  public static double mad(double[] v, int len, double center) {
    double[] d = new double[len];
    for (int i = 0; i < len; i++) {
      d[i] = Math.abs(v[i] - center);
    }
    return medianInPlace(d, len);
  }

  /** Variance (population) of {@code v}. */
  public static double variance(double[] v) {
    int n = v.length;
    if (n == 0) {
      return 0;
    }
    double s = 0;
    for (double x : v) {
      s += x;
    }
    double m = s / n;
    double q = 0;
    for (double x : v) {
      q += (x - m) * (x - m);
    }
    return q / n;
  }

  /** Clamps {@code v} to [0, 1]; NaN becomes 0. */
  public static double unit(double v) {
    return v >= 1 ? 1 : (v > 0 ? v : 0);
  }
}
