package io.florets.engine.series;

import static io.florets.engine.series.SampleScores.noiseScores;
import static io.florets.engine.series.SampleScores.shift;
import static io.florets.engine.series.SampleScores.slopeScores;
import static io.florets.engine.series.SampleScores.stuckFeatures;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.NormalInitializer;
import io.florets.engine.nn.Dense;
import io.florets.engine.nn.FrontEndBlock;
import io.florets.engine.nn.Norm;
import java.util.ArrayList;
import java.util.List;

/**
 * Trainable part of {@link SeriesFrontEnd}: a linear projection of each patch's
 * {@code [values, mask]} (with the patch perceptron on, plus a residual GELU perceptron over the
 * values, mask and absolute first differences) plus a learned position (patch index) and channel
 * embedding; one scale
 * token per channel from {@code [asinh(location), ln(scale)]}; optionally one statistics token per
 * channel ({@link WindowStatistics}); one summary token, the masked mean of the patch tokens plus a
 * learned type vector. Output tokens {@code [B, 1 + C (+ C) + C*P, d]}.
 *
 * <p>With a location pointer, {@link #pointer} gives one key per sample: the encoder's output at
 * the sample's patch (projected), a learned embedding of the sample's offset inside the patch and
 * a projection of the samples around it (values at offsets -4..4, first differences at -2..3, the
 * observed-mask at -2..2), mixed by a GELU and a projection and averaged over real channels. The
 * patch token says what the encoder understood about that stretch; the local samples say exactly
 * where inside it the change is.
 */
final class SeriesFrontEndBlock extends FrontEndBlock {
  /** Local features per sample: 9 values, 6 differences, 5 mask flags. */
  static final int LOCAL_FEATURES = 20;
  /** Stuck-sample features per sample in the pointer keys: repeat and in-run flags at -2..2. */
  static final int STUCK_LOCAL = 10;
  /**
   * Noise scores per sample in the pointer keys: first differences at -2..3, distances from the
   * neighbours' mean at -2..2 and steps at -1..1.
   */
  static final int NOISE_LOCAL = 14;
  /** Slope scores per sample in the pointer keys: each length of the slope scores at -1..1. */
  static final int SLOPE_LOCAL = 3 * SampleScores.SLOPE_SIDES.length;

  private final int d;
  private final int patchLength;
  private final boolean stats;
  private final int[] pointerIds;
  private final int typeFirstId;
  private final int typeCount;
  private final Dense patchProjection;
  private final Dense patchHidden;
  private final Dense patchOut;
  private final Dense scaleProjection;
  private final Dense statsProjection;
  private final Parameter positions;
  private final Parameter channels;
  private final Parameter types;
  private final Parameter statsType;
  private final Norm norm;
  private final Dense pointerMemory;
  private final Dense pointerLocal;
  private final Parameter pointerOffsets;
  private final Dense pointerKey;
  private final int denseClasses;
  private final Dense denseHead;
  private final Dense stuckPatch;
  private final Dense stuckLocal;
  private final Parameter copyKinds;
  private final Parameter copyChannels;
  private final Dense noisePatch;
  private final Dense noiseLocal;
  private final boolean copySigns;
  private final Dense convPatch;
  private final int convInput;
  private final Dense cycleStats;
  private final Dense structuralStats;
  private final Dense waveformStats;
  private final int waveformInput;
  private final Dense slopeLocal;
  private final int[] readoutIds;
  private final int readoutFeatures;
  private final int readoutInput;
  private final Parameter readoutWeight;
  private final Parameter readoutBias;
  private final Parameter readoutDecoderScale;

  SeriesFrontEndBlock(SeriesFrontEndConfig config) {
    d = config.dModel();
    patchLength = config.patchLength();
    stats = config.stats();
    typeFirstId = config.typeFirstId();
    typeCount = config.types();
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
    if (stats) {
      statsProjection = addChildBlock("stats", new Dense(WindowStatistics.FEATURES, d));
      statsType = param("statsType", new Shape(1, d), wide, Parameter.Type.WEIGHT);
    } else {
      statsProjection = null;
      statsType = null;
    }
    if (config.pointer()) {
      pointerIds = new int[] {config.pointerFirstId(), config.pointerBins()};
      pointerMemory = addChildBlock("pointerMemory", new Dense(d, d));
      pointerLocal = addChildBlock("pointerLocal", new Dense(LOCAL_FEATURES, d));
      pointerOffsets = param("pointerOffsets", new Shape(config.patchLength(), d), wide,
          Parameter.Type.WEIGHT);
      pointerKey = addChildBlock("pointerKey", new Dense(d, d));
    } else {
      pointerIds = null;
      pointerMemory = null;
      pointerLocal = null;
      pointerOffsets = null;
      pointerKey = null;
    }
    denseClasses = config.denseClasses();
    denseHead = denseClasses > 0 ? addChildBlock("denseHead", new Dense(d, denseClasses)) : null;
    // added last: child blocks are named by their position, so parts added after the others keep
    // the parameter names of folders written without them (and warm starts can copy them)
    if (config.patchMlp()) {
      patchHidden = addChildBlock("patchHidden", new Dense(3 * config.patchLength(), 2 * d));
      // zero-initialised: the branch starts as "no change", so a model can also be warm-started
      // from one trained without it and answer as that model did at step 0
      patchOut = addChildBlock("patchOut", new Dense(2 * d, d, ai.djl.training.initializer.Initializer.ZEROS));
    } else {
      patchHidden = null;
      patchOut = null;
    }
    // zero-initialised as the perceptron's output: a model warm-started from one without the
    // features answers as that model did until training moves these weights
    if (config.stuck()) {
      stuckPatch = addChildBlock("stuckPatch", new Dense(2 * config.patchLength(), d,
          ai.djl.training.initializer.Initializer.ZEROS));
      stuckLocal = config.pointer() ? addChildBlock("stuckLocal", new Dense(STUCK_LOCAL, d,
          ai.djl.training.initializer.Initializer.ZEROS)) : null;
    } else {
      stuckPatch = null;
      stuckLocal = null;
    }
    // zero-initialised: the copy scores start at 0, so a warm-started model answers as its source
    if (config.numberCopy()) {
      copyKinds = param("copyKinds", new Shape(NumberCandidates.KINDS, d),
          ai.djl.training.initializer.Initializer.ZEROS, Parameter.Type.WEIGHT);
      copyChannels = param("copyChannels", new Shape(config.maxChannels(), d),
          ai.djl.training.initializer.Initializer.ZEROS, Parameter.Type.WEIGHT);
    } else {
      copyKinds = null;
      copyChannels = null;
    }
    copySigns = config.copySigns();
    if (config.noiseScores()) {
      noisePatch = addChildBlock("noisePatch", new Dense(2 * config.patchLength(), d,
          ai.djl.training.initializer.Initializer.ZEROS));
      noiseLocal = config.pointer() ? addChildBlock("noiseLocal", new Dense(NOISE_LOCAL, d,
          ai.djl.training.initializer.Initializer.ZEROS)) : null;
    } else {
      noisePatch = null;
      noiseLocal = null;
    }
    // zero-initialised: a model given the features answers as before until training uses them
    convPatch = config.convFeatures() ? addChildBlock("convPatch", new Dense(ConvFeatures.FEATURES,
        d, ai.djl.training.initializer.Initializer.ZEROS)) : null;
    convInput = 4 + (stats ? 1 : 0) + (config.numberCopy() ? 1 : 0) + (copySigns ? 1 : 0);
    // zero-initialised like the other optional parts, and added after them (names by position)
    cycleStats = config.cycleFeatures() ? addChildBlock("cycleStats", new Dense(
        CycleFeatures.FEATURES, d, ai.djl.training.initializer.Initializer.ZEROS)) : null;
    structuralStats = config.structuralFeatures() ? addChildBlock("structuralStats", new Dense(
        StructuralFeatures.FEATURES, d, ai.djl.training.initializer.Initializer.ZEROS)) : null;
    // zero-initialised and added last, like the parts above: a model warm-started from one without
    // the slope scores answers as it did until training moves these weights
    slopeLocal = config.slopeScores() && config.pointer() ? addChildBlock("slopeLocal", new Dense(
        SLOPE_LOCAL, d, ai.djl.training.initializer.Initializer.ZEROS)) : null;
    // zero-initialised and added after every earlier part, for the same reason
    waveformStats = config.waveformEvidence() ? addChildBlock("waveformStats", new Dense(
        WaveformEvidence.FEATURES, d, ai.djl.training.initializer.Initializer.ZEROS)) : null;
    waveformInput = convInput + (convPatch != null ? 1 : 0) + (cycleStats != null ? 1 : 0)
        + (structuralStats != null ? 1 : 0);
    // the class readout's weights are set when a model is adapted (fitted in closed form) and stay
    // frozen while the rest trains; zero until then. One flat vector: not decayed as a matrix.
    ClassReadout readout = config.readout();
    if (readout != null) {
      readoutIds = readout.classIds();
      readoutFeatures = readout.features();
      readoutInput = waveformInput + (waveformStats != null ? 1 : 0);
      readoutWeight = param("readoutWeight", new Shape((long) readoutIds.length * readoutFeatures),
          ai.djl.training.initializer.Initializer.ZEROS, Parameter.Type.WEIGHT);
      readoutBias = param("readoutBias", new Shape(readoutIds.length),
          ai.djl.training.initializer.Initializer.ZEROS, Parameter.Type.WEIGHT);
      readoutDecoderScale = param("readoutDecoderScale", new Shape(1),
          new ai.djl.training.initializer.ConstantInitializer(1f), Parameter.Type.WEIGHT);
    } else {
      readoutDecoderScale = null;
      readoutIds = null;
      readoutFeatures = 0;
      readoutInput = -1;
      readoutWeight = null;
      readoutBias = null;
    }
  }

  @Override
  public int[] classIds() {
    return readoutIds == null ? null : readoutIds.clone();
  }

  @Override
  public NDArray classScores(NDList inputs) {
    if (readoutIds == null) {
      return super.classScores(inputs);
    }
    NDArray x = inputs.get(readoutInput);                                             // [B, F]
    int k = readoutIds.length;
    NDArray w = frozen(readoutWeight.getArray()).reshape(k, readoutFeatures);         // [K, F]
    NDArray bias = frozen(readoutBias.getArray());                                    // [K]
    return x.matMul(w.transpose()).add(bias.reshape(1, k));                          // [B, K]
  }

  @Override
  public NDArray classDecoderScale() {
    if (readoutIds == null) {
      return super.classDecoderScale();
    }
    return frozen(readoutDecoderScale.getArray());
  }

  /**
   * {@code p} in the graph with a zero gradient: the optimiser sees the parameter (and saves it)
   * but never moves it.
   */
  private static NDArray frozen(NDArray p) {
    return p.mul(0f).add(p.stopGradient());
  }

  @Override
  public boolean copySigns() {
    return copySigns;
  }

  @Override
  public int copyKinds() {
    return copyKinds == null ? 0 : NumberCandidates.KINDS;
  }

  @Override
  public NDList copyCandidates(NDList inputs, int bins) {
    if (copyKinds == null) {
      return super.copyCandidates(inputs, bins);
    }
    NDArray chanMask = inputs.get(3);                                                 // [B, C]
    NDArray copyBins = inputs.get(stats ? 5 : 4);                                      // [B, C*K]
    NDManager m = chanMask.getManager();
    long b = chanMask.getShape().get(0);
    long c = chanMask.getShape().get(1);
    int k = NumberCandidates.KINDS;
    NDArray kinds = copyKinds.getArray();                                             // [K, d]
    NDArray chans = lookup(copyChannels.getArray(), m.arange(0f, c, 1f, DataType.INT64)); // [C, d]
    NDArray keys = chans.reshape(c, 1, d).add(kinds.reshape(1, k, d))                 // [C, K, d]
        .reshape(1, c * k, d).broadcast(new Shape(b, c * k, d));
    NDArray centres = m.arange(0f, (float) bins, 1f).reshape(1, 1, bins);
    NDArray oneHot = copyBins.reshape(b, c * k, 1).eq(centres).toType(DataType.FLOAT32, false);
    if (!copySigns) {
      return new NDList(keys, oneHot);
    }
    NDArray codes = inputs.get(stats ? 6 : 5).reshape(b, c * k, 1);                   // [B, J, 1]
    NDArray signs = codes.eq(m.arange(1f, 4f, 1f).reshape(1, 1, 3))                    // [B, J, 3]
        .toType(DataType.FLOAT32, false);
    return new NDList(keys, oneHot, signs);
  }

  @Override
  public int denseClasses() {
    return denseClasses;
  }

  @Override
  public NDArray denseLogits(NDArray pointerKeys) {
    if (denseHead == null) {
      return super.denseLogits(pointerKeys);
    }
    return denseHead.apply(pointerKeys);                                              // [B, T, K]
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
    NDArray tok = patchProjection.apply(patches);                                     // [B,C,P,d]
    if (patchHidden != null) {
      tok = tok.add(patchOut.apply(Activation.gelu(patchHidden.apply(patchFeatures(patches)))));
    }
    if (stuckPatch != null) {
      NDArray[] st = stuckFeatures(patches, patchLength);                             // [B, C, T]
      tok = tok.add(stuckPatch.apply(NDArrays.concat(new NDList(
          st[0].reshape(b, c, p, patchLength), st[1].reshape(b, c, p, patchLength)), 3)));
    }
    if (noisePatch != null) {
      NDArray[] ns = noiseScores(patches, inputs.get(4), patchLength);                // [B, C, T]
      tok = tok.add(noisePatch.apply(NDArrays.concat(new NDList(
          ns[1].reshape(b, c, p, patchLength), ns[2].reshape(b, c, p, patchLength)), 3)));
    }
    if (convPatch != null) {
      tok = tok.add(convPatch.apply(inputs.get(convInput)));                          // [B,C,P,d]
    }
    tok = tok.add(pos.reshape(1, 1, p, d)).add(chan.reshape(1, c, 1, d));
    NDArray scaleTok = scaleProjection.apply(scaleFeat)                               // [B, C, d]
        .add(chan.reshape(1, c, d)).add(type.get(1));
    NDArray sum = tok.mul(patchMask.expandDims(3)).sum(new int[] {1, 2});             // [B, d]
    NDArray count = patchMask.sum(new int[] {1, 2}).maximum(1f).reshape(b, 1);
    NDArray summary = sum.div(count).add(type.get(0)).reshape(b, 1, d);              // [B, 1, d]
    List<NDArray> parts = new ArrayList<>(List.of(summary, scaleTok));
    List<NDArray> masks = new ArrayList<>(List.of(m.ones(new Shape(b, 1)), chanMask));
    if (stats) {
      NDArray st = inputs.get(4);                                                     // [B, C, F]
      NDArray statsType0 = lookup(statsType.getArray(), m.zeros(new Shape(1), DataType.INT64));
      NDArray statTok = statsProjection.apply(st).add(chan.reshape(1, c, d))           // [B, C, d]
          .add(statsType0.reshape(1, 1, d));
      if (cycleStats != null) {
        statTok = statTok.add(cycleStats.apply(inputs.get(convInput + (convPatch != null ? 1 : 0))));
      }
      if (structuralStats != null) {
        statTok = statTok.add(structuralStats.apply(inputs.get(convInput + (convPatch != null ? 1 : 0)
            + (cycleStats != null ? 1 : 0))));
      }
      if (waveformStats != null) {
        statTok = statTok.add(waveformStats.apply(inputs.get(waveformInput)));
      }
      parts.add(statTok);
      masks.add(chanMask);
    }
    parts.add(tok.reshape(b, c * p, d));
    masks.add(patchMask.reshape(b, c * p));
    // Tokens are layer-normalised before they enter the residual stream (as BART's embedding
    // norm): at the raw scale of a 0.02-initialised projection they are so small next to the
    // attention and feed-forward outputs that the encoder output collapses to one vector for all
    // positions, and the decoder can read only a pooled summary of the series.
    NDArray tokens = NDArrays.concat(new NDList(parts), 1);
    if (norm != null) {
      tokens = norm.apply(tokens);
    }
    return new NDList(tokens, NDArrays.concat(new NDList(masks), 1));
  }

  @Override
  public int[] typeIds() {
    return pointerIds == null || typeCount == 0 ? null : new int[] {typeFirstId, typeCount};
  }

  @Override
  public int[] pointerIds() {
    return pointerIds == null ? null : pointerIds.clone();
  }

  @Override
  public NDList pointer(NDList inputs, NDArray frontMemory, boolean training) {
    if (pointerIds == null) {
      return super.pointer(inputs, frontMemory, training);
    }
    NDArray patches = inputs.get(0);    // [B, C, P, 2L]
    NDArray chanMask = inputs.get(3);   // [B, C]
    NDArray index = inputs.get(inputs.size() - 1).toType(DataType.INT64, false); // [B, bins]
    NDManager m = patches.getManager();
    Shape s = patches.getShape();
    long b = s.get(0);
    long c = s.get(1);
    long p = s.get(2);
    int pl = patchLength;
    long t = p * pl;
    long first = 1 + c + (stats ? c : 0);
    NDArray mem = frontMemory.get(":, {}:{}, :", first, first + c * p)             // [B, C*P, d]
        .reshape(b, c, p, 1, d);
    NDArray offsets = lookup(pointerOffsets.getArray(), m.arange(0f, pl, 1f, DataType.INT64));
    NDArray perSample = pointerMemory.apply(mem).broadcast(new Shape(b, c, p, pl, d))
        .add(offsets.reshape(1, 1, 1, pl, d)).reshape(b, c, t, d);                  // [B, C, T, d]
    NDArray values = patches.get(":, :, :, 0:{}", pl).reshape(b, c, t);             // [B, C, T]
    NDArray mask = patches.get(":, :, :, {}:", pl).reshape(b, c, t);                // [B, C, T]
    NDArray diff = values.sub(shift(values, 1)).mul(mask).mul(shift(mask, 1));       // [B, C, T]
    NDList local = new NDList(LOCAL_FEATURES);
    for (int o = -4; o <= 4; o++) {
      local.add(shift(values, -o));
    }
    for (int o = -2; o <= 3; o++) {
      local.add(shift(diff, -o));
    }
    for (int o = -2; o <= 2; o++) {
      local.add(shift(mask, -o));
    }
    NDArray feats = NDArrays.stack(local, 3);                                        // [B, C, T, F]
    NDArray pre = perSample.add(pointerLocal.apply(feats));
    if (stuckLocal != null) {
      NDArray[] st = stuckFeatures(patches, pl);
      NDList near = new NDList(STUCK_LOCAL);
      for (NDArray f : st) {
        for (int o = -2; o <= 2; o++) {
          near.add(shift(f, -o));
        }
      }
      pre = pre.add(stuckLocal.apply(NDArrays.stack(near, 3)));
    }
    if (noiseLocal != null) {
      NDArray[] ns = noiseScores(patches, inputs.get(4), pl);
      NDList near = new NDList(NOISE_LOCAL);
      for (int o = -2; o <= 3; o++) {
        near.add(shift(ns[0], -o));
      }
      for (int o = -2; o <= 2; o++) {
        near.add(shift(ns[1], -o));
      }
      for (int o = -1; o <= 1; o++) {
        near.add(shift(ns[2], -o));
      }
      pre = pre.add(noiseLocal.apply(NDArrays.stack(near, 3)));
    }
    if (slopeLocal != null) {
      NDList near = new NDList(SLOPE_LOCAL);
      for (NDArray f : slopeScores(patches, inputs.get(4), pl)) {
        for (int o = -1; o <= 1; o++) {
          near.add(shift(f, -o));
        }
      }
      pre = pre.add(slopeLocal.apply(NDArrays.stack(near, 3)));
    }
    NDArray keys = pointerKey.apply(Activation.gelu(pre));
    NDArray cm = chanMask.reshape(b, c, 1, 1);
    NDArray pooled = keys.mul(cm).sum(new int[] {1})                                 // [B, T, d]
        .div(chanMask.sum(new int[] {1}).maximum(1f).reshape(b, 1, 1));
    return new NDList(pooled, index);
  }

  /**
   * The patch perceptron's input {@code [B, C, P, 3L]}: values, observed-mask and the absolute
   * first difference of each sample (0 where it or its predecessor is missing; across patch
   * borders too, so a patch sees the step into it).
   */
  private NDArray patchFeatures(NDArray patches) {
    Shape s = patches.getShape();
    long b = s.get(0);
    long c = s.get(1);
    long p = s.get(2);
    int pl = patchLength;
    NDArray values = patches.get(":, :, :, 0:{}", pl).reshape(b, c, p * pl);
    NDArray mask = patches.get(":, :, :, {}:", pl).reshape(b, c, p * pl);
    NDArray absDiff = values.sub(shift(values, 1)).abs().mul(mask).mul(shift(mask, 1))
        .reshape(b, c, p, pl);
    return NDArrays.concat(new NDList(patches, absDiff), 3);
  }
}
