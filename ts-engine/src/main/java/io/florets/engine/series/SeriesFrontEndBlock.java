package io.florets.engine.series;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.NormalInitializer;
import io.florets.engine.nn.Dense;
import io.florets.engine.nn.FrontEndBlock;
import io.florets.engine.nn.Norm;

/**
 * Trainable part of {@link SeriesFrontEnd}: a linear projection of each patch's
 * {@code [values, mask]} plus a learned position (patch index) and channel embedding; one scale
 * token per channel from {@code [asinh(location), ln(scale)]}; one summary token, the masked mean of
 * the patch tokens plus a learned type vector. Output tokens {@code [B, 1 + C + C*P, d]}.
 */
final class SeriesFrontEndBlock extends FrontEndBlock {
  private final int d;
  private final Dense patchProjection;
  private final Dense scaleProjection;
  private final Parameter positions;
  private final Parameter channels;
  private final Parameter types;
  private final Norm norm;

  SeriesFrontEndBlock(SeriesFrontEndConfig config) {
    d = config.dModel();
    patchProjection = addChildBlock("patch", new Dense(2 * config.patchLength(), d));
    scaleProjection = addChildBlock("scale", new Dense(2, d));
    NormalInitializer init = new NormalInitializer(0.02f);
    // positions and channels start at the scale of a projected patch (about 0.1 per component for
    // unit-scale samples), so that after the token norm they are not drowned by the content
    NormalInitializer wide = config.tokenNorm() ? new NormalInitializer(0.1f) : init;
    positions = param("positions", new Shape(config.maxPatches(), d), wide, Parameter.Type.WEIGHT);
    channels = param("channels", new Shape(config.maxChannels(), d), wide, Parameter.Type.WEIGHT);
    types = param("types", new Shape(2, d), wide, Parameter.Type.WEIGHT);
    norm = config.tokenNorm() ? addChildBlock("norm", new Norm(d)) : null;
  }

  @Override
  public NDList embed(NDList inputs, boolean training) {
    NDArray patches = inputs.get(0);    // [B, C, P, 2L]
    NDArray patchMask = inputs.get(1);  // [B, C, P]
    NDArray scaleFeat = inputs.get(2);  // [B, C, 2]
    NDArray chanMask = inputs.get(3);   // [B, C]
    NDManager m = patches.getManager();
    Shape s = patchMask.getShape();
    long b = s.get(0);
    long c = s.get(1);
    long p = s.get(2);
    NDArray pos = lookup(positions.getArray(), m.arange(0f, p, 1f, DataType.INT64)); // [P, d]
    NDArray chan = lookup(channels.getArray(), m.arange(0f, c, 1f, DataType.INT64)); // [C, d]
    NDArray type = lookup(types.getArray(), m.arange(0f, 2f, 1f, DataType.INT64));   // [2, d]
    NDArray tok = patchProjection.apply(patches)                                      // [B,C,P,d]
        .add(pos.reshape(1, 1, p, d)).add(chan.reshape(1, c, 1, d));
    NDArray scaleTok = scaleProjection.apply(scaleFeat)                               // [B, C, d]
        .add(chan.reshape(1, c, d)).add(type.get(1));
    NDArray sum = tok.mul(patchMask.expandDims(3)).sum(new int[] {1, 2});             // [B, d]
    NDArray count = patchMask.sum(new int[] {1, 2}).maximum(1f).reshape(b, 1);
    NDArray summary = sum.div(count).add(type.get(0)).reshape(b, 1, d);              // [B, 1, d]
    // Tokens are layer-normalised before they enter the residual stream (as BART's embedding
    // norm): at the raw scale of a 0.02-initialised projection they are so small next to the
    // attention and feed-forward outputs that the encoder output collapses to one vector for all
    // positions, and the decoder can read only a pooled summary of the series.
    NDArray tokens = NDArrays.concat(new NDList(summary, scaleTok, tok.reshape(b, c * p, d)), 1);
    if (norm != null) {
      tokens = norm.apply(tokens);
    }
    NDArray mask = NDArrays.concat(
        new NDList(m.ones(new Shape(b, 1)), chanMask, patchMask.reshape(b, c * p)), 1);
    return new NDList(tokens, mask);
  }
}
