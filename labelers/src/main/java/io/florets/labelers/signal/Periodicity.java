package io.florets.labelers.signal;

/**
 * The dominant period of a channel from its periodogram (bins of at least {@code minCycles} cycles),
 * tested with Fisher's g statistic over those bins, refined on a fine grid of periods, and confirmed
 * by a positive autocorrelation at the period.
 *
 * @param period the refined period in samples, or 0
 * @param pValue Fisher's approximate p-value {@code m (1-g)^(m-1)}, capped at 1
 * @param g the fraction of non-DC power in the peak bin
 * @param acfAtPeriod the autocorrelation at the rounded period
 * @param significant true if {@code pValue < alpha} and {@code acfAtPeriod >= minAcf}
 */
public record Periodicity(double period, double pValue, double g, double acfAtPeriod,
    boolean significant) {

  /** No period. */
  public static final Periodicity NONE = new Periodicity(0, 1, 0, 0, false);

  static Periodicity of(ChannelSignal s, SignalConfig cfg) {
    if (!s.usable()) {
      return NONE;
    }
    int n = s.length();
    double[] p = s.periodogram();
    int m = p.length - 1;
    int kMin = Math.max(1, cfg.minCycles());
    int kMax = Math.min(m, n / cfg.minPeriod());
    if (kMax < kMin) {
      return NONE;
    }
    double total = 0;
    for (int k = kMin; k <= m; k++) {
      total += p[k];
    }
    int best = -1;
    for (int k = kMin; k <= kMax; k++) {
      if (best < 0 || p[k] > p[best]) {
        best = k;
      }
    }
    if (!(total > 0) || best < 0) {
      return NONE;
    }
    int bins = m - kMin + 1;
    double g = p[best] / total;
    double pValue = Math.min(1.0, bins * Math.pow(1 - g, bins - 1));
    double period = refine(s.detrended(), n / (double) best, cfg.minPeriod(), n / cfg.minCycles());
    double[] acf = s.acf();
    int lag = (int) Math.round(period);
    double r = lag > 0 && lag < n ? acf[lag] : 0;
    if (lag - 1 > 0 && lag + 1 < n) {
      r = Math.max(r, Math.max(acf[lag - 1], acf[lag + 1]));
    }
    boolean sig = pValue < cfg.periodAlpha()
        && (r >= cfg.minAcf() || (lag >= 2 && lag + 1 < n && localAcf(s.filled(), lag) >= LOCAL_ACF));
    return new Periodicity(period, pValue, g, r, sig);
  }

  /**
   * Least autocorrelation at the period of the channel detrended at the period's own scale that
   * confirms a period the plain autocorrelation does not (a bent or shifted trend can make the plain
   * one negative at a true period).
   */
  static final double LOCAL_ACF = 0.3;

  /**
   * The largest autocorrelation at lags {@code lag - 1, lag, lag + 1} of {@code x} less its moving
   * average over {@code lag} samples.
   */
  static double localAcf(double[] x, int lag) {
    int n = x.length;
    double[] ma = Decomposition.movingAverage(x, lag);
    double[] d = new double[n];
    double mean = 0;
    for (int i = 0; i < n; i++) {
      d[i] = x[i] - ma[i];
      mean += d[i];
    }
    mean /= n;
    double den = 0;
    for (int i = 0; i < n; i++) {
      d[i] -= mean;
      den += d[i] * d[i];
    }
    if (!(den > 0)) {
      return 0;
    }
    double best = Double.NEGATIVE_INFINITY;
    for (int l = Math.max(1, lag - 1); l <= Math.min(n - 1, lag + 1); l++) {
      double num = 0;
      for (int i = 0; i + l < n; i++) {
        num += d[i] * d[i + l];
      }
      best = Math.max(best, num / den);
    }
    return best;
  }

  /**
   * Refines a period found on the FFT grid: the power of the discrete-time Fourier transform at
   * frequency 1/p is evaluated for every integer p within 15% of the candidate, and the best one is
   * refined by a parabola through its neighbours. O(n) per candidate period.
   */
  static double refine(double[] x, double candidate, int minPeriod, int maxPeriod) {
    int lo = Math.max(minPeriod, (int) Math.floor(candidate * 0.85));
    int hi = Math.min(maxPeriod, (int) Math.ceil(candidate * 1.15));
    if (hi < lo) {
      return candidate;
    }
    double[] pow = new double[hi - lo + 3];
    int best = -1;
    for (int q = lo - 1; q <= hi + 1; q++) {
      double v = q >= 2 ? dtftPower(x, q) : 0;
      pow[q - lo + 1] = v;
      if (q >= lo && q <= hi && (best < 0 || v > pow[best - lo + 1])) {
        best = q;
      }
    }
    double a = pow[best - lo];
    double b = pow[best - lo + 1];
    double c = pow[best - lo + 2];
    double den = a - 2 * b + c;
    double off = den < 0 ? 0.5 * (a - c) / den : 0;
    return best + Math.max(-0.5, Math.min(0.5, off));
  }

  /** |sum_t x_t exp(-2 pi i t / period)|^2 by a rotating phasor (no trigonometry per sample). */
  static double dtftPower(double[] x, double period) {
    double w = 2 * Math.PI / period;
    double cw = Math.cos(w);
    double sw = Math.sin(w);
    double c = 1;
    double sn = 0;
    double re = 0;
    double im = 0;
    for (double v : x) {
      re += v * c;
      im -= v * sn;
      double nc = c * cw - sn * sw;
      sn = sn * cw + c * sw;
      c = nc;
    }
    return re * re + im * im;
  }

  /**
   * The first local maximum of {@code acf} after its first zero crossing, between lags
   * {@code minLag} and {@code maxLag}, that reaches 80% of the highest such maximum (so a
   * multiple of the period does not win), refined by parabolic interpolation; 0 if none.
   */
  public static double acfPeak(double[] acf, int minLag, int maxLag) {
    int n = acf.length;
    int hi = Math.min(maxLag, n - 2);
    int start = 1;
    while (start < n && acf[start] > 0) {
      start++;
    }
    start = Math.max(start, minLag);
    double top = Double.NEGATIVE_INFINITY;
    for (int l = Math.max(start, 1); l <= hi; l++) {
      if (acf[l] >= acf[l - 1] && acf[l] >= acf[l + 1]) {
        top = Math.max(top, acf[l]);
      }
    }
    int best = -1;
    for (int l = Math.max(start, 1); l <= hi && best < 0; l++) {
      if (acf[l] >= acf[l - 1] && acf[l] >= acf[l + 1] && acf[l] >= 0.8 * top) {
        best = l;
      }
    }
    if (best < 0) {
      return 0;
    }
    double a = acf[best - 1];
    double b = acf[best];
    double c = acf[best + 1];
    double den = a - 2 * b + c;
    return den < 0 ? best + 0.5 * (a - c) / den : best;
  }
}
