package io.florets.engine;

import java.util.Arrays;

/**
 * What maps a model answer back to its input: the input's extent (a series window: {length};
 * an image: {width, height}) and, per channel, the location and scale that the front end removed
 * (value = normalised &middot; scale + location).
 *
 * @param extent sizes along the input's axes, each &ge; 1
 * @param location per-channel location (finite)
 * @param scale per-channel scale (finite, &gt; 0)
 */
public record OutputMapping(int[] extent, float[] location, float[] scale) {
  /** Validates and copies. */
  public OutputMapping {
    if (extent.length == 0) {
      throw new IllegalArgumentException("extent must name at least one axis");
    }
    for (int e : extent) {
      if (e < 1) {
        throw new IllegalArgumentException("extent must be >= 1, got " + Arrays.toString(extent));
      }
    }
    if (location.length != scale.length) {
      throw new IllegalArgumentException("location (" + location.length + ") and scale ("
          + scale.length + ") need one value per channel");
    }
    for (int c = 0; c < scale.length; c++) {
      if (!Float.isFinite(location[c]) || !(scale[c] > 0f) || !Float.isFinite(scale[c])) {
        throw new IllegalArgumentException("channel " + c + ": location " + location[c]
            + " must be finite and scale " + scale[c] + " finite and > 0");
      }
    }
    extent = extent.clone();
    location = location.clone();
    scale = scale.clone();
  }

  /** The length of a series window (the first extent). */
  public int windowLength() {
    return extent[0];
  }

  /** Maps a normalised value of channel {@code c} back to original units. */
  public double denormalise(int c, double normalised) {
    return normalised * scale[c] + location[c];
  }

  @Override
  public int[] extent() {
    return extent.clone();
  }

  @Override
  public float[] location() {
    return location.clone();
  }

  @Override
  public float[] scale() {
    return scale.clone();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof OutputMapping)) {
      return false;
    }
    OutputMapping m = (OutputMapping) o;
    return Arrays.equals(extent, m.extent) && Arrays.equals(location, m.location)
        && Arrays.equals(scale, m.scale);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(extent) * 31 + Arrays.hashCode(location) * 17 + Arrays.hashCode(scale);
  }

  @Override
  public String toString() {
    return "OutputMapping[extent=" + Arrays.toString(extent) + ", location="
        + Arrays.toString(location) + ", scale=" + Arrays.toString(scale) + "]";
  }
}
