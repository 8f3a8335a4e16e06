package io.florets.vision.frontend;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.initializer.XavierInitializer;
import io.florets.engine.nn.FrontEndBlock;
import io.florets.engine.nn.Norm;

/**
 * Trainable part of {@link ImageFrontEnd}, a small DaViT-like convolutional stem: the RGB pixels plus two
 * coordinate planes (x and y in [-1, 1], so that the first layers know where they are), then three stride-2
 * 3&times;3 convolutions ({@code 5 -> stem1 -> stem2 -> d}), each followed by a channel LayerNorm and
 * GELU (none after the last); the {@code G x G} grid ({@code G = side / 8}) becomes {@code G^2} tokens, to which a learned 2-D position is
 * added: a row table gives the first {@code d/2} channels and a column table the last {@code d/2}, as in
 * Florence-2. One pooled token (mean of the grid tokens plus a learned type vector) is put first.
 * Output tokens {@code [B, 1 + G^2, d]}, mask all ones.
 */
final class ImageFrontEndBlock extends FrontEndBlock {
  private static final Shape S1 = new Shape(1, 1);
  private static final Shape S2 = new Shape(2, 2);
  private static final Shape K3 = new Shape(3, 3);

  private final int d;
  private final int grid;
  private final Parameter w1;
  private final Parameter b1;
  private final Parameter w2;
  private final Parameter b2;
  private final Parameter w3;
  private final Parameter b3;
  private final Norm n1;
  private final Norm n2;
  private final Norm n3;
  private final Parameter rows;
  private final Parameter cols;
  private final Parameter pooledType;

  ImageFrontEndBlock(ImageFrontEndConfig config) {
    d = config.dModel();
    grid = config.grid();
    Initializer conv = new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN,
        XavierInitializer.FactorType.IN, 2);
    w1 = param("conv1_weight", new Shape(config.stem1(), 5, 3, 3), conv, Parameter.Type.WEIGHT);
    b1 = param("conv1_bias", new Shape(config.stem1()), Initializer.ZEROS, Parameter.Type.BIAS);
    w2 = param("conv2_weight", new Shape(config.stem2(), config.stem1(), 3, 3), conv, Parameter.Type.WEIGHT);
    b2 = param("conv2_bias", new Shape(config.stem2()), Initializer.ZEROS, Parameter.Type.BIAS);
    w3 = param("conv3_weight", new Shape(d, config.stem2(), 3, 3), conv, Parameter.Type.WEIGHT);
    b3 = param("conv3_bias", new Shape(d), Initializer.ZEROS, Parameter.Type.BIAS);
    n1 = addChildBlock("norm1", new Norm(config.stem1()));
    n2 = addChildBlock("norm2", new Norm(config.stem2()));
    n3 = addChildBlock("norm3", new Norm(d));
    NormalInitializer init = new NormalInitializer(0.02f);
    rows = param("rowPositions", new Shape(grid, d / 2), init, Parameter.Type.WEIGHT);
    cols = param("colPositions", new Shape(grid, d - d / 2), init, Parameter.Type.WEIGHT);
    pooledType = param("pooledType", new Shape(1, d), init, Parameter.Type.WEIGHT);
  }

  @Override
  public NDList embed(NDList inputs, boolean training) {
    NDArray x = inputs.get(0);                                   // [B, 3, S, S]
    NDManager m = x.getManager();
    long b = x.getShape().get(0);
    long side = x.getShape().get(2);
    NDArray ramp = m.linspace(-1f, 1f, (int) side);                       // [S]
    NDArray xs = ramp.reshape(1, 1, 1, side).broadcast(b, 1, side, side);  // [B, 1, S, S]
    NDArray ys = ramp.reshape(1, 1, side, 1).broadcast(b, 1, side, side);  // [B, 1, S, S]
    x = NDArrays.concat(new NDList(x, xs, ys), 1);                         // [B, 5, S, S]
    x = Activation.gelu(channelNorm(conv(x, w1, b1, S2), n1));   // [B, c1, S/2, S/2]
    x = Activation.gelu(channelNorm(conv(x, w2, b2, S2), n2));   // [B, c2, S/4, S/4]
    x = channelNorm(conv(x, w3, b3, S2), n3);                    // [B, d, G, G]
    NDArray tok = x.reshape(b, d, (long) grid * grid).transpose(0, 2, 1); // [B, G*G, d]
    NDArray ids = m.arange(0f, grid, 1f, DataType.INT64);                   // [G]
    NDArray r = lookup(rows.getArray(), ids).reshape(grid, 1, d / 2).broadcast(grid, grid, d / 2);
    NDArray c = lookup(cols.getArray(), ids).reshape(1, grid, d - d / 2).broadcast(grid, grid, d - d / 2);
    NDArray pos = NDArrays.concat(new NDList(r, c), 2).reshape(1, (long) grid * grid, d); // [1, G*G, d]
    tok = tok.add(pos);
    NDArray pooled = tok.mean(new int[] {1}, true).add(pooledType.getArray()); // [B, 1, d]
    NDArray tokens = NDArrays.concat(new NDList(pooled, tok), 1);             // [B, 1+G*G, d]
    NDArray mask = m.ones(new Shape(b, 1L + (long) grid * grid), DataType.FLOAT32);
    return new NDList(tokens, mask);
  }

  /** 3x3 convolution with padding 1. */
  private static NDArray conv(NDArray x, Parameter w, Parameter bias, Shape stride) {
    return Conv2d.conv2d(x, w.getArray(), bias.getArray(), stride, S1, S1, 1).singletonOrThrow();
  }

  /** LayerNorm over the channel axis of {@code [B, C, H, W]}. */
  private static NDArray channelNorm(NDArray x, Norm norm) {
    return norm.apply(x.transpose(0, 2, 3, 1)).transpose(0, 3, 1, 2);
  }
}
