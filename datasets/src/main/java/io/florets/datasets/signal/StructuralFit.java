package io.florets.datasets.signal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One additive structural model of a channel, fitted jointly by robust weighted least squares:
 *
 * <pre>
 *   x[t] = a + b t + sum_j h_j max(0, t - k_j) + sum_j d_j [t &ge; s_j]
 *          + sum_{k=1..K} (alpha_k sin(2 pi k t / P) + beta_k cos(2 pi k t / P)) + e[t]
 * </pre>
 *
 * a piecewise-linear trend with hinges at {@code k_j}, level steps at {@code s_j}, a periodic
 * component of period {@code P} with {@code K} harmonics, and noise. Breaks for additive season and
 * trend, fitted together rather than one after the other: a moving-average trend bends at level
 * shifts and a periodogram of an undetrended series finds the shifts' low frequencies instead of
 * the season, and each error feeds the next step's.
 *
 * <p>The fit alternates four rounds. Round 0 fits a line and takes the period from the periodogram
 * of its residual. Each later round fits the season's harmonics with the line and chooses hinges and
 * steps among every position by forward selection (a column enters when it lowers the weighted
 * residual sum of squares by more than {@code penalty * sigma^2 ln n}, the columns kept orthonormal
 * under the weights so that every candidate position costs O(columns)), then backward elimination
 * under the same penalty; the residual's robust sigma sets Tukey bisquare weights (spikes,
 * wide spikes and other outliers weigh nothing) and the period is taken again from the periodogram
 * of the residual plus the fitted season. Missing samples, dropouts to zero (the
 * {@code events.quality} rule) and runs of four or more identical values weigh nothing throughout.
 *
 * <p>Two users: the {@code shape.structural} labeler, and the series front end's structural
 * features, which trained models see as input. A change to what this fit returns changes those
 * inputs, so it needs the labeler's version raised and the models trained with the features
 * retrained (or the old fit kept beside the new).
 *
 * <p>Immutable result; {@link #of} does the work, in O(n (columns + harmonics)) per added column.
 *
 * @param n samples
 * @param period the season's period in samples, or 0 if no period was significant
 * @param harmonics K, the harmonics fitted ({@code 0} without a period)
 * @param intercept a
 * @param slope b, per sample
 * @param hinges positions {@code k_j} of the trend's slope changes, ascending
 * @param hingeSlopes the slope change {@code h_j} at each hinge, per sample
 * @param steps positions {@code s_j} of the level steps, ascending
 * @param stepSizes the step {@code d_j} at each position
 * @param sin {@code alpha_k} for {@code k = 1..K}
 * @param cos {@code beta_k} for {@code k = 1..K}
 * @param sigma the robust (MAD) sigma of the residual at the samples that count
 * @param residualRms root mean square of the residual at the samples with positive weight
 * @param periodPValue Fisher's g-test p-value of the period (1 without a period)
 */
public record StructuralFit(int n, double period, int harmonics, double intercept, double slope,
    int[] hinges, double[] hingeSlopes, int[] steps, double[] stepSizes, double[] sin, double[] cos,
    double sigma, double residualRms, double periodPValue) {

  /**
   * Settings.
   *
   * @param penalty a hinge or step enters when it lowers the residual sum of squares by more than
   *     {@code penalty * sigma^2 * ln n} (3: about a 4-sigma t statistic at n = 256)
   * @param maxHinges most hinges per forward pass
   * @param maxSteps most steps per forward pass
   * @param maxHarmonics most harmonics of the season
   * @param periodAlpha a period is kept when Fisher's g-test p-value is below this
   * @param minPeriod shortest period searched
   * @param minSegment a hinge or step lies at least this far from either end
   */
  public record Config(double penalty, int maxHinges, int maxSteps, int maxHarmonics,
      double periodAlpha, double minPeriod, int minSegment) {
    /** The defaults. */
    public static final Config DEFAULTS = new Config(3.0, 3, 6, 7, 1e-3, 4, 3);

    /** Validates. */
    public Config {
      if (!(penalty > 0 && maxHinges >= 0 && maxSteps >= 0 && maxHarmonics >= 1 && periodAlpha > 0
          && periodAlpha < 1 && minPeriod >= 2 && minSegment >= 1)) {
        throw new IllegalArgumentException("inconsistent structural-fit config: " + this);
      }
    }
  }

  static final double BISQUARE = 4.685;
  private static final int ROUNDS = 4;
  private static final int PASSES = 1;
  static final int STEP = 0;
  static final int HINGE = 1;

  /** Fits {@code raw} (NaN = missing) with the default settings. */
  public static StructuralFit of(float[] raw) {
    return of(raw, Config.DEFAULTS);
  }

  /**
   * Fits {@code raw}.
   *
   * @param raw the channel's samples, NaN where missing (not modified)
   * @param cfg settings
   * @throws IllegalArgumentException if fewer than 8 samples count
   */
  public static StructuralFit of(float[] raw, Config cfg) {
    int n = raw.length;
    double[] y = new double[n];
    double[] mask = mask(raw, y);
    int counted = 0;
    for (double m : mask) {
      counted += m > 0 ? 1 : 0;
    }
    if (counted < 8) {
      throw new IllegalArgumentException("structural fit needs at least 8 usable samples, got "
          + counted + " of " + n);
    }
    double pen = cfg.penalty() * Math.log(Math.max(2, n));
    double[] w = mask.clone();
    double period = 0;
    double pValue = 1;
    StructuralModel m = null;
    double sigma = 0;
    for (int round = 0; round < ROUNDS; round++) {
      int k = period > 0 ? harmonicsFor(period, cfg) : 0;
      StructuralBasis base = StructuralBasis.base(n, w, period, k);
      if (round == 0) {
        m = new StructuralModel(base, y, w, new ArrayList<>());
      } else {
        m = select(base, y, w, n, sigma * sigma * pen, cfg);
      }
      double[] r = m.residual(y);
      sigma = robustSigma(r, mask);
      if (sigma <= 0) {
        sigma = 1e-12 * Math.max(1, maxAbs(y));
      }
      for (int t = 0; t < n; t++) {
        double u = r[t] / (BISQUARE * sigma);
        w[t] = mask[t] > 0 && Math.abs(u) < 1 ? (1 - u * u) * (1 - u * u) : 0;
      }
      if (round == ROUNDS - 1) {
        break;
      }
      double[] seasonal = m.seasonal();
      double[] z = new double[n];
      for (int t = 0; t < n; t++) {
        z[t] = w[t] > 0 ? r[t] + seasonal[t] : 0;
      }
      double[] found = period(z, w, cfg.minPeriod());
      if (found[1] < cfg.periodAlpha()) {
        period = found[0];
        pValue = found[1];
      } else {
        period = 0;
        pValue = 1;
      }
    }
    return m.result(y, mask, w, sigma, period, pValue);
  }

  private static double maxAbs(double[] y) {
    double m = 0;
    for (double v : y) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }

  static int harmonicsFor(double period, Config cfg) {
    return (int) Math.min(cfg.maxHarmonics(), Math.max(1, Math.floor(period / 2 - 0.01)));
  }

  /**
   * Weights 1 or 0: missing samples, dropouts to exact zero while the median lies more than
   * {@link #DROPOUT_SIGMAS} robust sigmas (of first differences) from zero, and runs of
   * four or more identical values weigh 0. Writes the samples (0 where missing) into {@code y}.
   */
  static double[] mask(float[] raw, double[] y) {
    int n = raw.length;
    double[] m = new double[n];
    double[] vals = new double[n];
    int cnt = 0;
    for (int t = 0; t < n; t++) {
      if (raw[t] == raw[t]) {
        y[t] = raw[t];
        m[t] = 1;
        vals[cnt++] = raw[t];
      }
    }
    if (cnt < 2) {
      return m;
    }
    double med = median(Arrays.copyOf(vals, cnt), cnt);
    double[] diffs = new double[cnt - 1];
    for (int i = 1; i < cnt; i++) {
      diffs[i - 1] = vals[i] - vals[i - 1];
    }
    double dmed = median(diffs.clone(), cnt - 1);
    double s = MAD_TO_SIGMA * mad(diffs, cnt - 1, dmed) / Math.sqrt(2);
    double spread = MAD_TO_SIGMA * mad(vals, cnt, med);
    s = Math.max(s, 0.05 * spread);
    if (s > 0 && Math.abs(med) > DROPOUT_SIGMAS * s) {
      for (int t = 0; t < n; t++) {
        if (m[t] > 0 && raw[t] == 0) {
          m[t] = 0;
        }
      }
    }
    int i = 0;
    while (i < n) {
      int j = i;
      if (raw[i] == raw[i]) {
        while (j + 1 < n && raw[j + 1] == raw[i]) {
          j++;
        }
        if (j - i + 1 >= 4) {
          Arrays.fill(m, i, j + 1, 0);
        }
      }
      i = j + 1;
    }
    return m;
  }

  /** MAD sigma of {@code r} where {@code mask} is positive. */
  static double robustSigma(double[] r, double[] mask) {
    double[] v = new double[r.length];
    int c = 0;
    for (int t = 0; t < r.length; t++) {
      if (mask[t] > 0) {
        v[c++] = r[t];
      }
    }
    if (c == 0) {
      return 0;
    }
    double med = median(v.clone(), c);
    return MAD_TO_SIGMA * mad(v, c, med);
  }

  /**
   * The strongest period in {@code z} (zero where it does not count): the periodogram's largest bin
   * among periods from {@code minPeriod} to {@code n / MIN_CYCLES}, refined on a grid of 21 frequencies
   * within one bin either side and again within a tenth of a bin, and Fisher's g-test p-value of that bin. {@code {period, p}}.
   */
  static double[] period(double[] z, double[] w, double minPeriod) {
    int n = z.length;
    double mean = 0;
    int cnt = 0;
    for (int t = 0; t < n; t++) {
      if (w[t] > 0) {
        mean += z[t];
        cnt++;
      }
    }
    mean = cnt > 0 ? mean / cnt : 0;
    double[] c = new double[n];
    for (int t = 0; t < n; t++) {
      c[t] = w[t] > 0 ? z[t] - mean : 0;
    }
    int lowBin = Integer.MAX_VALUE;
    int highBin = 0;
    for (int k = 1; k <= n / 2; k++) {
      double per = (double) n / k;
      if (per >= minPeriod && per <= n / MIN_CYCLES) {
        lowBin = Math.min(lowBin, k);
        highBin = k;
      }
    }
    int best = -1;
    double bestPow = 0;
    double sum = 0;
    int m = 0;
    if (highBin >= lowBin) {
      double[] bins = new double[highBin - lowBin + 1];
      for (int k = lowBin; k <= highBin; k++) {
        bins[k - lowBin] = k;
      }
      double[] pow = powers(c, bins);
      for (int k = lowBin; k <= highBin; k++) {
        double pk = pow[k - lowBin];
        sum += pk;
        m++;
        if (best < 0 || pk > bestPow) {
          best = k;
          bestPow = pk;
        }
      }
    }
    if (best < 0 || sum <= 0) {
      return new double[] {0, 1};
    }
    double g = bestPow / sum;
    double pValue = Math.min(1, m * Math.pow(1 - g, m - 1));
    double bestF = best;
    bestF = refine(c, Math.max(best - 1, 0.5), best + 1, bestF);
    bestF = refine(c, Math.max(bestF - 0.1, 0.5), bestF + 0.1, bestF);
    double period = Math.max(minPeriod, Math.min(n / MIN_CYCLES, n / bestF));
    return new double[] {period, pValue};
  }

  /**
   * Fewest cycles of a season in the window: with fewer, a season and a bent trend explain the
   * same samples, and the harmonics of a long period take up level shifts.
   */
  static final double MIN_CYCLES = 3;

  /** The frequency (in bins) of most power among 21 from {@code lo} to {@code hi}. */
  private static double refine(double[] c, double lo, double hi, double start) {
    double bestF = start;
    double bestPow = -1;
    double[] f = new double[21];
    for (int i = 0; i <= 20; i++) {
      f[i] = lo + (hi - lo) * i / 20.0;
    }
    double[] pow = powers(c, f);
    for (int i = 0; i <= 20; i++) {
      if (pow[i] > bestPow) {
        bestPow = pow[i];
        bestF = f[i];
      }
    }
    return bestF;
  }

  /**
   * {@code |sum_t c[t] e^{-2 pi i f t / n}|^2} for every f in {@code freqs} (in bins, not
   * necessarily whole). The frequencies advance together, sample by sample, so that their
   * recurrences overlap rather than wait on one another; each one's arithmetic is that of a
   * frequency computed alone.
   */
  static double[] powers(double[] c, double[] freqs) {
    int n = c.length;
    int m = freqs.length;
    double[] re = new double[m];
    double[] im = new double[m];
    double[] cw = new double[m];
    double[] sw = new double[m];
    double[] ct = new double[m];
    double[] st = new double[m];
    for (int j = 0; j < m; j++) {
      double omega = 2 * Math.PI * freqs[j] / n;
      // the recurrence cos/sin((t+1) w) from cos/sin(t w): no trigonometric call per sample
      cw[j] = Math.cos(omega);
      sw[j] = Math.sin(omega);
      ct[j] = 1;
    }
    for (int t = 0; t < n; t++) {
      double ctv = c[t];
      for (int j = 0; j < m; j++) {
        double cj = ct[j];
        double sj = st[j];
        re[j] += ctv * cj;
        im[j] -= ctv * sj;
        ct[j] = cj * cw[j] - sj * sw[j];
        st[j] = sj * cw[j] + cj * sw[j];
      }
    }
    double[] out = new double[m];
    for (int j = 0; j < m; j++) {
      out[j] = re[j] * re[j] + im[j] * im[j];
    }
    return out;
  }

  /** Median of the first {@code len} values (not modified); by selection, not a full sort. */
  static double median(double[] v, int len) {
    double[] s = Arrays.copyOf(v, len);
    int k = len / 2;
    double upper = Selection.select(s, len, k);
    if (len % 2 == 1) {
      return upper;
    }
    // after the selection everything left of k is at most s[k]: the lower middle is their largest
    double lower = s[0];
    for (int i = 1; i < k; i++) {
      lower = Math.max(lower, s[i]);
    }
    return 0.5 * (lower + upper);
  }

  /** Median absolute deviation of the first {@code len} values about {@code center}. */
  static double mad(double[] v, int len, double center) {
    double[] d = new double[len];
    for (int i = 0; i < len; i++) {
      d[i] = Math.abs(v[i] - center);
    }
    return median(d, len);
  }

  /** Scales a median absolute deviation to a Gaussian's sigma. */
  public static final double MAD_TO_SIGMA = 1.4826;
  /** Robust sigmas from the channel's median at which a run of exact zeros is a dropout. */
  public static final double DROPOUT_SIGMAS = 5;

  /** Forward hinges, forward steps, backward elimination ({@link #PASSES} times). */
  private static StructuralModel select(StructuralBasis base, double[] y, double[] w, int n,
      double threshold, Config cfg) {
    List<int[]> extra = new ArrayList<>();
    StructuralModel m = null;
    for (int pass = 0; pass < PASSES; pass++) {
      m = new StructuralModel(base.copyWith(extra), y, w, extra);
      m.forward(y, w, HINGE, cfg.maxHinges(), threshold, cfg.minSegment());
      m.forward(y, w, STEP, cfg.maxSteps(), threshold, cfg.minSegment());
      m = m.backward(y, threshold);
      extra = m.extra;
    }
    return m;
  }

  /** A step or hinge column at {@code s}. */
  static double[] column(int kind, int s, int n) {
    double[] c = new double[n];
    for (int t = s; t < n; t++) {
      c[t] = kind == STEP ? 1 : (double) (t - s) / n;
    }
    return c;
  }

  /** The trend (line plus hinges, without the steps) at every sample. */
  public double[] trend() {
    double[] out = new double[n];
    for (int t = 0; t < n; t++) {
      double v = slope * t;
      for (int j = 0; j < hinges.length; j++) {
        if (t > hinges[j]) {
          v += hingeSlopes[j] * (t - hinges[j]);
        }
      }
      out[t] = v;
    }
    return out;
  }

  /** The season at every sample (zeros without a period). */
  public double[] season() {
    double[] out = new double[n];
    double[] s = new double[n];
    double[] c = new double[n];
    for (int h = 1; h <= harmonics; h++) {
      rotate(2 * Math.PI * h / period, s, c);
      for (int t = 0; t < n; t++) {
        out[t] += sin[h - 1] * s[t] + cos[h - 1] * c[t];
      }
    }
    return out;
  }

  /**
   * {@code s[t] = sin(omega t)}, {@code c[t] = cos(omega t)} by rotation, exact again every 32
   * samples so that rounding does not accumulate.
   */
  static void rotate(double omega, double[] s, double[] c) {
    double cw = Math.cos(omega);
    double sw = Math.sin(omega);
    for (int t = 0; t < s.length; t++) {
      if ((t & 31) == 0) {
        s[t] = Math.sin(omega * t);
        c[t] = Math.cos(omega * t);
      } else {
        s[t] = s[t - 1] * cw + c[t - 1] * sw;
        c[t] = c[t - 1] * cw - s[t - 1] * sw;
      }
    }
  }

  /** Opposite steps closer than this are a bump (a wide spike), not two level shifts. */
  public static final int BUMP_WIDTH = 20;

  /**
   * Each trend piece's change (between hinges) over its standard error as a line's change over
   * that many samples, {@code sigma sqrt(12 / L)}: a piece's t statistic.
   */
  public double[] pieceRatios() {
    double[] trend = trend();
    double[] out = new double[hinges.length + 1];
    int prev = 0;
    for (int j = 0; j <= hinges.length; j++) {
      int end = j < hinges.length ? hinges[j] : n - 1;
      int len = Math.max(3, end - prev);
      out[j] = (trend[end] - trend[prev]) / (sigma * Math.sqrt(12.0 / len) + 1e-300);
      prev = end;
    }
    return out;
  }

  /** The trend's net change over the window against its standard error {@code sigma sqrt(12 / n)}. */
  public double netRatio() {
    double[] trend = trend();
    return (trend[n - 1] - trend[0]) / (sigma * Math.sqrt(12.0 / n) + 1e-300);
  }

  /**
   * The largest step in units of sigma that no opposite step of at least half its size within
   * {@code bumpWidth} samples undoes (a level shift rather than the two sides of a bump); 0 if none.
   */
  public double largestShift(int bumpWidth) {
    double best = 0;
    for (int i = 0; i < steps.length; i++) {
      boolean undone = false;
      for (int j = 0; j < steps.length; j++) {
        if (j != i && Math.abs(steps[j] - steps[i]) <= bumpWidth
            && Math.signum(stepSizes[j]) != Math.signum(stepSizes[i])
            && Math.abs(stepSizes[j]) > 0.5 * Math.abs(stepSizes[i])) {
          undone = true;
          break;
        }
      }
      if (!undone) {
        best = Math.max(best, Math.abs(stepSizes[i]) / (sigma + 1e-300));
      }
    }
    return best;
  }

  /**
   * The noise share, the residual's root mean square over the root of the variance of trend plus
   * season plus that square (0 without residual).
   */
  public double noiseShare() {
    double[] trend = trend();
    double[] season = season();
    double mean = 0;
    for (int t = 0; t < n; t++) {
      mean += trend[t] + season[t];
    }
    mean /= n;
    double var = 0;
    for (int t = 0; t < n; t++) {
      double d = trend[t] + season[t] - mean;
      var += d * d;
    }
    var /= n;
    return residualRms > 0 ? residualRms / Math.sqrt(var + residualRms * residualRms) : 0;
  }

  /** Phases tried when fitting a waveform's harmonic series. */
  static final int PHASES = 96;

  /**
   * How far the season's fitted harmonics are from each waveform's harmonic series, as the share
   * of their power left unexplained at the best amplitude and phase (on a grid of {@value #PHASES}):
   * {@code {sine, square, triangle}}; {@code sin(k (wt + phi)) = sin(kwt) cos(k phi) + cos(kwt)
   * sin(k phi)}, with amplitudes 1/k (square) or (-1)^((k-1)/2)/k^2 (triangle) on the odd
   * harmonics and nothing on the even ones; a sine is the fundamental alone. All 1 without a
   * season.
   */
  public double[] waveformResiduals() {
    return waveformResiduals(sin, cos);
  }

  /** {@link #waveformResiduals()} of given harmonics. */
  public static double[] waveformResiduals(double[] sin, double[] cos) {
    int k = sin.length;
    double total = 0;
    for (int h = 0; h < k; h++) {
      total += sin[h] * sin[h] + cos[h] * cos[h];
    }
    if (k == 0 || total <= 0) {
      return new double[] {1, 1, 1};
    }
    double sine = total - sin[0] * sin[0] - cos[0] * cos[0];
    return new double[] {sine / total, templateResidual(sin, cos, total, false) / total,
        templateResidual(sin, cos, total, true) / total};
  }

  private static double templateResidual(double[] sin, double[] cos, double total, boolean triangle) {
    int k = sin.length;
    double best = total;
    for (int i = 0; i < PHASES; i++) {
      double phi = 2 * Math.PI * i / PHASES;
      double dot = 0;
      double norm = 0;
      for (int h = 1; h <= k; h += 2) {
        double amp = triangle ? (((h - 1) / 2) % 2 == 0 ? 1.0 : -1.0) / (h * h) : 1.0 / h;
        double us = amp * Math.cos(h * phi);
        double uc = amp * Math.sin(h * phi);
        dot += us * sin[h - 1] + uc * cos[h - 1];
        norm += us * us + uc * uc;
      }
      double r = total - dot * dot / norm;
      if (r < best) {
        best = r;
      }
    }
    return Math.max(0, best);
  }
}
