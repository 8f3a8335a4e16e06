package io.florets.engine.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/** Position-wise feed-forward: {@code [..., d] -> GELU([..., ffn]) -> [..., d]}. */
public final class FeedForward extends Module {
  private final Dense up;
  private final Dense down;

  /** A feed-forward sub-layer of width {@code d} with hidden width {@code ffn}. */
  public FeedForward(int d, int ffn) {
    up = addChildBlock("up", new Dense(d, ffn));
    down = addChildBlock("down", new Dense(ffn, d));
  }

  /** {@code x [..., d] -> [..., d]}. */
  public NDArray apply(NDArray x) {
    return down.apply(Activation.gelu(up.apply(x)));
  }
}
