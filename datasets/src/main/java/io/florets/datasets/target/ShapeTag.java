package io.florets.datasets.target;

/**
 * A categorical shape tag, e.g. trend = increasing.
 *
 * @param facet which facet
 * @param value one of the facet's values ({@link ShapeFacet#values()})
 * @param channel channel index or {@link Target#WHOLE_WINDOW}
 */
public record ShapeTag(ShapeFacet facet, String value, int channel) implements Target {
  public ShapeTag {
    java.util.Objects.requireNonNull(facet, "facet");
    if (!facet.allowed().contains(value)) {
      throw new IllegalArgumentException("shape facet " + facet.token() + " has no value '" + value
          + "'; expected one of " + facet.allowed());
    }
    Target.checkChannel(channel);
  }

  public ShapeTag(ShapeFacet facet, String value) {
    this(facet, value, WHOLE_WINDOW);
  }

  @Override
  public TargetKind kind() {
    return TargetKind.SHAPE_TAG;
  }
}
