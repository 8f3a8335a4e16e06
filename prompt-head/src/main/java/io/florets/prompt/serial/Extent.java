package io.florets.prompt.serial;

/**
 * What positions are measured against when parsing: a window of {@code width} samples
 * ({@code height} 1), or an image of {@code width x height} pixels.
 *
 * @param width window length in samples, or image width in pixels; &ge; 1
 * @param height 1 for a window, image height in pixels otherwise; &ge; 1
 */
public record Extent(int width, int height) {
  /** Validates. */
  public Extent {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("extent needs width >= 1 and height >= 1, got " + width + "x" + height);
    }
  }

  /** A window of {@code length} samples. */
  public static Extent series(int length) {
    return new Extent(length, 1);
  }

  /** An image of {@code width x height} pixels. */
  public static Extent image(int width, int height) {
    return new Extent(width, height);
  }
}
