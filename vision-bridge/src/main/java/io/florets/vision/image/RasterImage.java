package io.florets.vision.image;

import java.util.Arrays;

/**
 * An immutable image: {@code channels} (1 = grey, 3 = RGB) planes of {@code height} rows of
 * {@code width} pixels, stored channel-major (CHW) as floats in [0, 1].
 *
 * <p>Thread-safe: the pixels are copied in and out; {@link #get(int, int, int)} reads without copying.
 */
public final class RasterImage {
  private final int width;
  private final int height;
  private final int channels;
  private final float[] chw;

  private RasterImage(int width, int height, int channels, float[] chw) {
    this.width = width;
    this.height = height;
    this.channels = channels;
    this.chw = chw;
  }

  /**
   * An image from CHW pixels (copied).
   *
   * @param width pixels per row, &ge; 1
   * @param height rows, &ge; 1
   * @param channels 1 (grey) or 3 (RGB)
   * @param chw {@code channels * height * width} values in [0, 1] (NaN rejected)
   */
  public static RasterImage of(int width, int height, int channels, float[] chw) {
    return ofOwned(width, height, channels, chw.clone());
  }

  /** Wraps the array without copying; for code of this package that built it fresh. */
  static RasterImage ofOwned(int width, int height, int channels, float[] chw) {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("image size must be >= 1x1, got " + width + "x" + height);
    }
    if (channels != 1 && channels != 3) {
      throw new IllegalArgumentException("image channels must be 1 (grey) or 3 (RGB), got " + channels);
    }
    long n = (long) width * height * channels;
    if (chw.length != n) {
      throw new IllegalArgumentException("image " + width + "x" + height + "x" + channels
          + " needs " + n + " values, got " + chw.length);
    }
    for (int i = 0; i < chw.length; i++) {
      float v = chw[i];
      if (!(v >= 0f && v <= 1f)) {
        throw new IllegalArgumentException("pixel value at flat index " + i + " must be in [0, 1], got " + v);
      }
    }
    return new RasterImage(width, height, channels, chw);
  }

  /** A blank image of one colour; {@code colour} has one value per channel in [0, 1]. */
  public static RasterImage filled(int width, int height, float... colour) {
    float[] chw = new float[width * height * colour.length];
    int plane = width * height;
    for (int c = 0; c < colour.length; c++) {
      Arrays.fill(chw, c * plane, (c + 1) * plane, colour[c]);
    }
    return ofOwned(width, height, colour.length, chw);
  }

  /** Pixels per row. */
  public int width() {
    return width;
  }

  /** Rows. */
  public int height() {
    return height;
  }

  /** 1 (grey) or 3 (RGB). */
  public int channels() {
    return channels;
  }

  /** The value of channel {@code c} at column {@code x}, row {@code y}; no bounds check beyond the array's. */
  public float get(int c, int x, int y) {
    return chw[(c * height + y) * width + x];
  }

  /** A copy of the CHW pixels. */
  public float[] toChw() {
    return chw.clone();
  }

  /** This image with three channels (grey replicated); this image itself if already RGB. */
  public RasterImage toRgb() {
    if (channels == 3) {
      return this;
    }
    int plane = width * height;
    float[] out = new float[3 * plane];
    for (int c = 0; c < 3; c++) {
      System.arraycopy(chw, 0, out, c * plane, plane);
    }
    return new RasterImage(width, height, 3, out);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RasterImage && ((RasterImage) o).width == width
        && ((RasterImage) o).height == height && ((RasterImage) o).channels == channels
        && Arrays.equals(((RasterImage) o).chw, chw);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * (31 * width + height) + channels) + Arrays.hashCode(chw);
  }

  @Override
  public String toString() {
    return "RasterImage[" + width + "x" + height + "x" + channels + "]";
  }
}
