package io.florets.vision.data;

import io.florets.vision.image.RasterImage;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One image with whatever dense truth it has: boxes, captions, a class. The vision training data and
 * the evaluation are built from these.
 *
 * @param source where it came from ({@code "scene 17 of seed 3"}), for messages
 * @param image the picture
 * @param boxes labelled boxes in its pixels, reading order (may be empty)
 * @param caption the short caption, or {@code null}
 * @param detailedCaption the detailed caption, or {@code null}
 * @param classLabel the image's class word, or {@code null}
 */
public record ImageExample(String source, RasterImage image, List<BoxTarget> boxes, String caption, String detailedCaption, String classLabel) {
  /** Validates and copies. */
  public ImageExample {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(image, "image");
    boxes = List.copyOf(boxes);
  }

  /** A synthetic scene: boxes labelled with colour and shape ({@code "red circle"}), count captions. */
  public static ImageExample of(String source, Scene s) {
    return new ImageExample(source, s.image(), s.objects().stream().map(o -> o.box().withLabel(o.phrase())).toList(),
        s.caption(), s.detailedCaption(), null);
  }

  /** A digit for classification. */
  public static ImageExample of(Digits.Digit d) {
    return new ImageExample("digit " + d.index(), d.image(), List.of(), null, null, d.word());
  }

  /** A digit canvas: digit boxes. */
  public static ImageExample of(String source, DigitCanvas.Canvas c) {
    return new ImageExample(source, c.image(), c.boxes(), null, null, null);
  }

  /** The caption, if any. */
  public Optional<String> captionText() {
    return Optional.ofNullable(caption);
  }

  /** The detailed caption, if any. */
  public Optional<String> detailedCaptionText() {
    return Optional.ofNullable(detailedCaption);
  }

  /** The class word, if any. */
  public Optional<String> classWord() {
    return Optional.ofNullable(classLabel);
  }
}
