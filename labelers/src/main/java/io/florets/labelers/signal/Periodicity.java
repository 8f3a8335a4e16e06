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
        && (r >= cfg.minAcf() || (lag >= 2 && lag + 1 < n && localAcf(s.spectralFilled(), lag) >= LOCAL_ACF));
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
    for (int q = Math.max(2, lo - 1); q <= hi + 1; q += 4) {
      dtftPowers(x, q, Math.min(4, hi + 2 - q), pow, q - lo + 1);
    }
    int best = -1;
    for (int q = lo; q <= hi; q++) {
      if (best < 0 || pow[q - lo + 1] > pow[best - lo + 1]) {
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

  /**
   * {@code |sum_t x_t exp(-2 pi i t / p)|^2} for the {@code count} (1 to 4) integer periods
   * {@code p} from {@code first}, into {@code out[at..at+count)}, by rotating phasors (no
   * trigonometry per sample). The four phasors turn in one pass over {@code x}, each through the
   * operations a pass of its own would do (so the same doubles), while the processor overlaps
   * their dependency chains.
   */
  static void dtftPowers(double[] x, int first, int count, double[] out, int at) {
    double[] cw = new double[4];
    double[] sw = new double[4];
    for (int k = 0; k < 4; k++) {
      double w = 2 * Math.PI / (double) (first + Math.min(k, count - 1));
      cw[k] = Math.cos(w);
      sw[k] = Math.sin(w);
    }
    double cw0 = cw[0];
    double cw1 = cw[1];
    double cw2 = cw[2];
    double cw3 = cw[3];
    double sw0 = sw[0];
    double sw1 = sw[1];
    double sw2 = sw[2];
    double sw3 = sw[3];
    double c0 = 1;
    double c1 = 1;
    double c2 = 1;
    double c3 = 1;
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    double re0 = 0;
    double re1 = 0;
    double re2 = 0;
    double re3 = 0;
    double im0 = 0;
    double im1 = 0;
    double im2 = 0;
    double im3 = 0;
    for (double v : x) {
      re0 += v * c0;
      re1 += v * c1;
      re2 += v * c2;
      re3 += v * c3;
      im0 -= v * s0;
      im1 -= v * s1;
      im2 -= v * s2;
      im3 -= v * s3;
      double n0 = c0 * cw0 - s0 * sw0;
      double n1 = c1 * cw1 - s1 * sw1;
      double n2 = c2 * cw2 - s2 * sw2;
      double n3 = c3 * cw3 - s3 * sw3;
      s0 = s0 * cw0 + c0 * sw0;
      s1 = s1 * cw1 + c1 * sw1;
      s2 = s2 * cw2 + c2 * sw2;
      s3 = s3 * cw3 + c3 * sw3;
      c0 = n0;
      c1 = n1;
      c2 = n2;
      c3 = n3;
    }
    double[] p = {re0 * re0 + im0 * im0, re1 * re1 + im1 * im1, re2 * re2 + im2 * im2,
        re3 * re3 + im3 * im3};
    System.arraycopy(p, 0, out, at, count);
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
