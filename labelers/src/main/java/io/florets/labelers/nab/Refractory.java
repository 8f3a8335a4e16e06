package io.florets.labelers.nab;

/**
 * Alarm suppression after a score: within {@code length} samples of the last peak, a score that does
 * not exceed the peak is multiplied by {@code damping}, so a lasting anomaly raises one alarm at its
 * onset rather than many. A score above the peak becomes the new peak. Not thread-safe.
 */
final class Refractory {
  private final int length;
  private final double damping;
  private double peak;
  private int peakAge;

  Refractory(int length, double damping) {
    this.length = length;
    this.damping = damping;
  }

  /** The score to report for the next raw score {@code s}. */
  double apply(double s) {
    peakAge++;
    if (peakAge > length) {
      peak = 0.0;
    }
    if (s > peak) {
      peak = s;
      peakAge = 0;
      return s;
    }
    return s * damping;
  }
}
