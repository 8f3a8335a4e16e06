package io.florets.prompt.readout;

/**
 * A single categorical answer: a class name ({@code <CLASSIFY>}) or a region's category
 * ({@code <REGION_TO_CATEGORY>}).
 *
 * @param name the class name or category words
 * @param confidence in [0, 1]
 */
public record Label(String name, double confidence) implements Readout {
  /** Validates. */
  public Label {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("label name must be non-blank, got '" + name + "'");
    }
    Readout.checkConfidence(confidence, "label " + name);
  }

  @Override
  public String kind() {
    return "label";
  }
}
