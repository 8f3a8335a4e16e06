package io.florets.vision.data;

import java.util.Locale;

/** The background textures of synthetic scenes; {@link #word()} is used in detailed captions. */
public enum Background {
  /** One grey level. */
  PLAIN,
  /** A grey level with per-pixel uniform noise. */
  NOISY,
  /** Alternating bands of two grey levels. */
  STRIPED,
  /** A linear ramp between two grey levels. */
  GRADIENT;

  /** The caption word ({@code striped}). */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
