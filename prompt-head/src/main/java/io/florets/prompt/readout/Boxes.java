package io.florets.prompt.readout;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer of {@code <OD>} and {@code <CAPTION_TO_PHRASE_GROUNDING>}: labelled boxes in pixels of
 * the original image.
 *
 * @param boxes the boxes in decoded order
 * @param caveat why the answer should not be trusted (e.g. an image unlike the model's training
 *     data), or empty
 */
public record Boxes(List<Box> boxes,
    @JsonIgnore Optional<String> caveat) implements Readout {
  /** Copies and validates. */
  public Boxes {
    boxes = List.copyOf(boxes);
    caveat = Readout.checkCaveat(caveat, "boxes");
  }

  /** Boxes without a caveat. */
  public Boxes(List<Box> boxes) {
    this(boxes, Optional.empty());
  }

  /** These boxes with {@code caveat} and every box's confidence at most {@code cap}. */
  public Boxes withCaveat(String caveat, double cap) {
    List<Box> capped = new ArrayList<>(boxes.size());
    for (Box b : boxes) {
      capped.add(new Box(b.label(), b.x1(), b.y1(), b.x2(), b.y2(), Math.min(b.confidence(), cap)));
    }
    return new Boxes(capped, Optional.of(Objects.requireNonNull(caveat, "caveat")));
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

  /** The caveat for JSON: its text, or absent when there is none. */
  @JsonProperty("caveat")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public String caveatText() {
    return caveat.orElse(null);
  }

  @Override
  public String kind() {
    return "boxes";
  }
}
