package io.florets.labelers.nab;

import java.util.Arrays;

/**
 * The last {@code capacity} values of a stream, kept both in arrival order and sorted, so that order
 * statistics (median, quantiles) of the trailing window cost {@code O(log n)} to read and {@code O(n)}
 * (one array move) to update. Not thread-safe: one instance per stream.
 */
final class RollingOrder {
  private final double[] ring;
  private final double[] sorted;
  private int size;
  private int head;

  RollingOrder(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
    }
    ring = new double[capacity];
    sorted = new double[capacity];
  }

  /** Appends a value, dropping the oldest one when full. */
  void add(double v) {
    if (size == ring.length) {
      double old = ring[head];
      int k = Arrays.binarySearch(sorted, 0, size, old);
      System.arraycopy(sorted, k + 1, sorted, k, size - k - 1);
      size--;
    }
    ring[head] = v;
    head = (head + 1) % ring.length;
    int k = Arrays.binarySearch(sorted, 0, size, v);
    if (k < 0) {
      k = -k - 1;
    }
    System.arraycopy(sorted, k, sorted, k + 1, size - k);
    sorted[k] = v;
    size++;
  }

  int size() {
    return size;
  }

  boolean full() {
    return size == ring.length;
  }

  /** The {@code q}-quantile (linear interpolation between order statistics); requires {@code size > 0}. */
  double quantile(double q) {
    double pos = q * (size - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, size - 1);
    double f = pos - lo;
    return sorted[lo] + f * (sorted[hi] - sorted[lo]);
  }

  double median() {
    return quantile(0.5);
  }

  /**
   * A robust scale: the interquartile range over 1.349 (the standard deviation for Gaussian data),
   * falling back to wider quantile spreads when the quartiles coincide, then to {@code floor}.
   */
  double scale(double floor) {
    double s = (quantile(0.75) - quantile(0.25)) / 1.349;
    if (s <= 0) {
      s = (quantile(0.95) - quantile(0.05)) / 3.29;
    }
    if (s <= 0) {
      s = (sorted[size - 1] - sorted[0]) / 6.0;
    }
    return Math.max(s, floor);
  }
}
