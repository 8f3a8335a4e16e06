package io.florets.vision.data;

import java.util.Locale;

/** The shape categories of synthetic scenes; {@link #word()} is the label used in answers. */
public enum ShapeKind {
  /** A filled disc. */
  CIRCLE,
  /** A filled axis-aligned square. */
  SQUARE,
  /** A filled upward-pointing isosceles triangle. */
  TRIANGLE,
  /** A filled square turned 45 degrees. */
  DIAMOND;

  /** The singular word ({@code circle}). */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The plural word ({@code circles}). */
  public String plural() {
    return word() + "s";
  }

  /** The kind named by a singular or plural word; empty when none. */
  public static java.util.Optional<ShapeKind> fromWord(String w) {
    for (ShapeKind k : values()) {
      if (k.word().equals(w) || k.plural().equals(w)) {
        return java.util.Optional.of(k);
      }
    }
    return java.util.Optional.empty();
  }
}
