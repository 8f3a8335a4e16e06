package io.florets.vision.data;

/** Colour arithmetic shared by the generator and the labelers: hue, saturation, nearest named colour. */
public final class Colours {
  private Colours() {
  }

  /** Hue in degrees [0, 360) of an RGB colour in [0, 1] (0 for greys). */
  public static double hue(double r, double g, double b) {
    double max = Math.max(r, Math.max(g, b));
    double min = Math.min(r, Math.min(g, b));
    double d = max - min;
    if (d <= 0) {
      return 0;
    }
    double h;
    if (max == r) {
      h = ((g - b) / d) % 6;
    } else if (max == g) {
      h = (b - r) / d + 2;
    } else {
      h = (r - g) / d + 4;
    }
    h *= 60;
    return h < 0 ? h + 360 : h;
  }

  /** Chroma (max - min of the channels), a saturation measure that is low for greys at any brightness. */
  public static double chroma(double r, double g, double b) {
    return Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b));
  }

  /** The named colour nearest in hue (circular distance). */
  public static ColourName nearest(double r, double g, double b) {
    double h = hue(r, g, b);
    ColourName best = ColourName.RED;
    double bestD = Double.MAX_VALUE;
    for (ColourName c : ColourName.values()) {
      double d = Math.abs(h - c.hue());
      d = Math.min(d, 360 - d);
      if (d < bestD) {
        bestD = d;
        best = c;
      }
    }
    return best;
  }
}
