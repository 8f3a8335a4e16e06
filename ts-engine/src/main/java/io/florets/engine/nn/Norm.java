package io.florets.engine.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.initializer.Initializer;

/** Layer normalisation over the last axis {@code [..., d] -> [..., d]} (gamma 1, beta 0, eps 1e-5). */
public final class Norm extends Module {
  private final Parameter gamma;
  private final Parameter beta;
  private final Shape normShape;

  /** Normalises vectors of width {@code d}. */
  public Norm(int d) {
    normShape = new Shape(d);
    gamma = param("gamma", normShape, Initializer.ONES, Parameter.Type.GAMMA);
    beta = param("beta", normShape, Initializer.ZEROS, Parameter.Type.BETA);
  }

  /** {@code x [..., d] -> [..., d]}, one fused op. */
  public NDArray apply(NDArray x) {
    return LayerNorm.layerNorm(x, normShape, gamma.getArray(), beta.getArray(), 1e-5f)
        .singletonOrThrow();
  }
}
