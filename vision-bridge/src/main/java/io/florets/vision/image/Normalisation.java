package io.florets.vision.image;

import java.util.Arrays;

/**
 * Per-channel normalisation {@code (v - mean[c]) / std[c]} of an image's CHW pixels, as the input of
 * the image front end. Immutable and thread-safe.
 *
 * @param mean one value per channel (3 for RGB input)
 * @param std one positive value per channel
 */
public record Normalisation(float[] mean, float[] std) {
  /** Centre on 0.5 and scale by 0.25, for all three channels: a neutral choice for synthetic pictures. */
  public static final Normalisation CENTRED = new Normalisation(
      new float[] {0.5f, 0.5f, 0.5f}, new float[] {0.25f, 0.25f, 0.25f});

  /** Validates and copies. */
  public Normalisation {
    if (mean.length != std.length || mean.length == 0) {
      throw new IllegalArgumentException("normalisation needs as many means as stds (>= 1), got "
          + mean.length + " and " + std.length);
    }
    for (int c = 0; c < std.length; c++) {
      if (!(std[c] > 0f) || !Float.isFinite(std[c]) || !Float.isFinite(mean[c])) {
        throw new IllegalArgumentException("normalisation channel " + c + ": mean " + mean[c]
            + " must be finite and std " + std[c] + " finite and > 0");
      }
    }
    mean = mean.clone();
    std = std.clone();
  }

  /** The normalised CHW pixels of an image with as many channels as this normalisation (grey is replicated). */
  public float[] apply(RasterImage img) {
    RasterImage in = img.channels() == mean.length ? img : img.toRgb();
    if (in.channels() != mean.length) {
      throw new IllegalArgumentException("normalisation for " + mean.length + " channels cannot take "
          + img.channels() + "-channel " + img);
    }
    float[] out = in.toChw();
    int plane = in.width() * in.height();
    for (int c = 0; c < mean.length; c++) {
      for (int i = c * plane; i < (c + 1) * plane; i++) {
        out[i] = (out[i] - mean[c]) / std[c];
      }
    }
    return out;
  }

  @Override
  public float[] mean() {
    return mean.clone();
  }

  @Override
  public float[] std() {
    return std.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Normalisation && Arrays.equals(((Normalisation) o).mean, mean)
        && Arrays.equals(((Normalisation) o).std, std);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
  }

  @Override
  public String toString() {
    return "Normalisation[mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + "]";
  }
}
