package io.florets.datasets.synthetic;

/**
 * Which generated attribute, if any, becomes the window's class label (a
 * {@link io.florets.datasets.target.ClassLabel} and the window's class label). When set, the value
 * is drawn once per window and imposed on every channel, so the class is a property of the whole
 * window; the label is the attribute's shape-tag value (e.g. {@code "square"}).
 */
public enum ClassAttribute {
  /** No class label. */
  NONE,
  /** The trend kind ({@link TrendKind#tag()}). */
  TREND,
  /** The seasonal waveform ({@link SeasonalityKind#tag()}). */
  SEASONALITY,
  /** The noise level ({@link NoiseLevel#tag()}). */
  NOISE
}
