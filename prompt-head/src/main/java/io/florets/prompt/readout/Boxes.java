package io.florets.prompt.readout;

import java.util.List;

/**
 * The answer of {@code <OD>} and {@code <CAPTION_TO_PHRASE_GROUNDING>}: labelled boxes in pixels of
 * the original image.
 *
 * @param boxes the boxes in decoded order
 */
public record Boxes(List<Box> boxes) implements Readout {
  /** Copies. */
  public Boxes {
    boxes = List.copyOf(boxes);
  }

  /**
   * One box; coordinates are bin centres of the {@code <loc_q>} quantiser, in pixels.
   *
   * @param label label words (or grounded phrase)
   * @param x1 left, &le; x2
   * @param y1 top, &le; y2
   * @param x2 right
   * @param y2 bottom
   * @param confidence in [0, 1]
   */
  public record Box(String label, double x1, double y1, double x2, double y2, double confidence) {
    /** Validates. */
    public Box {
      if (label == null || label.isBlank()) {
        throw new IllegalArgumentException("box label must be non-blank");
      }
      Readout.checkSpan(x1, x2, "box " + label + " (x)");
      Readout.checkSpan(y1, y2, "box " + label + " (y)");
      Readout.checkConfidence(confidence, "box " + label);
    }
  }

  @Override
  public String kind() {
    return "boxes";
  }
}
