package io.florets.engine.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.Dropout;

/**
 * Multi-head scaled dot-product attention built from {@link Dense} and NDArray ops.
 *
 * <p>Why not DJL's {@code ScaledDotProductAttentionBlock}: it projects keys, queries and values with
 * three separate linear blocks and has no way to keep keys/values between calls, so incremental
 * decoding would re-project the whole prefix (and the encoder memory) at every step. Here
 * self-attention uses one fused QKV projection, cross-attention one fused KV projection of the
 * memory that is computed once per decode, and the decode step appends one position to a cache.
 *
 * <p>Shapes: B batch, T query positions, S key positions, H heads, dh = d / H.
 */
public final class Attention extends Module {
  private final int d;
  private final int heads;
  private final int headDim;
  private final float scale;
  private final float dropout;
  private final boolean cross;
  private final Dense qkv;
  private final Dense q;
  private final Dense kv;
  private final Dense out;

  /**
   * An attention sub-layer.
   *
   * @param d model width
   * @param heads number of heads (divides d)
   * @param dropout probability on attention weights during training
   * @param cross true for cross-attention (queries from x, keys/values from a memory)
   */
  public Attention(int d, int heads, float dropout, boolean cross) {
    this.d = d;
    this.heads = heads;
    this.headDim = d / heads;
    this.scale = (float) (1.0 / Math.sqrt(headDim));
    this.dropout = dropout;
    this.cross = cross;
    if (cross) {
      qkv = null;
      q = addChildBlock("q", new Dense(d, d));
      kv = addChildBlock("kv", new Dense(d, 2 * d));
    } else {
      qkv = addChildBlock("qkv", new Dense(d, 3 * d));
      q = null;
      kv = null;
    }
    out = addChildBlock("out", new Dense(d, d));
  }

  /**
   * Self-attention over {@code x [B, T, d]} with additive {@code bias} broadcastable to
   * [B, H, T, T] (key padding and/or causal; -1e9 = masked) -> [B, T, d].
   */
  public NDArray self(NDArray x, NDArray bias, boolean training) {
    NDArray[] h = splitQkv(x);
    return attend(h[0], h[1], h[2], bias, training);
  }

  /**
   * One incremental self-attention step: {@code x [B, 1, d]}, caches [B, H, t, dh] (or null at
   * t = 0). Returns {out [B, 1, d], keys [B, H, t+1, dh], values [B, H, t+1, dh]}. No mask is
   * needed: the new position may see every cached one.
   */
  public NDArray[] selfStep(NDArray x, NDArray keyCache, NDArray valueCache) {
    if (cross) {
      throw new IllegalStateException("self-attention called on a cross-attention block");
    }
    long b = x.getShape().get(0);
    // [B, 1, 3d] -> [B, 3, H, 1, dh]: with one position no transpose is needed
    NDArray p = qkv.apply(x).reshape(b, 3, heads, 1, headDim);
    NDArray k = p.get(":, 1");
    NDArray v = p.get(":, 2");
    k = keyCache == null ? k : keyCache.concat(k, 2);
    v = valueCache == null ? v : valueCache.concat(v, 2);
    return new NDArray[] {attendOne(p.get(":, 0").mul(scale), k.transpose(0, 1, 3, 2), v, null),
        k, v};
  }

  /**
   * One position of cross-attention: {@code x [B, 1, d]} over memory keys already transposed
   * ({@code [B, H, dh, S]}, see {@link #memoryKvForSteps}) -> [B, 1, d].
   */
  public NDArray crossStep(NDArray x, NDArray keysT, NDArray values, NDArray bias) {
    requireCross();
    long b = x.getShape().get(0);
    return attendOne(q.apply(x).reshape(b, heads, 1, headDim), keysT, values, bias);
  }

  /** Memory K (transposed, pre-scaled) and V for decode steps: {K^T/sqrt(dh) [B,H,dh,S], V}. */
  public NDArray[] memoryKvForSteps(NDArray memory) {
    NDArray[] kv = memoryKv(memory);
    return new NDArray[] {kv[0].transpose(0, 1, 3, 2).mul(scale), kv[1]};
  }

  /** q [B, H, 1, dh], keys^T [B, H, dh, S], values [B, H, S, dh] -> [B, 1, d]. */
  private NDArray attendOne(NDArray qh, NDArray keysT, NDArray v, NDArray bias) {
    NDArray scores = qh.matMul(keysT);                                 // [B, H, 1, S]
    if (bias != null) {
      scores = scores.add(bias);
    }
    NDArray ctx = scores.softmax(-1).matMul(v);                        // [B, H, 1, dh]
    return out.apply(ctx.reshape(ctx.getShape().get(0), 1, d));
  }

  /** Keys and values of a memory {@code [B, S, d]} -> {K [B, H, S, dh], V [B, H, S, dh]}. */
  public NDArray[] memoryKv(NDArray memory) {
    requireCross();
    Shape s = memory.getShape();
    NDArray p = kv.apply(memory).reshape(s.get(0), s.get(1), 2, heads, headDim)
        .transpose(2, 0, 3, 1, 4);
    return new NDArray[] {p.get(0), p.get(1)};
  }

  /**
   * Cross-attention of {@code x [B, T, d]} over precomputed memory keys/values with the memory's
   * key bias [B, 1, 1, S] -> [B, T, d].
   */
  public NDArray crossAttend(NDArray x, NDArray keys, NDArray values, NDArray bias,
      boolean training) {
    requireCross();
    Shape s = x.getShape();
    NDArray qh = q.apply(x).reshape(s.get(0), s.get(1), heads, headDim).transpose(0, 2, 1, 3);
    return attend(qh, keys, values, bias, training);
  }

  private NDArray[] splitQkv(NDArray x) {
    if (cross) {
      throw new IllegalStateException("self-attention called on a cross-attention block");
    }
    Shape s = x.getShape();
    NDArray p = qkv.apply(x).reshape(s.get(0), s.get(1), 3, heads, headDim)
        .transpose(2, 0, 3, 1, 4);
    return new NDArray[] {p.get(0), p.get(1), p.get(2)};
  }

  private void requireCross() {
    if (!cross) {
      throw new IllegalStateException("cross-attention called on a self-attention block");
    }
  }

  /** q [B, H, T, dh], k/v [B, H, S, dh], bias broadcastable to [B, H, T, S] -> [B, T, d]. */
  private NDArray attend(NDArray qh, NDArray k, NDArray v, NDArray bias, boolean training) {
    NDArray scores = qh.mul(scale).matMul(k.transpose(0, 1, 3, 2)); // [B, H, T, S]
    if (bias != null) {
      scores = scores.add(bias);
    }
    NDArray w = scores.softmax(-1);
    if (training && dropout > 0f) {
      w = Dropout.dropout(w, dropout, true).singletonOrThrow();
    }
    NDArray ctx = w.matMul(v); // [B, H, T, dh]
    Shape s = ctx.getShape();
    return out.apply(ctx.transpose(0, 2, 1, 3).reshape(s.get(0), s.get(2), d));
  }
}
