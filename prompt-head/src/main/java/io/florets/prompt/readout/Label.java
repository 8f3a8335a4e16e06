package io.florets.prompt.readout;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import java.util.Optional;

/**
 * A single categorical answer: a class name ({@code <CLASSIFY>}) or a region's category
 * ({@code <REGION_TO_CATEGORY>}).
 *
 * @param name the class name or category words
 * @param confidence in [0, 1]
 * @param caveat why the answer should not be trusted (e.g. an image unlike the model's training
 *     data), or empty
 */
public record Label(String name, double confidence,
    @JsonIgnore Optional<String> caveat) implements Readout {
  /** Validates. */
  public Label {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("label name must be non-blank, got '" + name + "'");
    }
    Readout.checkConfidence(confidence, "label " + name);
    caveat = Readout.checkCaveat(caveat, "label " + name);
  }

  /** A label without a caveat. */
  public Label(String name, double confidence) {
    this(name, confidence, Optional.empty());
  }

  /** This label with {@code caveat} and its confidence at most {@code cap}. */
  public Label withCaveat(String caveat, double cap) {
    return new Label(name, Math.min(confidence, cap), Optional.of(Objects.requireNonNull(caveat, "caveat")));
  }

  /** The caveat for JSON: its text, or absent when there is none. */
  @JsonProperty("caveat")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public String caveatText() {
    return caveat.orElse(null);
  }

  @Override
  public String kind() {
    return "label";
  }
}
