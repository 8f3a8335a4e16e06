package io.florets.datasets.io.nab;

/**
 * An inclusive time range in epoch milliseconds (UTC).
 *
 * @param startMillis first instant
 * @param endMillis last instant, &ge; start
 */
public record TimeRange(long startMillis, long endMillis) {
  public TimeRange {
    if (endMillis < startMillis) {
      throw new IllegalArgumentException("time range ends (" + endMillis + ") before it starts ("
          + startMillis + ")");
    }
  }

  /** True if {@code t} lies in the range. */
  public boolean contains(long t) {
    return t >= startMillis && t <= endMillis;
  }
}
