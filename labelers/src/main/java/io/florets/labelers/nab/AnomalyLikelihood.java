package io.florets.labelers.nab;

import org.apache.commons.math3.special.Erf;

/**
 * The anomaly likelihood of a stream of raw anomaly scores: how unusual the mean of the last
 * {@code shortWindow} raw scores is against the mean and standard deviation of the {@code longWindow}
 * raw scores before them, as the Gaussian probability {@code L = Phi(z)} of lying below it, reported on a
 * log scale {@code log(1 - L) / log(1e-10)} clipped to {@code [0, 1]} (0.5 means {@code L = 1 - 1e-5}). A
 * detector whose raw score is often high then raises its likelihood only when the raw scores become
 * high for longer or more often than usual. Scores 0 until {@code longWindow} raw scores are known.
 * Not thread-safe.
 */
final class AnomalyLikelihood {
  private static final double LOG_FLOOR = Math.log(1e-10);
  private static final double MIN_STD = 1e-4;
  private final double[] shortRing;
  private final double[] longRing;
  private double shortSum;
  private double longSum;
  private double longSumSq;
  private long seen;

  AnomalyLikelihood(int shortWindow, int longWindow) {
    shortRing = new double[shortWindow];
    longRing = new double[longWindow];
  }

  /** The likelihood score of the next raw score. */
  double apply(double raw) {
    int s = shortRing.length;
    int l = longRing.length;
    double leaving = seen >= s ? shortRing[(int) (seen % s)] : 0.0;
    shortRing[(int) (seen % s)] = raw;
    shortSum += raw - leaving;
    double out = 0.0;
    if (seen >= s + l - 1) {
      double mean = longSum / l;
      double var = Math.max(longSumSq / l - mean * mean, 0.0);
      double std = Math.max(Math.sqrt(var), MIN_STD);
      double z = (shortSum / s - mean) / std;
      double tail = 0.5 * Erf.erfc(z / Math.sqrt(2.0));
      out = Math.min(1.0, Math.max(0.0, Math.log(Math.max(tail, 1e-300)) / LOG_FLOOR));
    }
    if (seen >= s) {
      double entering = leaving;
      long k = seen - s;
      double old = k >= l ? longRing[(int) (k % l)] : 0.0;
      longRing[(int) (k % l)] = entering;
      longSum += entering - old;
      longSumSq += entering * entering - old * old;
    }
    seen++;
    return out;
  }
}
