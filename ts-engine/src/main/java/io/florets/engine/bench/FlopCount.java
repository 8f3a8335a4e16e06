package io.florets.engine.bench;

import io.florets.engine.EngineConfig;

/**
 * Multiply-add count of one forward pass, from the shapes (2 FLOPs per multiply-add; matrix
 * products only: projections, attention scores and contexts, feed-forward, tied logits; norms,
 * softmax and element-wise ops are left out, they are a few percent at these sizes). A training
 * step is counted as 3 forward passes (the backward pass computes two products per forward one).
 */
public final class FlopCount {
  private FlopCount() {
  }

  /**
   * Forward FLOPs.
   *
   * @param c the model
   * @param batch B
   * @param frontTokens N tokens from the front end
   * @param patchTokens of which are patch tokens (projected from {@code patchInputs} features)
   * @param patchInputs features per patch token (2 * patch length)
   * @param promptTokens P
   * @param decoderTokens T (target + 1)
   * @param vocab V
   */
  public static double forward(EngineConfig c, int batch, int frontTokens, int patchTokens,
      int patchInputs, int promptTokens, int decoderTokens, int vocab) {
    double b = batch;
    double d = c.dModel();
    double f = c.ffnDim();
    double s = frontTokens + promptTokens;
    double t = decoderTokens;
    double flops = 2 * b * patchTokens * patchInputs * d;
    double enc = 2 * b * s * d * 3 * d + 2 * 2 * b * s * s * d + 2 * b * s * d * d
        + 2 * 2 * b * s * d * f;
    flops += c.encoderLayers() * enc;
    double dec = 2 * b * t * d * 3 * d + 2 * 2 * b * t * t * d + 2 * b * t * d * d // self
        + 2 * b * t * d * d + 2 * b * s * d * 2 * d + 2 * 2 * b * t * s * d + 2 * b * t * d * d
        + 2 * 2 * b * t * d * f;
    flops += c.decoderLayers() * dec;
    flops += 2 * b * t * d * vocab;
    return flops;
  }

  /** Native ops issued per cached decode step (counted from the step code path). */
  public static int opsPerCachedDecodeStep(EngineConfig c) {
    // per layer: self-attention 14 (norm, fused qkv, reshape, 3 selects, 2 cache appends, scale,
    // key transpose, 2 matmuls, softmax, merge reshape, out), residual 1, cross-attention 9 (norm,
    // q, reshape, matmul with cached K^T, bias, softmax, matmul, merge reshape, out), residual 1,
    // feed-forward 5 (norm, up, gelu, down, residual);
    // per step 9: ids, token lookup, position id + lookup, add, final norm, logits, reshape, copy
    return 9 + c.decoderLayers() * (14 + 1 + 9 + 1 + 5);
  }
}
