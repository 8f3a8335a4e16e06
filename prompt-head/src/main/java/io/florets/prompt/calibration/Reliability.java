package io.florets.prompt.calibration;

import java.util.Objects;

/**
 * How well a set of item confidences matches how often those items were right.
 *
 * <p>The expected calibration error uses {@value #BINS} equal-width confidence bins, bin
 * {@code b = min(BINS - 1, floor(c * BINS))} (so {@code [0, 0.1), [0.1, 0.2), ..., [0.9, 1]}):
 * {@code ece = sum over bins of (n_b / N) * |accuracy_b - meanConfidence_b|}. It is 0 for perfectly
 * calibrated confidences and at most 1.
 *
 * @param items number of items {@code N} (at least one)
 * @param accuracy share of items that were right
 * @param meanConfidence mean confidence
 * @param ece expected calibration error over {@value #BINS} equal-width bins
 */
public record Reliability(int items, double accuracy, double meanConfidence, double ece) {
  /** Equal-width confidence bins of the expected calibration error. */
  public static final int BINS = 10;

  /** Checks the figures (NaN fails). */
  public Reliability {
    if (items < 1 || !(accuracy >= 0 && accuracy <= 1) || !(meanConfidence >= 0 && meanConfidence <= 1)
        || !(ece >= 0 && ece <= 1)) {
      throw new IllegalArgumentException("reliability needs items >= 1 and figures in [0,1], got items="
          + items + ", accuracy=" + accuracy + ", meanConfidence=" + meanConfidence + ", ece=" + ece);
    }
  }

  /**
   * The figures of {@code confidence} against {@code correct}.
   *
   * @param confidence item confidences, each in {@code [0, 1]}
   * @param correct whether each item was right (same length)
   * @throws IllegalArgumentException for no items, unequal lengths, or a confidence outside
   *     {@code [0, 1]} (naming its index and value)
   */
  public static Reliability of(double[] confidence, boolean[] correct) {
    check(confidence, correct);
    int n = confidence.length;
    int[] count = new int[BINS];
    double[] conf = new double[BINS];
    int[] right = new int[BINS];
    double sumConf = 0;
    int sumRight = 0;
    for (int i = 0; i < n; i++) {
      int b = bin(confidence[i]);
      count[b]++;
      conf[b] += confidence[i];
      sumConf += confidence[i];
      if (correct[i]) {
        right[b]++;
        sumRight++;
      }
    }
    double ece = 0;
    for (int b = 0; b < BINS; b++) {
      if (count[b] > 0) {
        ece += (double) count[b] / n * Math.abs((double) right[b] / count[b] - conf[b] / count[b]);
      }
    }
    return new Reliability(n, (double) sumRight / n, sumConf / n, ece);
  }

  /** The bin of a confidence in {@code [0, 1]}: {@code min(BINS - 1, floor(c * BINS))}. */
  public static int bin(double c) {
    return Math.min(BINS - 1, (int) Math.floor(c * BINS));
  }

  /** Checks a sample of (confidence, correct) pairs; shared by {@link CalibrationMap#fit}. */
  static void check(double[] confidence, boolean[] correct) {
    Objects.requireNonNull(confidence, "confidence");
    Objects.requireNonNull(correct, "correct");
    if (confidence.length != correct.length) {
      throw new IllegalArgumentException("need one outcome per confidence, got " + confidence.length
          + " confidences and " + correct.length + " outcomes");
    }
    if (confidence.length == 0) {
      throw new IllegalArgumentException("no items: calibration needs at least one (confidence, "
          + "correct) pair");
    }
    for (int i = 0; i < confidence.length; i++) {
      if (!(confidence[i] >= 0 && confidence[i] <= 1)) {
        throw new IllegalArgumentException("confidence at index " + i + " must be in [0,1], got "
            + confidence[i]);
      }
    }
  }
}
