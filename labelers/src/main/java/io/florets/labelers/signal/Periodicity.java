package io.florets.labelers.signal;

/**
 * The dominant period of a channel from its periodogram, tested with Fisher's g statistic and
 * confirmed by the autocorrelation.
 *
 * @param period the refined period in samples (parabolic interpolation around the peak bin), or 0
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
    int kMin = Math.max(1, (int) Math.ceil((double) cfg.minCycles() * 1.0));
    int kMax = Math.min(m, n / cfg.minPeriod());
    if (kMax < kMin) {
      return NONE;
    }
    double total = 0;
    for (int k = 1; k <= m; k++) {
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
    double g = p[best] / total;
    double pValue = Math.min(1.0, m * Math.pow(1 - g, m - 1));
    double kk = best;
    if (best > 1 && best < m) {
      double a = Math.sqrt(p[best - 1]);
      double b = Math.sqrt(p[best]);
      double c = Math.sqrt(p[best + 1]);
      double den = a - 2 * b + c;
      if (den < 0) {
        kk = best + 0.5 * (a - c) / den;
      }
    }
    double period = n / kk;
    double[] acf = s.acf();
    int lag = (int) Math.round(period);
    double r = lag > 0 && lag < n ? acf[lag] : 0;
    if (lag - 1 > 0 && lag + 1 < n) {
      r = Math.max(r, Math.max(acf[lag - 1], acf[lag + 1]));
    }
    boolean sig = pValue < cfg.periodAlpha() && r >= cfg.minAcf();
    return new Periodicity(period, pValue, g, r, sig);
  }

  /**
   * The highest local maximum of {@code acf} after its first zero crossing, between lags
   * {@code minLag} and {@code maxLag}, refined by parabolic interpolation; 0 if none.
   */
  public static double acfPeak(double[] acf, int minLag, int maxLag) {
    int n = acf.length;
    int hi = Math.min(maxLag, n - 2);
    int start = 1;
    while (start < n && acf[start] > 0) {
      start++;
    }
    start = Math.max(start, minLag);
    int best = -1;
    for (int l = Math.max(start, 1); l <= hi; l++) {
      if (acf[l] >= acf[l - 1] && acf[l] >= acf[l + 1] && (best < 0 || acf[l] > acf[best])) {
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
