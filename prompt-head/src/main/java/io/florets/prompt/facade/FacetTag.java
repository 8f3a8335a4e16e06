package io.florets.prompt.facade;

/**
 * One tag of a window's answer about an {@code <EMBED>} facet, e.g. {@code increasing} at 0.93 for
 * {@code <EMBED>trend}: what the model says about that facet, beside the vector.
 *
 * @param value the tag: a shape-tag value, an event type (or {@code "none"}), or a class name
 * @param confidence the model's probability of it, in [0, 1]
 */
public record FacetTag(String value, double confidence) {
  /** Validates: non-blank value, confidence in [0, 1] (NaN fails). */
  public FacetTag {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("facet tag value must be non-blank, got '" + value + "'");
    }
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("facet tag '" + value + "' confidence must be in [0, 1], got "
          + confidence);
    }
  }
}
