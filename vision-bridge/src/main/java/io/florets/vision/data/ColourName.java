package io.florets.vision.data;

import java.util.Locale;
import java.util.Optional;

/**
 * The named colours of synthetic shapes, with their nominal RGB in [0, 1]. The rule labelers name a
 * pixel by the nearest of these in hue; greys are background, never a shape colour.
 */
public enum ColourName {
  /** Red. */
  RED(0.90f, 0.12f, 0.10f),
  /** Green. */
  GREEN(0.10f, 0.72f, 0.15f),
  /** Blue. */
  BLUE(0.12f, 0.25f, 0.95f),
  /** Yellow. */
  YELLOW(0.95f, 0.88f, 0.10f),
  /** Purple. */
  PURPLE(0.62f, 0.15f, 0.82f),
  /** Orange. */
  ORANGE(1.00f, 0.55f, 0.05f);

  private final float r;
  private final float g;
  private final float b;

  ColourName(float r, float g, float b) {
    this.r = r;
    this.g = g;
    this.b = b;
  }

  /** The nominal colour as {r, g, b} in [0, 1]. */
  public float[] rgb() {
    return new float[] {r, g, b};
  }

  /** Hue of the nominal colour in degrees [0, 360). */
  public double hue() {
    return Colours.hue(r, g, b);
  }

  /** The word used in captions ({@code red}). */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The colour named by a word; empty when none. */
  public static Optional<ColourName> fromWord(String w) {
    for (ColourName c : values()) {
      if (c.word().equals(w)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
