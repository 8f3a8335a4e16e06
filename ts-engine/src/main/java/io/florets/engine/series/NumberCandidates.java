package io.florets.engine.series;

/**
 * The values a numeric answer about one channel is most often equal to, computed exactly from the
 * samples, in the model units of the output contract ({@code z = (x - location) / scale} for
 * levels and spreads, the change over the window for the slope, samples for a period, plain
 * numbers for ratios and fractions). The front end's number copy lets the decoder point at one of
 * them when it writes a number, instead of regressing the value through the network, the way the
 * location pointer lets it point at a sample.
 *
 * <p>Candidates, in order ({@link #KINDS}): mean, standard deviation (population), minimum,
 * maximum, range, least-squares change over the window (slope times length), lag-1
 * autocorrelation ({@code sum (z_t - m)(z_{t+1} - m) / sum (z_t - m)^2} over observed samples),
 * missing fraction, the lag of the highest autocorrelation peak of the detrended series after its
 * first zero crossing (0 when there is none), the standard deviation around the least-squares
 * line, a noise estimate from first differences ({@code 1.4826 * median|dz| / sqrt 2}), an
 * amplitude estimate {@code sqrt(2 * max(0, residual variance - noise^2))} and a signal-to-noise
 * estimate {@code sqrt(max(0, variance - noise^2)) / noise}. Missing samples (NaN) are skipped.
 * Stateless and thread-safe.
 */
public final class NumberCandidates {
  /** Number of candidates per channel. */
  public static final int KINDS = 13;

  private NumberCandidates() {
  }

  /** The {@link #KINDS} candidates of {@code x} (NaN = missing); NaN where one is undefined. */
  public static double[] of(float[] x, float location, float scale) {
    int n = x.length;
    double[] out = new double[KINDS];
    java.util.Arrays.fill(out, Double.NaN);
    double[] z = new double[n];
    boolean[] ok = new boolean[n];
    int count = 0;
    double sum = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double st = 0;
    for (int t = 0; t < n; t++) {
      if (!Float.isNaN(x[t])) {
        z[t] = ((double) x[t] - location) / scale;
        ok[t] = true;
        count++;
        sum += z[t];
        st += t;
        min = Math.min(min, z[t]);
        max = Math.max(max, z[t]);
      }
    }
    out[7] = 1.0 - (double) count / n;
    if (count == 0) {
      return out;
    }
    double mean = sum / count;
    double mt = st / count;
    double var = 0;
    double sxy = 0;
    double sxx = 0;
    double num = 0;
    for (int t = 0; t < n; t++) {
      if (ok[t]) {
        double d = z[t] - mean;
        var += d * d;
        sxy += (t - mt) * d;
        sxx += (t - mt) * (t - mt);
        if (t + 1 < n && ok[t + 1]) {
          num += d * (z[t + 1] - mean);
        }
      }
    }
    double den = var;
    var /= count;
    double slope = sxx == 0 ? 0 : sxy / sxx;
    out[0] = mean;
    out[1] = Math.sqrt(var);
    out[2] = min;
    out[3] = max;
    out[4] = max - min;
    out[5] = slope * n;
    out[6] = den == 0 ? 0 : num / den;
    double[] r = new double[n];
    double rss = 0;
    for (int t = 0; t < n; t++) {
      if (ok[t]) {
        r[t] = z[t] - mean - slope * (t - mt);
        rss += r[t] * r[t];
      }
    }
    double rvar = rss / count;
    out[9] = Math.sqrt(rvar);
    out[8] = peakLag(r, ok, rvar);
    double[] diffs = new double[n];
    int nd = 0;
    for (int t = 1; t < n; t++) {
      if (ok[t] && ok[t - 1]) {
        diffs[nd++] = Math.abs(z[t] - z[t - 1]);
      }
    }
    if (nd > 0) {
      double[] c = java.util.Arrays.copyOf(diffs, nd);
      java.util.Arrays.sort(c);
      double med = nd % 2 == 1 ? c[nd / 2] : 0.5 * (c[nd / 2 - 1] + c[nd / 2]);
      double noise = 1.4826 * med / Math.sqrt(2);
      out[10] = noise;
      out[11] = Math.sqrt(2 * Math.max(0, rvar - noise * noise));
      out[12] = noise > 0 ? Math.sqrt(Math.max(0, var - noise * noise)) / noise : Double.NaN;
    }
    return out;
  }

  /** The lag of the highest autocorrelation peak after the first zero crossing (0 = none). */
  private static double peakLag(double[] r, boolean[] ok, double rvar) {
    if (rvar <= 1e-12) {
      return 0;
    }
    int maxLag = Math.min(WindowStatistics.MAX_LAG, r.length / 2);
    boolean crossed = false;
    double best = 0;
    int bestLag = 0;
    for (int lag = 2; lag <= maxLag; lag++) {
      double s = 0;
      int k = 0;
      for (int t = lag; t < r.length; t++) {
        if (ok[t] && ok[t - lag]) {
          s += r[t] * r[t - lag];
          k++;
        }
      }
      double ac = k == 0 ? 0 : s / k / rvar;
      if (!crossed) {
        crossed = ac < 0;
      } else if (ac > best) {
        best = ac;
        bestLag = lag;
      }
    }
    return bestLag;
  }
}
