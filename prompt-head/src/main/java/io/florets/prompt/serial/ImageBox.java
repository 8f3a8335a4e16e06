package io.florets.prompt.serial;

/**
 * A labelled box of an image target, in pixels of the original image.
 *
 * @param label label words (image labels or class names), e.g. {@code "red circle"}
 * @param x1 left, &ge; 0
 * @param y1 top, &ge; 0
 * @param x2 right, &ge; x1
 * @param y2 bottom, &ge; y1
 */
public record ImageBox(String label, double x1, double y1, double x2, double y2) {
  /** Validates. */
  public ImageBox {
    if (label == null || label.isBlank()) {
      throw new IllegalArgumentException("box label must be non-blank");
    }
    if (!(x1 >= 0 && x2 >= x1 && y1 >= 0 && y2 >= y1) || Double.isInfinite(x2) || Double.isInfinite(y2)) {
      throw new IllegalArgumentException("box '" + label + "' needs finite 0 <= x1 <= x2 and 0 <= y1 <= y2, got ("
          + x1 + ", " + y1 + ", " + x2 + ", " + y2 + ")");
    }
  }
}
