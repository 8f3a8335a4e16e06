package io.florets.datasets.synthetic;

/**
 * The seasonal waveform of a generated channel, with the
 * {@link io.florets.datasets.target.ShapeFacet#SEASONALITY} value it is annotated as.
 */
public enum SeasonalityKind {
  /** No seasonal component (exactly zero). */
  NONE("none"),
  /** {@code a sin(2 pi t / P + phi)}. */
  SINE("sine"),
  /** {@code a sign(sin(2 pi t / P + phi))}, with 0 mapped to +a. */
  SQUARE("square"),
  /** A symmetric triangle wave between -a and +a with period P. */
  TRIANGLE("triangle");

  private final String tag;

  SeasonalityKind(String tag) {
    this.tag = tag;
  }

  /** The shape-tag value, e.g. {@code "sine"}. */
  public String tag() {
    return tag;
  }
}
