package io.florets.vision.label;

import io.florets.vision.data.BoxTarget;
import io.florets.vision.data.ColourName;
import io.florets.vision.data.ShapeKind;
import java.util.Objects;

/**
 * One connected component found by {@link BlobLabeler}.
 *
 * @param box bounding box in pixels, labelled with the shape word
 * @param shape the shape category read from the component's geometry
 * @param colour the named colour of most of its pixels
 * @param pixels how many pixels it holds
 * @param fill pixels divided by the box area, in (0, 1]
 */
public record Blob(BoxTarget box, ShapeKind shape, ColourName colour, int pixels, double fill) {
  /** Validates. */
  public Blob {
    Objects.requireNonNull(box, "box");
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(colour, "colour");
    if (pixels < 1 || !(fill > 0 && fill <= 1)) {
      throw new IllegalArgumentException("blob needs pixels >= 1 and fill in (0, 1], got " + pixels + ", " + fill);
    }
  }
}
