package io.florets.datasets.synthetic;

/**
 * The trend of a generated channel, with the {@link io.florets.datasets.target.ShapeFacet#TREND}
 * value it is annotated as.
 */
public enum TrendKind {
  /** One linear piece rising by 1.5-4 scale units over the window. */
  INCREASING("increasing"),
  /** One linear piece falling by 1.5-4 scale units over the window. */
  DECREASING("decreasing"),
  /** No trend at all: the trend component is exactly zero. */
  STEADY("steady"),
  /** 2 or 3 continuous linear pieces with alternating slope signs; breakpoints are trend changes. */
  MULTIPLE("multiple");

  private final String tag;

  TrendKind(String tag) {
    this.tag = tag;
  }

  /** The shape-tag value, e.g. {@code "increasing"}. */
  public String tag() {
    return tag;
  }
}
