package io.florets.dataengine.eval;

import io.florets.prompt.calibration.CalibrationMap;
import io.florets.prompt.calibration.Reliability;
import java.util.Arrays;
import java.util.Optional;

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
}
