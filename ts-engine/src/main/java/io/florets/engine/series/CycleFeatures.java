package io.florets.engine.series;

/**
 * Whole-window shape features of one channel for the statistics token: how its trend bends and
 * what one cycle of its seasonality looks like. The statistics token already carries the
 * autocorrelation peak (how strong a cycle is and how long); these features say which waveform
 * and which trend, two things no linear projection of 16-sample patches expresses and that the
 * models trained without them kept confusing (a sine, a triangle and a square wave of the same
 * period differ only in their harmonics; one trend piece and two meet at a bend the patches see
 * only locally).
 *
 * <p>In the front end's units {@code z = (x - location) / scale}, missing samples skipped:
 * <ol>
 *   <li>the least-squares line: its change over the window (asinh) and its R²;</li>
 *   <li>the best continuous two-piece line with its bend at one of 13 evenly spaced positions:
 *       the share of the line's residual sum of squares it removes, the change over the window
 *       of each piece's slope (asinh), and the bend's position as a fraction of the window; and
 *       the share of the two-piece line's residual sum of squares that the best three-piece line
 *       (two of the same bends) removes;</li>
 *   <li>on the residual of the best of these lines, the period {@code P} up to a third of the
 *       window (at most {@value #MAX_LAG}): the fold that explains the most of the residual's
 *       variance beyond what folding pure noise would ({@code (P - 1) / observed samples}), or the
 *       shortest local maximum within 0.9 of it (a fold at two periods explains as much as one at
 *       one);
 *       the residual's autocorrelation at {@code P} and {@code P / n};</li>
 *   <li>the residual folded at {@code P} (the mean of the samples at each phase, one cycle): the
 *       share of the residual's variance it holds, {@code P / observed samples} (one over the
 *       number of cycles averaged), the magnitudes of its harmonics 2 to 6 relative to the
 *       fundamental (a sine has none, a square wave 1/3 and 1/5 at 3 and 5, a triangle 1/9 and
 *       1/25), and its kurtosis (1 for a square wave, 1.5 for a sine, 1.8 for a triangle; divided
 *       by 3) and skewness, and its highest correlation over phases with a sine, a square and a
 *       triangle wave of the period (the matched filter of each seasonality shape).</li>
 * </ol>
 * All {@link #FEATURES} values are finite and bounded; a channel with fewer than 8 observed
 * samples or no variation gets zeros. Stateless and thread-safe.
 */
public final class CycleFeatures {
  /** Number of features. */
  public static final int FEATURES = 21;
  /** Longest period searched. */
  public static final int MAX_LAG = 512;
  /** Bend positions tried for the two-piece line. */
  static final int BENDS = 13;
  /** Harmonics (after the fundamental) whose relative magnitude is a feature. */
  static final int HARMONICS = 5;

  private CycleFeatures() {
  }

  /**
   * The features of {@code x} (NaN = missing) normalised by {@code location} and {@code scale}.
   *
   * @return {@link #FEATURES} finite values
   */
  public static float[] of(float[] x, float location, float scale) {
    int n = x.length;
    float[] f = new float[FEATURES];
    double[] z = new double[n];
    boolean[] ok = new boolean[n];
    int count = 0;
    double mean = 0;
    for (int t = 0; t < n; t++) {
      if (!Float.isNaN(x[t])) {
        z[t] = (x[t] - location) / scale;
        ok[t] = true;
        count++;
        mean += z[t];
      }
    }
    if (count < 8) {
      return f;
    }
    mean /= count;
    double tss = 0;
    for (int t = 0; t < n; t++) {
      if (ok[t]) {
        tss += (z[t] - mean) * (z[t] - mean);
      }
    }
    if (!(tss > 1e-12 * count)) {
      return f;
    }
    double[][] prefix = prefixSums(z, ok);
    double[] line = fit(prefix);
    double rss1 = line[2];
    f[0] = asinh(line[1] * n);
    f[1] = (float) clamp(1 - rss1 / tss, 0, 1);
    int[] grid = new int[BENDS];
    for (int k = 1; k <= BENDS; k++) {
      grid[k - 1] = (int) Math.round((double) k * n / (BENDS + 1));
    }
    double[] two = line;
    int[] twoBends = {};
    double[] three = line;
    int[] threeBends = {};
    for (int i = 0; i < BENDS; i++) {
      double[] h = fit(prefix, grid[i]);
      if (h[3] < (twoBends.length == 0 ? rss1 : two[3])) {
        two = h;
        twoBends = new int[] {grid[i]};
      }
      for (int j = i + 1; j < BENDS; j++) {
        double[] g = fit(prefix, grid[i], grid[j]);
        if (g[4] < (threeBends.length == 0 ? rss1 : three[4])) {
          three = g;
          threeBends = new int[] {grid[i], grid[j]};
        }
      }
    }
    double rss2 = twoBends.length == 0 ? rss1 : two[3];
    double rss3 = threeBends.length == 0 ? rss2 : Math.min(rss2, three[4]);
    if (twoBends.length > 0) {
      f[2] = (float) clamp(rss1 > 1e-12 ? 1 - rss2 / rss1 : 0, 0, 1);
      f[3] = asinh(two[1] * n);
      f[4] = asinh((two[1] + two[2]) * n);
      f[5] = (float) twoBends[0] / n;
    }
    f[20] = (float) clamp(rss2 > 1e-12 ? 1 - rss3 / rss2 : 0, 0, 1);
    double[] trendFit = threeBends.length > 0 && three[4] <= rss2 ? three : two;
    int[] trendBends = trendFit == three ? threeBends : twoBends;
    double[] r = new double[n];
    double rvar = 0;
    for (int t = 0; t < n; t++) {
      if (ok[t]) {
        r[t] = z[t] - trendAt(trendFit, trendBends, t);
        rvar += r[t] * r[t];
      }
    }
    rvar /= count;
    if (!(rvar > 1e-12)) {
      return f;
    }
    int maxLag = Math.min(MAX_LAG, n / 3);
    // the period: the fold that explains the most variance beyond what folding noise explains
    // ((P - 1) / observed samples of it), the shortest within 0.9 of the best (a fold at two
    // periods explains as much as one at one period)
    double[] gain = new double[maxLag + 1];
    double bestGain = 0;
    double[] sums = new double[maxLag];
    int[] cnts = new int[maxLag];
    for (int p = 4; p <= maxLag; p++) {
      java.util.Arrays.fill(sums, 0, p, 0);
      java.util.Arrays.fill(cnts, 0, p, 0);
      for (int t = 0; t < n; t++) {
        if (ok[t]) {
          sums[t % p] += r[t];
          cnts[t % p]++;
        }
      }
      double between = 0;
      for (int k = 0; k < p; k++) {
        if (cnts[k] > 0) {
          between += sums[k] * sums[k] / cnts[k];
        }
      }
      gain[p] = (between / count - rvar * (p - 1) / count) / rvar;
      bestGain = Math.max(bestGain, gain[p]);
    }
    if (!(bestGain > 0)) {
      return f;
    }
    int period = 0;
    for (int p = 4; p <= maxLag && period == 0; p++) {
      if (gain[p] >= 0.9 * bestGain && gain[p] >= gain[p - 1] && (p == maxLag || gain[p] >= gain[p + 1])) {
        period = p;
      }
    }
    double peak = autocorrelation(r, ok, rvar, period);
    f[6] = (float) clamp(peak, -1, 1);
    f[7] = (float) period / n;
    double[] profile = new double[period];
    int[] cnt = new int[period];
    for (int t = 0; t < n; t++) {
      if (ok[t]) {
        profile[t % period] += r[t];
        cnt[t % period]++;
      }
    }
    double pm = 0;
    int phases = 0;
    for (int k = 0; k < period; k++) {
      if (cnt[k] > 0) {
        profile[k] /= cnt[k];
        pm += profile[k];
        phases++;
      }
    }
    if (phases < 4) {
      return f;
    }
    pm /= phases;
    double m2 = 0;
    double m3 = 0;
    double m4 = 0;
    for (int k = 0; k < period; k++) {
      if (cnt[k] > 0) {
        double d = profile[k] - pm;
        m2 += d * d;
        m3 += d * d * d;
        m4 += d * d * d * d;
      }
    }
    m2 /= phases;
    m3 /= phases;
    m4 /= phases;
    f[8] = (float) clamp(m2 / rvar, 0, 1);
    f[9] = (float) clamp((double) period / count, 0, 1);
    if (m2 > 1e-12) {
      f[15] = (float) clamp(m4 / (m2 * m2) / 3, 0, 2);
      f[16] = (float) clamp(m3 / Math.pow(m2, 1.5), -2, 2);
      for (int w = 0; w < 3; w++) {
        f[17 + w] = (float) clamp(matched(profile, cnt, pm, w), -1, 1);
      }
      double fundamental = harmonic(profile, cnt, pm, 1);
      for (int h = 2; h <= HARMONICS + 1; h++) {
        if (2 * h < period && fundamental > 1e-12) {
          f[8 + h] = (float) clamp(harmonic(profile, cnt, pm, h) / fundamental, 0, 2);
        }
      }
    }
    return f;
  }

  /**
   * Prefix sums over the observed samples before index k of 1, t, t^2, z, t z and z^2 (rows 0-5),
   * so that every least-squares fit below costs the same whatever the window's length.
   */
  private static double[][] prefixSums(double[] z, boolean[] ok) {
    int n = z.length;
    double[][] p = new double[6][n + 1];
    for (int t = 0; t < n; t++) {
      double w = ok[t] ? 1 : 0;
      double zt = ok[t] ? z[t] : 0;
      p[0][t + 1] = p[0][t] + w;
      p[1][t + 1] = p[1][t] + w * t;
      p[2][t + 1] = p[2][t] + w * t * t;
      p[3][t + 1] = p[3][t] + zt;
      p[4][t + 1] = p[4][t] + t * zt;
      p[5][t + 1] = p[5][t] + zt * zt;
    }
    return p;
  }

  /** Sum of row {@code r} of the prefix sums over samples {@code t > b} ({@code b = -1}: all). */
  private static double above(double[][] p, int r, int b) {
    int n = p[r].length - 1;
    return p[r][n] - p[r][Math.min(n, b + 1)];
  }

  /**
   * Least squares of {@code z} on {@code 1, t} and {@code max(0, t - bend)} for each bend (a
   * continuous piecewise line): the coefficients, then the residual sum of squares. The normal
   * equations come from the prefix sums: over {@code t > b}, {@code sum (t - b) = S1 - b S0},
   * {@code sum (t - b)(t - c) = S2 - (b + c) S1 + b c S0}, {@code sum z (t - b) = Z1 - b Z0}.
   */
  private static double[] fit(double[][] ps, int... bends) {
    int p = 2 + bends.length;
    int[] from = new int[p];
    from[0] = -1;
    from[1] = -1;
    double[] shift = new double[p];
    for (int i = 0; i < bends.length; i++) {
      from[2 + i] = bends[i];
      shift[2 + i] = bends[i];
    }
    double[][] a = new double[p][p + 1];
    double[] xz = new double[p];
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < p; j++) {
        int b = Math.max(from[i], from[j]);
        // basis i is 1 (i = 0) or (t - shift_i) for t > from_i
        double s0 = above(ps, 0, b);
        double s1 = above(ps, 1, b);
        double s2 = above(ps, 2, b);
        double v;
        if (i == 0 && j == 0) {
          v = s0;
        } else if (i == 0 || j == 0) {
          double c = shift[i == 0 ? j : i];
          v = s1 - c * s0;
        } else {
          v = s2 - (shift[i] + shift[j]) * s1 + shift[i] * shift[j] * s0;
        }
        a[i][j] = v;
      }
      double z0 = above(ps, 3, from[i]);
      double z1 = above(ps, 4, from[i]);
      xz[i] = i == 0 ? z0 : z1 - shift[i] * z0;
      a[i][p] = xz[i];
    }
    double[] out = java.util.Arrays.copyOf(solve(a, p), p + 1);
    double rss = above(ps, 5, -1);
    for (int i = 0; i < p; i++) {
      rss -= out[i] * xz[i];
    }
    out[p] = Math.max(0, rss);
    return out;
  }

  /** The piecewise line of {@link #fit} at sample {@code t}. */
  private static double trendAt(double[] beta, int[] bends, int t) {
    double v = beta[0] + beta[1] * t;
    for (int b = 0; b < bends.length; b++) {
      if (t > bends[b]) {
        v += beta[2 + b] * (t - bends[b]);
      }
    }
    return v;
  }

  /** Gaussian elimination with partial pivoting; a singular system gives zeros where undefined. */
  private static double[] solve(double[][] a, int p) {
    for (int c = 0; c < p; c++) {
      int piv = c;
      for (int r = c + 1; r < p; r++) {
        if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) {
          piv = r;
        }
      }
      double[] tmp = a[c];
      a[c] = a[piv];
      a[piv] = tmp;
      if (Math.abs(a[c][c]) < 1e-9) {
        continue;
      }
      for (int r = 0; r < p; r++) {
        if (r != c) {
          double m = a[r][c] / a[c][c];
          for (int k = c; k <= p; k++) {
            a[r][k] -= m * a[c][k];
          }
        }
      }
    }
    double[] beta = new double[p];
    for (int c = 0; c < p; c++) {
      beta[c] = Math.abs(a[c][c]) < 1e-9 ? 0 : a[c][p] / a[c][c];
    }
    return beta;
  }

  /**
   * The highest correlation of the cycle profile with waveform {@code w} (0 sine, 1 square, 2
   * triangle) of the same period over every whole-sample phase: the matched filter of each
   * seasonality shape.
   */
  private static double matched(double[] profile, int[] cnt, double mean, int w) {
    int period = profile.length;
    double[] wave = new double[period];
    for (int k = 0; k < period; k++) {
      double s = Math.sin(2 * Math.PI * (k + 0.5) / period);
      wave[k] = w == 0 ? s : w == 1 ? Math.signum(s) : (2 / Math.PI) * Math.asin(s);
    }
    double best = -1;
    for (int shift = 0; shift < period; shift++) {
      double xy = 0;
      double xx = 0;
      double yy = 0;
      double ym = 0;
      int m = 0;
      for (int k = 0; k < period; k++) {
        if (cnt[k] > 0) {
          ym += wave[(k + shift) % period];
          m++;
        }
      }
      ym /= m;
      for (int k = 0; k < period; k++) {
        if (cnt[k] > 0) {
          double x = profile[k] - mean;
          double y = wave[(k + shift) % period] - ym;
          xy += x * y;
          xx += x * x;
          yy += y * y;
        }
      }
      if (xx > 1e-12 && yy > 1e-12) {
        best = Math.max(best, xy / Math.sqrt(xx * yy));
      }
    }
    return best;
  }

  /** Magnitude of harmonic {@code h} of the cycle profile (phases without samples skipped). */
  private static double harmonic(double[] profile, int[] cnt, double mean, int h) {
    double re = 0;
    double im = 0;
    int period = profile.length;
    for (int k = 0; k < period; k++) {
      if (cnt[k] > 0) {
        double ang = 2 * Math.PI * h * k / period;
        re += (profile[k] - mean) * Math.cos(ang);
        im -= (profile[k] - mean) * Math.sin(ang);
      }
    }
    return Math.hypot(re, im);
  }

  private static double autocorrelation(double[] r, boolean[] ok, double var, int lag) {
    double s = 0;
    int k = 0;
    for (int t = lag; t < r.length; t++) {
      if (ok[t] && ok[t - lag]) {
        s += r[t] * r[t - lag];
        k++;
      }
    }
    return k == 0 ? 0 : clamp(s / k / var, -1, 1);
  }

  private static double clamp(double v, double lo, double hi) {
    return Double.isNaN(v) ? 0 : Math.max(lo, Math.min(hi, v));
  }

  private static float asinh(double v) {
    if (!Double.isFinite(v)) {
      return 0f;
    }
    double a = Math.abs(v);
    double r = a > 1e8 ? Math.log(2 * a) : Math.log(a + Math.sqrt(a * a + 1.0));
    return (float) Math.copySign(r, v);
  }
}
