package io.florets.prompt.calibration;

import java.util.Arrays;
import java.util.Objects;

/**
 * A monotone map from a raw confidence to a calibrated one, stored as sorted knots
 * {@code (x[i], y[i])}: applied by linear interpolation between neighbouring knots and clamped
 * outside them ({@code y[0]} below {@code x[0]}, {@code y[k-1]} above {@code x[k-1]}). The
 * {@code x} are strictly increasing and the {@code y} non-decreasing, both in {@code [0, 1]}, so
 * the map never reorders two answers by confidence.
 *
 * <p>{@link #fit} makes one by isotonic regression (pool-adjacent-violators) of correctness on
 * confidence: the non-decreasing step function closest in squared error to the observed 0/1
 * outcomes. Each pooled block of equal fitted value becomes one knot at its lowest and one at its
 * highest confidence, so between blocks the map ramps linearly, as scikit-learn's
 * {@code IsotonicRegression} interpolates. Immutable and thread-safe.
 */
public final class CalibrationMap {
  private final double[] x;
  private final double[] y;

  private CalibrationMap(double[] x, double[] y) {
    this.x = x;
    this.y = y;
  }

  /**
   * A map through the given knots (copied).
   *
   * @param x knot confidences, strictly increasing, in {@code [0, 1]}
   * @param y calibrated confidences at the knots, non-decreasing, in {@code [0, 1]}
   * @throws IllegalArgumentException naming the first offending knot (NaN fails every check)
   */
  public static CalibrationMap of(double[] x, double[] y) {
    Objects.requireNonNull(x, "x");
    Objects.requireNonNull(y, "y");
    if (x.length == 0 || x.length != y.length) {
      throw new IllegalArgumentException("calibration map needs as many y as x knots, at least one; got "
          + x.length + " x and " + y.length + " y");
    }
    for (int i = 0; i < x.length; i++) {
      if (!(x[i] >= 0 && x[i] <= 1) || !(y[i] >= 0 && y[i] <= 1)) {
        throw new IllegalArgumentException("calibration knot " + i + " (" + x[i] + " -> " + y[i]
            + ") is outside [0,1]");
      }
      if (i > 0 && !(x[i] > x[i - 1])) {
        throw new IllegalArgumentException("calibration knots must have strictly increasing x; knot "
            + i + " has x " + x[i] + " after " + x[i - 1]);
      }
      if (i > 0 && !(y[i] >= y[i - 1])) {
        throw new IllegalArgumentException("calibration knots must have non-decreasing y; knot " + i
            + " has y " + y[i] + " after " + y[i - 1]);
      }
    }
    return new CalibrationMap(x.clone(), y.clone());
  }

  /** The identity on {@code [0, 1]}: knots {@code (0, 0)} and {@code (1, 1)}. */
  public static CalibrationMap identity() {
    return new CalibrationMap(new double[] {0, 1}, new double[] {0, 1});
  }

  /**
   * Isotonic regression of correctness on confidence (pool-adjacent-violators). Items of equal
   * confidence are pooled first; then adjacent blocks whose fitted values are out of order (or
   * equal) are merged, weighted by their item counts, until the values increase strictly.
   *
   * @param confidence raw confidences, each in {@code [0, 1]}
   * @param correct whether each item was right (same length)
   * @throws IllegalArgumentException for no items, unequal lengths, or a confidence outside
   *     {@code [0, 1]} (naming its index and value)
   */
  public static CalibrationMap fit(double[] confidence, boolean[] correct) {
    Reliability.check(confidence, correct);
    int n = confidence.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(confidence[a], confidence[b]));
    // groups of equal confidence first (a block must never split a group), then blocks of groups:
    // lowest x, highest x, weight, sum of outcomes, as a stack merged from the top
    double[] gx = new double[n];
    double[] gw = new double[n];
    double[] gs = new double[n];
    int groups = 0;
    for (int k = 0; k < n; k++) {
      double c = confidence[order[k]] + 0.0; // -0.0 becomes 0.0
      if (groups == 0 || gx[groups - 1] != c) {
        gx[groups++] = c;
      }
      gw[groups - 1]++;
      gs[groups - 1] += correct[order[k]] ? 1 : 0;
    }
    double[] lo = new double[groups];
    double[] hi = new double[groups];
    double[] w = new double[groups];
    double[] s = new double[groups];
    int top = -1;
    for (int g = 0; g < groups; g++) {
      top++;
      lo[top] = gx[g];
      hi[top] = gx[g];
      w[top] = gw[g];
      s[top] = gs[g];
      while (top > 0 && s[top - 1] / w[top - 1] >= s[top] / w[top]) {
        hi[top - 1] = hi[top];
        w[top - 1] += w[top];
        s[top - 1] += s[top];
        top--;
      }
    }
    double[] kx = new double[2 * (top + 1)];
    double[] ky = new double[kx.length];
    int k = 0;
    for (int b = 0; b <= top; b++) {
      double v = Math.min(1, Math.max(0, s[b] / w[b]));
      kx[k] = lo[b];
      ky[k++] = v;
      if (hi[b] > lo[b]) {
        kx[k] = hi[b];
        ky[k++] = v;
      }
    }
    return new CalibrationMap(Arrays.copyOf(kx, k), Arrays.copyOf(ky, k));
  }

  /**
   * The calibrated confidence of {@code c}.
   *
   * @throws IllegalArgumentException if {@code c} is outside {@code [0, 1]} or NaN
   */
  public double apply(double c) {
    if (!(c >= 0 && c <= 1)) {
      throw new IllegalArgumentException("confidence must be in [0,1], got " + c);
    }
    if (c <= x[0]) {
      return y[0];
    }
    int last = x.length - 1;
    if (c >= x[last]) {
      return y[last];
    }
    int i = Arrays.binarySearch(x, c);
    if (i >= 0) {
      return y[i];
    }
    int hi = -i - 1;
    int lo = hi - 1;
    double t = (c - x[lo]) / (x[hi] - x[lo]);
    return Math.min(y[hi], Math.max(y[lo], y[lo] + t * (y[hi] - y[lo])));
  }

  /** Number of knots (at least one). */
  public int knots() {
    return x.length;
  }

  /** The knot confidences (a copy), strictly increasing. */
  public double[] x() {
    return x.clone();
  }

  /** The calibrated confidences at the knots (a copy), non-decreasing. */
  public double[] y() {
    return y.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CalibrationMap m && Arrays.equals(m.x, x) && Arrays.equals(m.y, y);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(x) + Arrays.hashCode(y);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("CalibrationMap[");
    for (int i = 0; i < x.length; i++) {
      b.append(i == 0 ? "" : ", ").append(x[i]).append("->").append(y[i]);
    }
    return b.append(']').toString();
  }
}
