package io.florets.vision.data;

import java.util.Objects;

/**
 * One shape of a synthetic scene with its exact truth.
 *
 * @param shape the shape category
 * @param colour the named colour it was drawn in (before jitter)
 * @param box the bounding box of its visible pixels, labelled with {@link ShapeKind#word()}
 * @param visiblePixels how many of its pixels are not covered by later shapes (&ge; 1)
 */
public record SceneObject(ShapeKind shape, ColourName colour, BoxTarget box, int visiblePixels) {
  /** Validates. */
  public SceneObject {
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(colour, "colour");
    Objects.requireNonNull(box, "box");
    if (visiblePixels < 1) {
      throw new IllegalArgumentException("scene object " + shape + " must have visible pixels, got " + visiblePixels);
    }
  }

  /** Colour and shape as a phrase ({@code red circle}). */
  public String phrase() {
    return colour.word() + " " + shape.word();
  }
}
