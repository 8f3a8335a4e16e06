package io.florets.prompt.serial;

import java.util.List;
import java.util.Optional;

/**
 * The dense targets of one image: what the image serializer turns into training pairs.
 *
 * @param width image width in pixels, &ge; 1
 * @param height image height in pixels, &ge; 1
 * @param boxes labelled boxes (may be empty)
 * @param caption short caption, or {@code null}
 * @param detailedCaption detailed caption, or {@code null}
 * @param classLabel the image's class name, or {@code null}
 */
public record ImageTruth(int width, int height, List<ImageBox> boxes, String caption, String detailedCaption,
    String classLabel) {
  /** Validates and copies. */
  public ImageTruth {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("image size must be >= 1x1, got " + width + "x" + height);
    }
    boxes = List.copyOf(boxes);
  }

  /** Boxes only. */
  public static ImageTruth ofBoxes(int width, int height, List<ImageBox> boxes) {
    return new ImageTruth(width, height, boxes, null, null, null);
  }

  /** The caption, if any. */
  public Optional<String> captionText() {
    return Optional.ofNullable(caption).filter(s -> !s.isBlank());
  }

  /** The detailed caption, if any. */
  public Optional<String> detailedCaptionText() {
    return Optional.ofNullable(detailedCaption).filter(s -> !s.isBlank());
  }

  /** The class label, if any. */
  public Optional<String> classLabelText() {
    return Optional.ofNullable(classLabel).filter(s -> !s.isBlank());
  }
}
