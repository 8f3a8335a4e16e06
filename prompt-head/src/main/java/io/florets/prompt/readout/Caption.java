package io.florets.prompt.readout;

/**
 * A free-text answer: a caption, a detailed caption or a region description. The text is in the
 * tokenizer's normal form (see {@code Tokenizer#normalize}).
 *
 * @param text non-blank text
 * @param confidence in [0, 1], from the mean token log-probability
 */
public record Caption(String text, double confidence) implements Readout {
  /** Validates. */
  public Caption {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("caption text must be non-blank");
    }
    Readout.checkConfidence(confidence, "caption");
  }

  @Override
  public String kind() {
    return "caption";
  }
}
