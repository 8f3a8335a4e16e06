package io.florets.dataengine.eval;

import io.florets.prompt.calibration.CalibrationMap;
import io.florets.prompt.calibration.Reliability;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A growing sample of (item confidence, was the item right) pairs of one task, kept as primitive
 * arrays. Not thread-safe: fill it from one thread.
 */
public final class ConfidenceSample {
  private double[] confidence = new double[64];
  private boolean[] correct = new boolean[64];
  private int size;

  /** An empty sample. */
  public ConfidenceSample() {
  }

  /**
   * Adds one item.
   *
   * @param c its confidence, in {@code [0, 1]}
   * @param right whether it was right
   * @throws IllegalArgumentException if {@code c} is outside {@code [0, 1]} or NaN
   */
  public void add(double c, boolean right) {
    if (!(c >= 0 && c <= 1)) {
      throw new IllegalArgumentException("item confidence must be in [0,1], got " + c + " (item "
          + size + ")");
    }
    if (size == confidence.length) {
      confidence = Arrays.copyOf(confidence, size * 2);
      correct = Arrays.copyOf(correct, size * 2);
    }
    confidence[size] = c;
    correct[size] = right;
    size++;
  }

  /** Adds every item of {@code other}. */
  public void addAll(ConfidenceSample other) {
    for (int i = 0; i < other.size; i++) {
      add(other.confidence[i], other.correct[i]);
    }
  }

  /** Number of items. */
  public int size() {
    return size;
  }

  /** The confidences, in the order added (a copy). */
  public double[] confidences() {
    return Arrays.copyOf(confidence, size);
  }

  /** Whether each item was right, in the order added (a copy). */
  public boolean[] correct() {
    return Arrays.copyOf(correct, size);
  }

  /** The same items with each confidence passed through {@code map}. */
  public ConfidenceSample mapped(CalibrationMap map) {
    ConfidenceSample out = new ConfidenceSample();
    for (int i = 0; i < size; i++) {
      out.add(map.apply(confidence[i]), correct[i]);
    }
    return out;
  }

  /** Accuracy, mean confidence and expected calibration error; empty when there are no items. */
  public Optional<Reliability> reliability() {
    return size == 0 ? Optional.empty() : Optional.of(Reliability.of(confidences(), correct()));
  }

  /** The isotonic map fitted to these items; empty when there are no items. */
  public Optional<CalibrationMap> fit() {
    return size == 0 ? Optional.empty() : Optional.of(CalibrationMap.fit(confidences(), correct()));
  }

  /**
   * The F1 of these items as detections when only those of confidence {@code >= minConfidence} are
   * kept: {@code 2 * TP / (kept + gold)}, where {@code TP} is the number of kept items that were
   * right. Each item keeps the outcome it was scored with (an item dropped does not free its true
   * event for another).
   *
   * @param minConfidence least confidence of a kept item (0 keeps all)
   * @param gold number of true objects the items were matched against (the recall denominator)
   * @return the F1, empty when nothing is kept and {@code gold} is 0 (nothing to find, nothing
   *     found)
   * @throws IllegalArgumentException if {@code minConfidence} is NaN, or {@code gold} is negative
   *     or smaller than the number of right items (one-to-one matching cannot find more)
   */
  public OptionalDouble f1(double minConfidence, int gold) {
    if (Double.isNaN(minConfidence)) {
      throw new IllegalArgumentException("minimum confidence must be a number, got NaN");
    }
    checkGold(gold);
    int kept = 0;
    int tp = 0;
    for (int i = 0; i < size; i++) {
      if (confidence[i] >= minConfidence) {
        kept++;
        tp += correct[i] ? 1 : 0;
      }
    }
    return kept + gold == 0 ? OptionalDouble.empty() : OptionalDouble.of(f1(tp, kept, gold));
  }

  /**
   * The minimum confidence of highest {@link #f1} among 0 and every distinct confidence of these
   * items; of equal F1, the lowest.
   *
   * @param gold number of true objects the items were matched against
   * @return the threshold and its F1; empty when there are no items
   * @throws IllegalArgumentException if {@code gold} is negative or smaller than the number of
   *     right items
   */
  public Optional<Threshold> bestThreshold(int gold) {
    checkGold(gold);
    if (size == 0) {
      return Optional.empty();
    }
    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(confidence[b], confidence[a]));
    // from the highest confidence down: each distinct value keeps every item at or above it, and a
    // lower threshold replaces the best on equal F1
    Threshold best = null;
    int kept = 0;
    int tp = 0;
    for (int k = 0; k < size; k++) {
      int i = order[k];
      kept++;
      tp += correct[i] ? 1 : 0;
      if (k + 1 == size || confidence[order[k + 1]] != confidence[i]) {
        double f = f1(tp, kept, gold);
        if (best == null || f >= best.f1()) {
          best = new Threshold(confidence[i] + 0.0, f); // -0.0 becomes 0.0
        }
      }
    }
    if (best.minConfidence() > 0 && f1(tp, size, gold) >= best.f1()) {
      best = new Threshold(0, f1(tp, size, gold)); // 0 keeps all, as the lowest item does
    }
    return Optional.of(best);
  }

  private void checkGold(int gold) {
    int right = 0;
    for (int i = 0; i < size; i++) {
      right += correct[i] ? 1 : 0;
    }
    if (gold < right) {
      throw new IllegalArgumentException("gold (true objects) must be >= 0 and at least the "
          + right + " right items, got " + gold);
    }
  }

  private static double f1(int tp, int kept, int gold) {
    return 2.0 * tp / (kept + gold);
  }

  /**
   * A minimum confidence and the F1 of the items it keeps.
   *
   * @param minConfidence least confidence of a kept item, in {@code [0, 1]}
   * @param f1 the F1 with it, in {@code [0, 1]}
   */
  public record Threshold(double minConfidence, double f1) {
    /** Checks both are in {@code [0, 1]} (NaN fails). */
    public Threshold {
      if (!(minConfidence >= 0 && minConfidence <= 1) || !(f1 >= 0 && f1 <= 1)) {
        throw new IllegalArgumentException("threshold needs minConfidence and f1 in [0,1], got "
            + minConfidence + " and " + f1);
      }
    }
  }
}
