package io.florets.labelers.nab;

/** Estimates the dominant period of the recent past of a stream from its autocorrelation. */
final class SeasonalPeriod {
  static final int MIN_LAG = 8;
  static final double MIN_ACF = 0.3;

  private SeasonalPeriod() {}

  /**
   * The lag in {@code [MIN_LAG, n/3]} with the highest autocorrelation at a local peak, if that
   * autocorrelation is at least {@link #MIN_ACF}; else 0 (no period).
   *
   * @param ring the last values, written at {@code (count - 1) % capacity}
   * @param count values seen so far
   * @param capacity the ring's length
   */
  static int estimate(double[] ring, long count, int capacity) {
    int n = (int) Math.min(count, capacity);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = ring[(int) ((count - n + i) % capacity)];
    }
    double mean = 0;
    for (double v : x) {
      mean += v;
    }
    mean /= n;
    double var = 0;
    for (int i = 0; i < n; i++) {
      x[i] -= mean;
      var += x[i] * x[i];
    }
    if (var <= 0) {
      return 0;
    }
    int maxLag = n / 3;
    double[] acf = new double[maxLag + 2];
    for (int lag = MIN_LAG - 1; lag <= maxLag + 1 && lag < n; lag++) {
      double s = 0;
      for (int i = lag; i < n; i++) {
        s += x[i] * x[i - lag];
      }
      acf[lag] = s / var;
    }
    int best = 0;
    double bestAcf = MIN_ACF;
    for (int lag = MIN_LAG; lag <= maxLag; lag++) {
      if (acf[lag] > bestAcf && acf[lag] >= acf[lag - 1] && acf[lag] >= acf[lag + 1]) {
        best = lag;
        bestAcf = acf[lag];
      }
    }
    return best;
  }
}
