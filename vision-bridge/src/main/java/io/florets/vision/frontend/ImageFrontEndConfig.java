package io.florets.vision.frontend;

import java.util.Locale;

/**
 * Settings of {@link ImageFrontEnd}.
 *
 * @param dModel token width (must equal the engine's)
 * @param side images are squash-resized to {@code side x side} pixels; a multiple of 8, &ge; 16
 * @param stem1 channels after the first stride-2 convolution (&ge; 1)
 * @param stem2 channels after the second stride-2 convolution (&ge; 1)
 */
public record ImageFrontEndConfig(int dModel, int side, int stem1, int stem2) {
  /** Validates every field. */
  public ImageFrontEndConfig {
    if (dModel < 2 || dModel % 2 != 0) {
      throw new IllegalArgumentException("image front end: dModel must be even and >= 2 (half rows, half"
          + " columns in the position embedding), got " + dModel);
    }
    if (side < 16 || side % 8 != 0) {
      throw new IllegalArgumentException("image front end: side must be a multiple of 8 and >= 16, got " + side);
    }
    if (stem1 < 1 || stem2 < 1) {
      throw new IllegalArgumentException("image front end: stem widths must be >= 1, got " + stem1 + ", " + stem2);
    }
  }

  /** Side 64, stem widths 32 and 64: an 8 x 8 grid of tokens. */
  public static ImageFrontEndConfig defaults(int dModel) {
    return new ImageFrontEndConfig(dModel, 64, 32, 64);
  }

  /** Tokens per grid row (and column): {@code side / 8}. */
  public int grid() {
    return side / 8;
  }

  /** Canonical JSON with a fixed key order. */
  public String toJson() {
    return String.format(Locale.ROOT, "{\"dModel\":%d,\"side\":%d,\"stem1\":%d,\"stem2\":%d}",
        dModel, side, stem1, stem2);
  }
}
