package io.florets.engine.decode;

import java.util.Objects;

/**
 * How to decode.
 *
 * @param beamSize 1 = greedy; &gt; 1 = beam search (Florence-2 uses 3)
 * @param maxLength most tokens per answer, EOS included (capped by the config's maxTargetLength)
 * @param constraint allowed next ids ({@link TokenConstraint#NONE} for none)
 * @param useCache true to decode incrementally with the key/value cache (the default); false
 *     re-runs the decoder over the whole prefix every step (a reference for tests and benchmarks)
 */
public record DecodeOptions(int beamSize, int maxLength, TokenConstraint constraint,
    boolean useCache) {
  /** Validates. */
  public DecodeOptions {
    if (beamSize < 1) {
      throw new IllegalArgumentException("beamSize must be >= 1, got " + beamSize);
    }
    if (maxLength < 1) {
      throw new IllegalArgumentException("maxLength must be >= 1, got " + maxLength);
    }
    Objects.requireNonNull(constraint, "constraint (use TokenConstraint.NONE)");
  }

  /** Greedy, cached, unconstrained. */
  public static DecodeOptions greedy(int maxLength) {
    return new DecodeOptions(1, maxLength, TokenConstraint.NONE, true);
  }

  /** Beam search of width 3, cached, unconstrained. */
  public static DecodeOptions beam(int maxLength) {
    return new DecodeOptions(3, maxLength, TokenConstraint.NONE, true);
  }

  /** A copy with a constraint. */
  public DecodeOptions withConstraint(TokenConstraint c) {
    return new DecodeOptions(beamSize, maxLength, c, useCache);
  }

  /** A copy with or without the cache. */
  public DecodeOptions withCache(boolean cache) {
    return new DecodeOptions(beamSize, maxLength, constraint, cache);
  }

  /** A copy with another beam size. */
  public DecodeOptions withBeamSize(int beam) {
    return new DecodeOptions(beam, maxLength, constraint, useCache);
  }
}
