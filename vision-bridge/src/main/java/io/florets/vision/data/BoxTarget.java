package io.florets.vision.data;

import java.util.Objects;

/**
 * One labelled box on an image, in pixel coordinates of that image: a pixel column {@code i} spans
 * {@code [i, i + 1)}, so a box covering columns {@code a..b} has {@code x1 = a}, {@code x2 = b + 1}.
 *
 * <p>The image-side counterpart of the series {@code Target}s (which have no boxes): generators and
 * image labelers produce these, and the {@code <OD>} serializer writes them as
 * {@code label<loc_x1><loc_y1><loc_x2><loc_y2>}.
 *
 * @param label category word, non-blank
 * @param x1 left edge, finite, &ge; 0
 * @param y1 top edge, finite, &ge; 0
 * @param x2 right edge, &ge; x1
 * @param y2 bottom edge, &ge; y1
 */
public record BoxTarget(String label, double x1, double y1, double x2, double y2) {
  /** Validates: finite, non-negative, ordered corners and a non-blank label. */
  public BoxTarget {
    Objects.requireNonNull(label, "label");
    if (label.isBlank()) {
      throw new IllegalArgumentException("box label must not be blank");
    }
    if (!(x1 >= 0 && y1 >= 0 && x2 >= x1 && y2 >= y1) || !Double.isFinite(x2) || !Double.isFinite(y2)) {
      throw new IllegalArgumentException("box '" + label + "' needs finite 0 <= x1 <= x2 and 0 <= y1 <= y2, got ("
          + x1 + ", " + y1 + ", " + x2 + ", " + y2 + ")");
    }
  }

  /** Width times height in square pixels. */
  public double area() {
    return (x2 - x1) * (y2 - y1);
  }

  /** Intersection over union with another box (0 when either is empty and they do not coincide). */
  public double iou(BoxTarget o) {
    double iw = Math.min(x2, o.x2) - Math.max(x1, o.x1);
    double ih = Math.min(y2, o.y2) - Math.max(y1, o.y1);
    if (iw <= 0 || ih <= 0) {
      return 0;
    }
    double inter = iw * ih;
    return inter / (area() + o.area() - inter);
  }

  /** The same box under another label. */
  public BoxTarget withLabel(String newLabel) {
    return new BoxTarget(newLabel, x1, y1, x2, y2);
  }

  /** Centre x in pixels. */
  public double cx() {
    return (x1 + x2) / 2;
  }

  /** Centre y in pixels. */
  public double cy() {
    return (y1 + y2) / 2;
  }
}
