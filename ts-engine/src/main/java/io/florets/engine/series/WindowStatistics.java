package io.florets.engine.series;

/**
 * Whole-window statistics of one channel in the front end's units ({@code z = (x - location) /
 * scale}), the features of the statistics token. Every feature is bounded (asinh of unbounded
 * quantities, fractions and correlations as they are), so that no window can swamp the token.
 *
 * <p>Features, in order: mean, standard deviation, minimum, maximum of z (asinh); least-squares
 * change over the window (slope times length, asinh); lag-1 autocorrelation; standard deviation
 * of first differences and their normal-consistent median absolute value (asinh; noise
 * estimates); residual standard deviation around the linear trend (asinh); missing fraction; the
 * lag of the highest autocorrelation peak of the detrended series after its first zero crossing,
 * as a fraction of the length, and that peak's autocorrelation (0, 0 when there is none). Missing
 * samples are skipped (pairs with a missing member are left out). Lags are searched up to
 * {@value #MAX_LAG} so that cost stays linear in long windows. Stateless and thread-safe.
 */
public final class WindowStatistics {
  /** Number of features. */
  public static final int FEATURES = 12;
  /** Longest autocorrelation lag searched. */
  public static final int MAX_LAG = 512;

  private WindowStatistics() {
  }

  /**
   * The features of {@code x} (NaN = missing) normalised by {@code location} and {@code scale}.
   *
   * @return {@link #FEATURES} finite values
   */
  public static float[] of(float[] x, float location, float scale) {
    int n = x.length;
    double[] z = new double[n];
    boolean[] ok = new boolean[n];
    int count = 0;
    double sum = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double st = 0;
    double stt = 0;
    double sz = 0;
    double stz = 0;
    for (int t = 0; t < n; t++) {
      if (!Float.isNaN(x[t])) {
        double v = (x[t] - location) / scale;
        z[t] = v;
        ok[t] = true;
        count++;
        sum += v;
        min = Math.min(min, v);
        max = Math.max(max, v);
        st += t;
        stt += (double) t * t;
        sz += v;
        stz += t * v;
      }
    }
    float[] f = new float[FEATURES];
    if (count == 0) {
      f[9] = 1f;
      return f;
    }
    double mean = sum / count;
    double var = 0;
    for (int t = 0; t < n; t++) {
      if (ok[t]) {
        var += (z[t] - mean) * (z[t] - mean);
      }
    }
    var /= count;
    double den = count * stt - st * st;
    double slope = den > 0 ? (count * stz - st * sz) / den : 0;
    double intercept = (sz - slope * st) / count;
    double[] r = new double[n];
    double rss = 0;
    for (int t = 0; t < n; t++) {
      if (ok[t]) {
        r[t] = z[t] - intercept - slope * t;
        rss += r[t] * r[t];
      }
    }
    double lag1 = autocorrelation(z, ok, mean, var, 1);
    double[] diffs = new double[n];
    int nd = 0;
    double ds = 0;
    double dss = 0;
    for (int t = 1; t < n; t++) {
      if (ok[t] && ok[t - 1]) {
        double d = z[t] - z[t - 1];
        diffs[nd++] = Math.abs(d);
        ds += d;
        dss += d * d;
      }
    }
    double diffStd = nd > 0 ? Math.sqrt(Math.max(0, dss / nd - (ds / nd) * (ds / nd))) : 0;
    double diffMad = nd > 0 ? 1.4826 * median(diffs, nd) : 0;
    f[0] = asinh(mean);
    f[1] = asinh(Math.sqrt(var));
    f[2] = asinh(min);
    f[3] = asinh(max);
    f[4] = asinh(slope * n);
    f[5] = (float) lag1;
    f[6] = asinh(diffStd);
    f[7] = asinh(diffMad);
    f[8] = asinh(Math.sqrt(rss / count));
    f[9] = (float) (1.0 - (double) count / n);
    double rvar = rss / count;
    if (rvar > 1e-12) {
      int maxLag = Math.min(MAX_LAG, n / 2);
      boolean crossed = false;
      double best = 0;
      int bestLag = 0;
      for (int lag = 2; lag <= maxLag; lag++) {
        double ac = autocorrelation(r, ok, 0, rvar, lag);
        if (!crossed) {
          crossed = ac < 0;
        } else if (ac > best) {
          best = ac;
          bestLag = lag;
        }
      }
      f[10] = (float) bestLag / n;
      f[11] = (float) best;
    }
    return f;
  }

  private static double autocorrelation(double[] z, boolean[] ok, double mean, double var, int lag) {
    if (var <= 1e-12) {
      return 0;
    }
    double s = 0;
    int k = 0;
    for (int t = lag; t < z.length; t++) {
      if (ok[t] && ok[t - lag]) {
        s += (z[t] - mean) * (z[t - lag] - mean);
        k++;
      }
    }
    return k == 0 ? 0 : Math.max(-1, Math.min(1, s / k / var));
  }

  private static double median(double[] a, int n) {
    double[] c = java.util.Arrays.copyOf(a, n);
    java.util.Arrays.sort(c);
    return (n % 2 == 1) ? c[n / 2] : 0.5 * (c[n / 2 - 1] + c[n / 2]);
  }

  private static float asinh(double v) {
    return (float) Math.log(v + Math.sqrt(v * v + 1.0));
  }
}
