package io.florets.engine.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.norm.Dropout;

/**
 * Pre-LN decoder layer: causal self-attention, cross-attention over the encoder memory, FFN, each
 * as {@code x + Drop(Sub(LN(x)))}. Has a full-sequence form (training, no-cache decoding) and an
 * incremental one-position form that reads and extends a key/value cache.
 */
public final class DecoderLayer extends Module {
  private final Norm norm1;
  private final Attention selfAttention;
  private final Norm norm2;
  private final Attention crossAttention;
  private final Norm norm3;
  private final FeedForward ffn;
  private final float dropout;

  /** A layer of width {@code d}. */
  public DecoderLayer(int d, int heads, int ffnDim, float dropout) {
    this.dropout = dropout;
    norm1 = addChildBlock("norm1", new Norm(d));
    selfAttention = addChildBlock("self", new Attention(d, heads, dropout, false));
    norm2 = addChildBlock("norm2", new Norm(d));
    crossAttention = addChildBlock("cross", new Attention(d, heads, dropout, true));
    norm3 = addChildBlock("norm3", new Norm(d));
    ffn = addChildBlock("ffn", new FeedForward(d, ffnDim));
  }

  /** Cross-attention keys/values of the memory [B, S, d] -> {K, V} each [B, H, S, dh]. */
  public NDArray[] memoryKv(NDArray memory) {
    return crossAttention.memoryKv(memory);
  }

  /** Memory K/V laid out for {@link #step}: {K^T scaled [B, H, dh, S], V [B, H, S, dh]}. */
  public NDArray[] memoryKvForSteps(NDArray memory) {
    return crossAttention.memoryKvForSteps(memory);
  }

  /**
   * Full sequence: {@code x [B, T, d]}, causal bias [T, T], memory K/V, memory key bias
   * [B, 1, 1, S] -> [B, T, d].
   */
  public NDArray apply(NDArray x, NDArray causalBias, NDArray[] memKv, NDArray memBias,
      boolean training) {
    NDArray h = x.add(drop(selfAttention.self(norm1.apply(x), causalBias, training), training));
    h = h.add(drop(crossAttention.crossAttend(norm2.apply(h), memKv[0], memKv[1], memBias,
        training), training));
    return h.add(drop(ffn.apply(norm3.apply(h)), training));
  }

  /**
   * One position: {@code x [B, 1, d]} with this layer's self cache {K, V} ([B, H, t, dh] or nulls)
   * and the memory K/V from {@link #memoryKvForSteps}
   * -> {out [B, 1, d], K' [B, H, t+1, dh], V' [B, H, t+1, dh]}.
   */
  public NDArray[] step(NDArray x, NDArray keyCache, NDArray valueCache, NDArray[] memKv,
      NDArray memBias) {
    NDArray[] sa = selfAttention.selfStep(norm1.apply(x), keyCache, valueCache);
    NDArray h = x.add(sa[0]);
    h = h.add(crossAttention.crossStep(norm2.apply(h), memKv[0], memKv[1], memBias));
    h = h.add(ffn.apply(norm3.apply(h)));
    return new NDArray[] {h, sa[1], sa[2]};
  }

  private NDArray drop(NDArray x, boolean training) {
    return training && dropout > 0f ? Dropout.dropout(x, dropout, true).singletonOrThrow() : x;
  }
}
