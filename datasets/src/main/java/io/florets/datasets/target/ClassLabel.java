package io.florets.datasets.target;

/** The class of the whole window, e.g. a UCR class name. */
public record ClassLabel(String label) implements Target {
  public ClassLabel {
    if (label == null || label.isBlank()) {
      throw new IllegalArgumentException("class label must be non-blank, got '" + label + "'");
    }
  }

  @Override
  public TargetKind kind() {
    return TargetKind.CLASS_LABEL;
  }

  @Override
  public int channel() {
    return WHOLE_WINDOW;
  }
}
