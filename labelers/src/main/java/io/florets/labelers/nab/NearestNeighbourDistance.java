package io.florets.labelers.nab;

import java.util.Arrays;

/**
 * A causal matrix-profile value: the distance from the latest subsequence of length {@code m} to its
 * nearest earlier subsequence starting {@code m..maxLag} samples before it (no overlap), as the root
 * mean square difference. Each step updates the running sums of squared differences of every lag in
 * {@code O(maxLag)}: {@code D[lag] += (x_t - x_{t-lag})^2 - (x_{t-m} - x_{t-m-lag})^2}. A large value
 * marks a subsequence unlike anything in the recent past (a discord). Not thread-safe.
 */
final class NearestNeighbourDistance {
  private final int m;
  private final int maxLag;
  private final double[] ring;
  private final double[] sums;
  private long t = -1;

  NearestNeighbourDistance(int m, int maxLag) {
    if (m < 1 || maxLag < m) {
      throw new IllegalArgumentException("need 1 <= m <= maxLag, got m=" + m + ", maxLag=" + maxLag);
    }
    this.m = m;
    this.maxLag = maxLag;
    this.ring = new double[maxLag + m + 1];
    this.sums = new double[maxLag + 1];
  }

  private double at(long i) {
    return ring[(int) (i % ring.length)];
  }

  /** Adds {@code x}; returns the nearest-neighbour RMS distance, or {@code NaN} until one full pair exists. */
  double update(double x) {
    t++;
    ring[(int) (t % ring.length)] = x;
    double best = Double.POSITIVE_INFINITY;
    long lagLimit = Math.min(maxLag, t);
    double old = t - m >= 0 ? at(t - m) : 0.0;
    for (int lag = m; lag <= lagLimit; lag++) {
      double d = x - at(t - lag);
      double s = sums[lag] + d * d;
      if (t - m >= lag) {
        double e = old - at(t - m - lag);
        s -= e * e;
      }
      sums[lag] = s;
      if (t >= lag + m - 1 && s < best) {
        best = s;
      }
    }
    return best == Double.POSITIVE_INFINITY ? Double.NaN : Math.sqrt(Math.max(best, 0.0) / m);
  }

  /** Resets the running sums (for tests). */
  void clear() {
    Arrays.fill(sums, 0.0);
    t = -1;
  }
}
