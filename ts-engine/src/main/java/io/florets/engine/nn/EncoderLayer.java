package io.florets.engine.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.norm.Dropout;

/**
 * Pre-LN encoder layer: {@code x + Drop(SelfAttn(LN(x)))}, then {@code x + Drop(FFN(LN(x)))}.
 * Padded key positions are excluded through the additive key bias.
 */
public final class EncoderLayer extends Module {
  private final Norm norm1;
  private final Attention attention;
  private final Norm norm2;
  private final FeedForward ffn;
  private final float dropout;

  /** A layer of width {@code d}. */
  public EncoderLayer(int d, int heads, int ffnDim, float dropout) {
    this.dropout = dropout;
    norm1 = addChildBlock("norm1", new Norm(d));
    attention = addChildBlock("self", new Attention(d, heads, dropout, false));
    norm2 = addChildBlock("norm2", new Norm(d));
    ffn = addChildBlock("ffn", new FeedForward(d, ffnDim));
  }

  /** {@code x [B, S, d]}, key bias [B, 1, 1, S] -> [B, S, d]. */
  public NDArray apply(NDArray x, NDArray keyBias, boolean training) {
    NDArray h = x.add(drop(attention.self(norm1.apply(x), keyBias, training), training));
    return h.add(drop(ffn.apply(norm2.apply(h)), training));
  }

  private NDArray drop(NDArray x, boolean training) {
    return training && dropout > 0f ? Dropout.dropout(x, dropout, true).singletonOrThrow() : x;
  }
}
