package io.florets.datasets.synthetic;

import java.util.Arrays;

/** The exact statistics behind the numeric truth (double precision, two-pass where it matters). */
final class Stats {
  private Stats() {
  }

  static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }

  /** Population variance (divides by n). */
  static double variance(double[] x) {
    double m = mean(x);
    double s = 0;
    for (double v : x) {
      s += (v - m) * (v - m);
    }
    return s / x.length;
  }

  /** Median; the mean of the two middle values for an even count. */
  static double median(double[] x) {
    double[] s = x.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
  }

  /** OLS slope of {@code y} against {@code t}. */
  static double olsSlope(double[] t, double[] y) {
    double mt = mean(t);
    double my = mean(y);
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < t.length; i++) {
      sxy += (t[i] - mt) * (y[i] - my);
      sxx += (t[i] - mt) * (t[i] - mt);
    }
    return sxx == 0 ? 0 : sxy / sxx;
  }

  /**
   * Lag-1 autocorrelation over observed samples: {@code sum (x_t - m)(x_{t+1} - m)} over pairs with
   * both samples observed, divided by {@code sum (x_t - m)^2} over observed samples, with m the mean
   * of the observed samples; 0 when the observed samples are constant.
   */
  static double lag1(float[] values, double mean) {
    double num = 0;
    double den = 0;
    for (int t = 0; t < values.length; t++) {
      if (Float.isNaN(values[t])) {
        continue;
      }
      double d = values[t] - mean;
      den += d * d;
      if (t + 1 < values.length && !Float.isNaN(values[t + 1])) {
        num += d * (values[t + 1] - mean);
      }
    }
    return den == 0 ? 0 : num / den;
  }
}
