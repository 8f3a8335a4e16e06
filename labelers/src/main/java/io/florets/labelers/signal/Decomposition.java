package io.florets.labelers.signal;

/**
 * A classical additive decomposition {@code x = trend + seasonal + remainder} with the strengths of
 * Wang, Smith &amp; Hyndman: {@code F_T = max(0, 1 - Var(R)/Var(T+R))},
 * {@code F_S = max(0, 1 - Var(R)/Var(S+R))}.
 *
 * <p>The period is the integer within {@link #PERIOD_SEARCH} of the rounded spectral estimate whose
 * decomposition leaves the smallest sum of absolute remainders (a window holds only a few cycles
 * of a long period, so the spectral peak alone is often one or two samples off). The trend is a
 * centred moving average over one period (a 2&times;p average for even p) when the
 * channel has a significant period, otherwise over {@code max(5, n/8)} samples; the ends are
 * extrapolated linearly from the nearest full averages. The seasonal component is the per-phase
 * median of the detrended values, centred: a spike, or the ramp the moving average leaves at a level
 * shift, falls in one cycle of its phase and does not leak into every other cycle. Arrays are shared; do not modify them.
 *
 * @param trend trend component, length n
 * @param seasonal seasonal component, length n (zeros without a period)
 * @param remainder remainder, length n
 * @param period the integer period used (0 = none)
 * @param profile one period of the seasonal component (empty without a period)
 * @param trendStrength F_T in [0,1]
 * @param seasonalStrength F_S in [0,1]
 */
public record Decomposition(double[] trend, double[] seasonal, double[] remainder, int period,
    double[] profile, double trendStrength, double seasonalStrength) {

  /** Integer periods tried on each side of the rounded spectral estimate. */
  static final int PERIOD_SEARCH = 3;

  static Decomposition of(ChannelSignal s, SignalConfig cfg) {
    // dropouts bridged: a run of zeros far from the level would pull every moving average and
    // phase median it touches, and choose the period that best hides it rather than the cycle
    double[] x = s.spectralFilled();
    int n = x.length;
    Periodicity per = s.periodicity();
    int p = per.significant() ? (int) Math.round(per.period()) : 0;
    if (p > n / 2) {
      p = 0;
    }
    double[] trend;
    double[] profile;
    if (p >= 2) {
      double bestCost = Double.POSITIVE_INFINITY;
      double[] bestTrend = null;
      double[] bestProfile = null;
      int bestP = p;
      double[] sums = prefixSums(x);
      for (int q = Math.max(2, p - PERIOD_SEARCH); q <= Math.min(n / 2, p + PERIOD_SEARCH); q++) {
        double[] t = movingAverage(x, sums, q);
        double[] prof = medianProfile(x, t, q);
        double cost = 0;
        for (int i = 0, ph = 0; i < n; i++) {
          cost += Math.abs(x[i] - t[i] - prof[ph]);
          ph = ph + 1 == q ? 0 : ph + 1;
        }
        if (cost < bestCost) {
          bestCost = cost;
          bestTrend = t;
          bestProfile = prof;
          bestP = q;
        }
      }
      p = bestP;
      trend = bestTrend;
      profile = bestProfile;
    } else {
      trend = movingAverage(x, Math.max(5, n / 8) | 1);
      profile = new double[0];
    }
    double[] seasonal = new double[n];
    if (p >= 2) {
      for (int i = 0, ph = 0; i < n; i++) {
        seasonal[i] = profile[ph];
        ph = ph + 1 == p ? 0 : ph + 1;
      }
    }
    double[] rem = new double[n];
    double[] tr = new double[n];
    double[] sr = new double[n];
    for (int i = 0; i < n; i++) {
      rem[i] = x[i] - trend[i] - seasonal[i];
      tr[i] = trend[i] + rem[i];
      sr[i] = seasonal[i] + rem[i];
    }
    double vr = Robust.variance(rem);
    double vtr = Robust.variance(tr);
    double vsr = Robust.variance(sr);
    double ft = vtr > 0 ? Math.max(0, 1 - vr / vtr) : 0;
    double fs = p >= 2 && vsr > 0 ? Math.max(0, 1 - vr / vsr) : 0;
    return new Decomposition(trend, seasonal, rem, p, profile, ft, fs);
  }

  /** Per-phase median of {@code x - trend} for period {@code p}, centred to mean zero. */
  private static double[] medianProfile(double[] x, double[] trend, int p) {
    int n = x.length;
    double[] profile = new double[p];
    double[] buf = new double[(n + p - 1) / p];
    double mu = 0;
    for (int j = 0; j < p; j++) {
      int k = 0;
      for (int i = j; i < n; i += p) {
        buf[k++] = x[i] - trend[i];
      }
      profile[j] = Robust.medianInPlace(buf, k);
      mu += profile[j];
    }
    mu /= p;
    for (int j = 0; j < p; j++) {
      profile[j] -= mu;
    }
    return profile;
  }

  /**
   * Centred moving average over {@code w} samples (2&times;w with half end weights if w is even),
   * ends extrapolated linearly. O(n) via prefix sums.
   */
  public static double[] movingAverage(double[] x, int w) {
    return movingAverage(x, 2 * (w / 2) + 1 > x.length ? null : prefixSums(x), w);
  }

  /** {@code c[i] = x[0] + ... + x[i-1]}, summed left to right. */
  private static double[] prefixSums(double[] x) {
    double[] c = new double[x.length + 1];
    double run = 0;
    for (int i = 0; i < x.length; i++) {
      run += x[i];
      c[i + 1] = run;
    }
    return c;
  }

  /** {@link #movingAverage(double[], int)} with the prefix sums of {@code x} already made. */
  private static double[] movingAverage(double[] x, double[] c, int w) {
    int n = x.length;
    double[] out = new double[n];
    int h = w / 2;
    if (2 * h + 1 > n) {
      double m = 0;
      for (double v : x) {
        m += v;
      }
      java.util.Arrays.fill(out, m / n);
      return out;
    }
    boolean even = (w & 1) == 0;
    for (int i = h; i < n - h; i++) {
      if (even) {
        double inner = c[i + h] - c[i - h + 1];
        out[i] = (inner + 0.5 * (x[i - h] + x[i + h])) / w;
      } else {
        out[i] = (c[i + h + 1] - c[i - h]) / w;
      }
    }
    int span = Math.max(1, Math.min(h, n - 2 * h - 1));
    double left = (out[h + span] - out[h]) / span;
    for (int i = h - 1; i >= 0; i--) {
      out[i] = out[h] - left * (h - i);
    }
    int e = n - h - 1;
    double right = (out[e] - out[e - span]) / span;
    for (int i = e + 1; i < n; i++) {
      out[i] = out[e] + right * (i - e);
    }
    return out;
  }
}
