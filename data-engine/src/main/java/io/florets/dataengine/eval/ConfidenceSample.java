package io.florets.dataengine.eval;

import io.florets.prompt.calibration.CalibrationMap;
import io.florets.prompt.calibration.Reliability;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A growing sample of (item confidence, was the item right) pairs of one task, kept as primitive
 * arrays. Not thread-safe: fill it from one thread.
 */
public final class ConfidenceSample {
  private double[] confidence = new double[64];
  private boolean[] correct = new boolean[64];
  private String[] group = new String[64];
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
    add(c, right, null);
  }

  /**
   * Adds one item of a group (for events: its type), for {@link #bestGroupThresholds}.
   *
   * @param c its confidence, in {@code [0, 1]}
   * @param right whether it was right
   * @param g its group, or {@code null} for none
   * @throws IllegalArgumentException if {@code c} is outside {@code [0, 1]} or NaN
   */
  public void add(double c, boolean right, String g) {
    if (!(c >= 0 && c <= 1)) {
      throw new IllegalArgumentException("item confidence must be in [0,1], got " + c + " (item "
          + size + ")");
    }
    if (size == confidence.length) {
      confidence = Arrays.copyOf(confidence, size * 2);
      correct = Arrays.copyOf(correct, size * 2);
      group = Arrays.copyOf(group, size * 2);
    }
    confidence[size] = c;
    correct[size] = right;
    group[size] = g;
    size++;
  }

  /** Adds every item of {@code other}. */
  public void addAll(ConfidenceSample other) {
    for (int i = 0; i < other.size; i++) {
      add(other.confidence[i], other.correct[i], other.group[i]);
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
      out.add(map.apply(confidence[i]), correct[i], group[i]);
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

  /**
   * The F1 ({@link #f1(double, int)}) when an item of group {@code g} is kept if its confidence is
   * at least {@code perGroup.get(g)}, and any other item if it is at least {@code min}.
   */
  public double f1(Map<String, Double> perGroup, double min, int gold) {
    checkGold(gold);
    int kept = 0;
    int tp = 0;
    for (int i = 0; i < size; i++) {
      Double t = group[i] == null ? null : perGroup.get(group[i]);
      if (confidence[i] >= (t == null ? min : t)) {
        kept++;
        tp += correct[i] ? 1 : 0;
      }
    }
    return kept + gold == 0 ? 0 : f1(tp, kept, gold);
  }

  /**
   * One minimum confidence per group that raises the F1 of the whole sample
   * ({@link #f1(Map, double, int)}): starting from {@code min} for every group, each group's
   * threshold in turn is set to the value among 0 and its items' distinct confidences that gives
   * the highest F1 with the other groups' thresholds fixed (the lowest on ties, and {@code min}
   * unless another value is strictly better), in two passes over the groups in name order. Items
   * without a group keep {@code min}.
   *
   * @return the threshold of every group that has items (sorted by name)
   */
  public Map<String, Double> bestGroupThresholds(int gold, double min) {
    checkGold(gold);
    java.util.TreeMap<String, Double> out = new java.util.TreeMap<>();
    for (int i = 0; i < size; i++) {
      if (group[i] != null) {
        out.put(group[i], min);
      }
    }
    for (int pass = 0; pass < 2; pass++) {
      for (String g : out.keySet()) {
        java.util.TreeSet<Double> candidates = new java.util.TreeSet<>();
        candidates.add(0.0);
        for (int i = 0; i < size; i++) {
          if (g.equals(group[i])) {
            candidates.add(confidence[i] + 0.0);
          }
        }
        double best = out.get(g);
        double bestF1 = f1(out, min, gold);
        for (double c : candidates) {
          out.put(g, c);
          double f = f1(out, min, gold);
          if (f > bestF1 + 1e-12) {
            bestF1 = f;
            best = c;
          }
        }
        out.put(g, best);
      }
    }
    return out;
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
