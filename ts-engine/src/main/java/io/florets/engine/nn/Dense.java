package io.florets.engine.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.NormalInitializer;

/** An affine map {@code [..., in] -> [..., out]} with weight [out, in] (N(0, 0.02)) and zero bias. */
public final class Dense extends Module {
  private final Parameter weight;
  private final Parameter bias;

  /** A dense layer from {@code in} to {@code out} features. */
  public Dense(int in, int out) {
    this(in, out, new NormalInitializer(0.02f));
  }

  /**
   * A dense layer whose weight starts from {@code init} (for example {@link Initializer#ZEROS} for
   * the last layer of a residual branch, which then starts as the identity of the stream it joins).
   */
  public Dense(int in, int out, Initializer init) {
    weight = param("weight", new Shape(out, in), init, Parameter.Type.WEIGHT);
    bias = param("bias", new Shape(out), Initializer.ZEROS, Parameter.Type.BIAS);
  }

  /** {@code x [..., in] -> [..., out]}, one fused op. */
  public NDArray apply(NDArray x) {
    return Linear.linear(x, weight.getArray(), bias.getArray()).singletonOrThrow();
  }

  /** The weight [out, in]. */
  public NDArray weight() {
    return weight.getArray();
  }

  /** The bias [out]. */
  public NDArray bias() {
    return bias.getArray();
  }
}
