package io.florets.engine.series;

import java.util.Locale;

/**
 * Settings of {@link SeriesFrontEnd}.
 *
 * @param dModel token width (must equal the engine's)
 * @param patchLength samples per patch (&ge; 1)
 * @param stride samples between patch starts (1..patchLength)
 * @param maxPatches longest accepted window in patches (size of the position table)
 * @param maxChannels most channels accepted (size of the channel table)
 * @param tokenNorm layer-normalise the tokens before the encoder (on for new models: without it
 *     the encoder output of a trained model collapsed to one vector per window)
 */
public record SeriesFrontEndConfig(int dModel, int patchLength, int stride, int maxPatches,
    int maxChannels, boolean tokenNorm) {
  /** Validates every field. */
  public SeriesFrontEndConfig {
    if (dModel < 1 || patchLength < 1 || maxPatches < 1 || maxChannels < 1) {
      throw new IllegalArgumentException("series front end: dModel, patchLength, maxPatches and "
          + "maxChannels must be >= 1, got " + describe(dModel, patchLength, stride,
          maxPatches, maxChannels));
    }
    if (stride < 1 || stride > patchLength) {
      throw new IllegalArgumentException("series front end: stride must be in [1, patchLength="
          + patchLength + "], got " + stride);
    }
  }

  /**
   * Without the token norm: the layout of model folders written before it existed (their
   * {@code frontEnd} JSON has no {@code tokenNorm} key and loads as {@code false}).
   */
  public SeriesFrontEndConfig(int dModel, int patchLength, int stride, int maxPatches,
      int maxChannels) {
    this(dModel, patchLength, stride, maxPatches, maxChannels, false);
  }

  /** Patch 16, stride 16, up to 256 patches (4,096 samples) and 16 channels, token norm on. */
  public static SeriesFrontEndConfig defaults(int dModel) {
    return new SeriesFrontEndConfig(dModel, 16, 16, 256, 16, true);
  }

  /** Number of patches covering {@code length} samples (the last one padded if needed). */
  public int patchesFor(int length) {
    if (length <= patchLength) {
      return 1;
    }
    return (length - patchLength + stride - 1) / stride + 1;
  }

  /** Canonical JSON with a fixed key order ({@code tokenNorm} only when on, as older folders). */
  public String toJson() {
    return String.format(Locale.ROOT,
        "{\"dModel\":%d,\"patchLength\":%d,\"stride\":%d,\"maxPatches\":%d,\"maxChannels\":%d%s}",
        dModel, patchLength, stride, maxPatches, maxChannels, tokenNorm ? ",\"tokenNorm\":true" : "");
  }

  private static String describe(int d, int p, int s, int mp, int mc) {
    return "dModel=" + d + ", patchLength=" + p + ", stride=" + s + ", maxPatches=" + mp
        + ", maxChannels=" + mc;
  }
}
