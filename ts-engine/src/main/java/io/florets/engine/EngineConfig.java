package io.florets.engine;

import java.util.Locale;

/**
 * Shape of the encoder-decoder. Immutable; serialised into every checkpoint.
 *
 * @param name preset name or a free label ("tiny", "small", "base", "custom")
 * @param dModel width of every token vector
 * @param heads attention heads; must divide {@code dModel}
 * @param encoderLayers pre-LN encoder layers over [front-end tokens ; prompt]
 * @param decoderLayers pre-LN decoder layers (causal self-attention + cross-attention)
 * @param ffnDim hidden width of the feed-forward sub-layers
 * @param dropout dropout probability in [0, 1) used during training only
 * @param maxPromptLength longest prompt (token ids) the encoder accepts
 * @param maxTargetLength longest decoded answer, excluding BOS and including EOS
 * @param embedDim width of the embedding readout
 */
public record EngineConfig(String name, int dModel, int heads, int encoderLayers,
    int decoderLayers, int ffnDim, float dropout, int maxPromptLength, int maxTargetLength,
    int embedDim) {

  /** Validates every field; NaN dropout fails. */
  public EngineConfig {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("config name must be non-empty");
    }
    positive("dModel", dModel);
    positive("heads", heads);
    if (dModel % heads != 0) {
      throw new IllegalArgumentException("heads (" + heads + ") must divide dModel (" + dModel + ")");
    }
    positive("encoderLayers", encoderLayers);
    positive("decoderLayers", decoderLayers);
    positive("ffnDim", ffnDim);
    if (!(dropout >= 0f && dropout < 1f)) {
      throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
    }
    positive("maxPromptLength", maxPromptLength);
    positive("maxTargetLength", maxTargetLength);
    positive("embedDim", embedDim);
  }

  private static void positive(String field, int v) {
    if (v <= 0) {
      throw new IllegalArgumentException(field + " must be > 0, got " + v);
    }
  }

  /** For tests: d=64, 2+2 layers (~0.1 M parameters plus the vocabulary). */
  public static EngineConfig tiny() {
    return new EngineConfig("tiny", 64, 4, 2, 2, 128, 0.0f, 32, 64, 64);
  }

  /** The default: d=192, 4+3 layers (~3.5 M parameters with a 1.3 k vocabulary). */
  public static EngineConfig small() {
    return new EngineConfig("small", 192, 6, 4, 3, 576, 0.1f, 64, 128, 128);
  }

  /** Larger: d=384, 6+6 layers (~25 M parameters). */
  public static EngineConfig base() {
    return new EngineConfig("base", 384, 8, 6, 6, 1536, 0.1f, 64, 256, 256);
  }

  /** A preset by name ({@code tiny}, {@code small}, {@code base}). */
  public static EngineConfig preset(String name) {
    switch (name == null ? "" : name.toLowerCase(Locale.ROOT)) {
      case "tiny":
        return tiny();
      case "small":
        return small();
      case "base":
        return base();
      default:
        throw new IllegalArgumentException(
            "unknown engine config '" + name + "', expected tiny, small or base");
    }
  }

  /** A copy with another dropout. */
  public EngineConfig withDropout(float p) {
    return new EngineConfig(name, dModel, heads, encoderLayers, decoderLayers, ffnDim, p,
        maxPromptLength, maxTargetLength, embedDim);
  }

  /** A copy with other maximum prompt and target lengths. */
  public EngineConfig withMaxLengths(int prompt, int target) {
    return new EngineConfig(name, dModel, heads, encoderLayers, decoderLayers, ffnDim, dropout,
        prompt, target, embedDim);
  }
}
