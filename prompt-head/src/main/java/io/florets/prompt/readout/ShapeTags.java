package io.florets.prompt.readout;

import io.florets.datasets.target.ShapeFacet;
import java.util.List;
import java.util.Objects;

/**
 * The answer of {@code <SHAPE>}: one tag per (channel, facet) mentioned.
 *
 * @param tags the tags in contract order (whole window first, then by channel, then by facet)
 */
public record ShapeTags(List<Tag> tags) implements Readout {
  /** Copies. */
  public ShapeTags {
    tags = List.copyOf(tags);
  }

  /**
   * One shape tag.
   *
   * @param facet the facet
   * @param value one of {@code facet.allowed()}
   * @param channel channel index or -1 for the whole window
   * @param confidence in [0, 1]
   */
  public record Tag(ShapeFacet facet, String value, int channel, double confidence) {
    /** Validates. */
    public Tag {
      Objects.requireNonNull(facet, "facet");
      if (!facet.allowed().contains(value)) {
        throw new IllegalArgumentException("facet " + facet.token() + " has no value '" + value + "'");
      }
      Readout.checkChannel(channel, "shape tag");
      Readout.checkConfidence(confidence, "shape tag " + facet.token());
    }
  }

  @Override
  public String kind() {
    return "shape_tags";
  }
}
