package io.florets.datasets.target;

/**
 * A natural-language description of the window.
 *
 * @param text non-blank text
 * @param detailed true for a detailed caption, false for a short one
 */
public record CaptionText(String text, boolean detailed) implements Target {
  public CaptionText {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("caption text must be non-blank");
    }
  }

  @Override
  public TargetKind kind() {
    return TargetKind.CAPTION;
  }

  @Override
  public int channel() {
    return WHOLE_WINDOW;
  }
}
