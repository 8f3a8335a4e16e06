package io.florets.vision.eval;

import io.florets.vision.data.BoxTarget;
import java.util.Objects;

/**
 * A predicted box with its confidence.
 *
 * @param box the labelled box in pixels
 * @param confidence in [0, 1]; ranks predictions for average precision
 */
public record ScoredBox(BoxTarget box, double confidence) {
  /** Validates. */
  public ScoredBox {
    Objects.requireNonNull(box, "box");
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("box confidence must be in [0, 1], got " + confidence);
    }
  }
}
