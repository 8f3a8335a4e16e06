package io.florets.prompt.readout;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import java.util.Optional;

/**
 * A free-text answer: a caption, a detailed caption or a region description. The text is in the
 * tokenizer's normal form (see {@code Tokenizer#normalize}).
 *
 * @param text non-blank text
 * @param confidence in [0, 1], from the mean token log-probability
 * @param caveat why the answer should not be trusted (e.g. an image unlike the model's training
 *     data), or empty
 */
public record Caption(String text, double confidence,
    @JsonIgnore Optional<String> caveat) implements Readout {
  /** Validates. */
  public Caption {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("caption text must be non-blank");
    }
    Readout.checkConfidence(confidence, "caption");
    caveat = Readout.checkCaveat(caveat, "caption");
  }

  /** A caption without a caveat. */
  public Caption(String text, double confidence) {
    this(text, confidence, Optional.empty());
  }

  /** This caption with {@code caveat} and its confidence at most {@code cap}. */
  public Caption withCaveat(String caveat, double cap) {
    return new Caption(text, Math.min(confidence, cap), Optional.of(Objects.requireNonNull(caveat, "caveat")));
  }

  /** The caveat for JSON: its text, or absent when there is none. */
  @JsonProperty("caveat")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public String caveatText() {
    return caveat.orElse(null);
  }

  @Override
  public String kind() {
    return "caption";
  }
}
