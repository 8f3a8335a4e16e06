package io.florets.engine.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.initializer.NormalInitializer;
import io.florets.engine.EngineConfig;
import io.florets.engine.MagnitudeBins;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole network: front-end block, token embedding (shared by prompt, decoder input and the tied
 * output projection), learned prompt and target positions, a pre-LN encoder over
 * {@code [front-end tokens ; prompt]}, a pre-LN decoder, and the embedding head.
 *
 * <p>Thread-safety: read-only methods ({@code training = false}) may run concurrently; training
 * mutates parameters and must be confined to one thread.
 */
public final class EncoderDecoder extends Module {
  private final EngineConfig config;
  private final int vocabSize;
  private final FrontEndBlock frontEnd;
  private final Parameter tokens;
  private final Parameter promptPositions;
  private final Parameter targetPositions;
  private final List<EncoderLayer> encoder = new ArrayList<>();
  private final Norm encoderNorm;
  private final List<DecoderLayer> decoder = new ArrayList<>();
  private final Norm decoderNorm;
  private final Dense embedHead;
  private final int[] pointerIds;
  private final Dense pointerQuery;
  private final int[] typeIds;
  private final Parameter typeKeys;
  private final Parameter typeGate;
  private final int[] ordinalIds;
  private final Dense ordinalValue;
  private final Parameter ordinalWidth;
  private final Dense copyQuery;
  private final int[] signIds;
  private final Parameter copySignGate;
  /** Row-major [K, V] one-hot of the class readout's ids, or null. */
  private final float[] classSpread;
  /** [V]: 1 on the class readout's ids, or null. */
  private final float[] classMask;

  /**
   * The encoder output: memory [B, S, d], key mask [B, S] and its additive bias [B, 1, 1, S]; with a
   * front-end pointer also its keys [B, N, d] and bin index [B, bins] int64 (else null); with a
   * number copy the candidates' keys [B, J, d], one-hot magnitude bins [B, J, bins] and, when it
   * scores signs, one-hot signs [B, J, 3] (else null); with a front-end class readout the
   * readout's scores spread over the vocabulary [B, V] (zero off its class ids; else null).
   */
  public record Encoded(NDArray memory, NDArray mask, NDArray bias, NDArray pointerKeys,
      NDArray pointerIndex, NDArray copyKeys, NDArray copyBins, NDArray copySigns,
      NDArray classLogits) {
    /** Without a pointer. */
    public Encoded(NDArray memory, NDArray mask, NDArray bias) {
      this(memory, mask, bias, null, null, null, null, null, null);
    }

    /** Without a number copy. */
    public Encoded(NDArray memory, NDArray mask, NDArray bias, NDArray pointerKeys,
        NDArray pointerIndex) {
      this(memory, mask, bias, pointerKeys, pointerIndex, null, null, null, null);
    }

    /** Without a class readout. */
    public Encoded(NDArray memory, NDArray mask, NDArray bias, NDArray pointerKeys,
        NDArray pointerIndex, NDArray copyKeys, NDArray copyBins, NDArray copySigns) {
      this(memory, mask, bias, pointerKeys, pointerIndex, copyKeys, copyBins, copySigns, null);
    }

    /** The same rows with {@code memory} in place of this one's. */
    public Encoded withMemory(NDArray memory) {
      return new Encoded(memory, null, bias, pointerKeys, pointerIndex, copyKeys, copyBins,
          copySigns, classLogits);
    }

    /**
     * The rows {@code idx} [R] int64 of the bias, pointer, copy and class-readout arrays (memory
     * and mask dropped).
     */
    public Encoded gatherRows(NDArray idx) {
      return new Encoded(null, null, DecoderCache.gatherRows(bias, idx), rows(pointerKeys, idx),
          rows(pointerIndex, idx), rows(copyKeys, idx), rows(copyBins, idx), rows(copySigns, idx),
          rows(classLogits, idx));
    }

    private static NDArray rows(NDArray a, NDArray idx) {
      return a == null ? null : DecoderCache.gatherRows(a, idx);
    }
  }

  /** A network for {@code config}, a vocabulary of {@code vocabSize} ids and a front-end block. */
  public EncoderDecoder(EngineConfig config, int vocabSize, FrontEndBlock frontEnd) {
    this(config, vocabSize, frontEnd, 0, 0);
  }

  /**
   * A network whose ids {@code ordinalFirstId .. ordinalFirstId + ordinalBins - 1} form an ordered
   * scale (0 bins = none): their logits gain {@code -((p - k) / w)^2 / 2} for bin k, where the
   * position p (in bins) is regressed from the decoder state and the width w (in bins) is learned.
   */
  public EncoderDecoder(EngineConfig config, int vocabSize, FrontEndBlock frontEnd,
      int ordinalFirstId, int ordinalBins) {
    this(config, vocabSize, frontEnd, ordinalFirstId, ordinalBins, null);
  }

  /**
   * As {@link #EncoderDecoder(EngineConfig, int, FrontEndBlock, int, int)}, with the ids of a
   * number's zero, positive and negative sign tokens ({@code null} = none), which a front end's
   * number copy with signs scores.
   */
  public EncoderDecoder(EngineConfig config, int vocabSize, FrontEndBlock frontEnd,
      int ordinalFirstId, int ordinalBins, int[] numberSignIds) {
    this.config = config;
    this.vocabSize = vocabSize;
    int d = config.dModel();
    this.frontEnd = addChildBlock("frontEnd", frontEnd);
    NormalInitializer init = new NormalInitializer(0.02f);
    tokens = param("tokens", new Shape(vocabSize, d), init, Parameter.Type.WEIGHT);
    promptPositions = param("promptPositions", new Shape(config.maxPromptLength(), d), init,
        Parameter.Type.WEIGHT);
    targetPositions = param("targetPositions", new Shape(config.maxTargetLength(), d), init,
        Parameter.Type.WEIGHT);
    for (int i = 0; i < config.encoderLayers(); i++) {
      encoder.add(addChildBlock("enc" + i,
          new EncoderLayer(d, config.heads(), config.ffnDim(), config.dropout())));
    }
    encoderNorm = addChildBlock("encNorm", new Norm(d));
    for (int i = 0; i < config.decoderLayers(); i++) {
      decoder.add(addChildBlock("dec" + i,
          new DecoderLayer(d, config.heads(), config.ffnDim(), config.dropout())));
    }
    decoderNorm = addChildBlock("decNorm", new Norm(d));
    embedHead = addChildBlock("embedHead", new Dense(d, config.embedDim()));
    pointerIds = frontEnd.pointerIds();
    if (pointerIds != null) {
      if (pointerIds[0] < 0 || pointerIds[1] < 1 || pointerIds[0] + pointerIds[1] > vocabSize) {
        throw new IllegalArgumentException("front-end pointer ids " + pointerIds[0] + " .. "
            + (pointerIds[0] + pointerIds[1] - 1) + " lie outside the vocabulary of " + vocabSize);
      }
      pointerQuery = addChildBlock("pointerQuery", new Dense(d, d));
    } else {
      pointerQuery = null;
    }
    typeIds = pointerIds == null ? null : frontEnd.typeIds();
    if (typeIds != null) {
      if (typeIds[0] < 0 || typeIds[1] < 1 || typeIds[0] + typeIds[1] > vocabSize) {
        throw new IllegalArgumentException("front-end type ids " + typeIds[0] + " .. "
            + (typeIds[0] + typeIds[1] - 1) + " lie outside the vocabulary of " + vocabSize);
      }
      typeKeys = param("typeKeys", new Shape(typeIds[1], d),
          new ai.djl.training.initializer.NormalInitializer(0.02f), Parameter.Type.WEIGHT);
      // the gate starts at 0: a new model (or one warm-started from a model without type scores)
      // begins with the type logits of the tied projection alone
      typeGate = param("typeGate", new Shape(1), ai.djl.training.initializer.Initializer.ZEROS,
          Parameter.Type.WEIGHT);
    } else {
      typeKeys = null;
      typeGate = null;
    }
    if (ordinalBins > 0) {
      ordinalIds = new int[] {ordinalFirstId, ordinalBins};
      ordinalValue = addChildBlock("ordinalValue", new Dense(d, 1));
      // log of the initial width in bins: wide enough that early gradients reach far bins
      ordinalWidth = param("ordinalWidth", new Shape(1),
          new ai.djl.training.initializer.ConstantInitializer((float) Math.log(ordinalBins / 10.0)),
          Parameter.Type.WEIGHT);
    } else {
      ordinalIds = null;
      ordinalValue = null;
      ordinalWidth = null;
    }
    if (frontEnd.copyKinds() > 0) {
      if (ordinalBins != MagnitudeBins.BINS) {
        throw new IllegalArgumentException("the front end's number copy needs an output contract "
            + "with " + MagnitudeBins.BINS + " magnitude bins, got an ordinal run of "
            + ordinalBins);
      }
      // added last: child blocks are named by their position (see the front end)
      copyQuery = addChildBlock("copyQuery", new Dense(d, d));
    } else {
      copyQuery = null;
    }
    if (copyQuery != null && frontEnd.copySigns()) {
      if (numberSignIds == null || numberSignIds.length != 3) {
        throw new IllegalArgumentException("the front end's number copy scores signs, but the "
            + "vocabulary names no sign ids");
      }
      signIds = numberSignIds.clone();
      // zero: a model warm-started from one without sign scores answers as it did
      copySignGate = param("copySignGate", new Shape(1),
          ai.djl.training.initializer.Initializer.ZEROS, Parameter.Type.WEIGHT);
    } else {
      signIds = null;
      copySignGate = null;
    }
    int[] classIds = frontEnd.classIds();
    if (classIds != null) {
      classSpread = new float[classIds.length * vocabSize];
      classMask = new float[vocabSize];
      for (int k = 0; k < classIds.length; k++) {
        if (classIds[k] < 0 || classIds[k] >= vocabSize) {
          throw new IllegalArgumentException("front-end class readout id " + classIds[k]
              + " lies outside the vocabulary of " + vocabSize);
        }
        classSpread[k * vocabSize + classIds[k]] = 1f;
        classMask[classIds[k]] = 1f;
      }
    } else {
      classSpread = null;
      classMask = null;
    }
  }

  /** The configuration this network was built from. */
  public EngineConfig config() {
    return config;
  }

  /** Number of token ids. */
  public int vocabSize() {
    return vocabSize;
  }

  /** Number of decoder layers (size of a decode cache). */
  public int decoderLayers() {
    return decoder.size();
  }

  /**
   * Encodes a batch.
   *
   * @param frontInputs the front-end batch's arrays
   * @param promptIds [B, P] int64, padded
   * @param promptMask [B, P] float, 1 = real prompt token
   * @return memory [B, S, d] with S = N + P, its mask and bias
   */
  public Encoded encode(NDList frontInputs, NDArray promptIds, NDArray promptMask,
      boolean training) {
    NDList fe = frontEnd.embed(frontInputs, training); // tokens [B, N, d], mask [B, N]
    NDManager m = promptIds.getManager();
    long p = promptIds.getShape().get(1);
    NDArray prompt = lookup(tokens.getArray(), promptIds)                   // [B, P, d]
        .add(lookup(promptPositions.getArray(), m.arange(0f, p, 1f, DataType.INT64)));
    NDArray x = NDArrays.concat(new NDList(fe.get(0), prompt), 1);           // [B, S, d]
    NDArray mask = NDArrays.concat(new NDList(fe.get(1), promptMask), 1);    // [B, S]
    x = drop(x, training);
    NDArray bias = keyBias(mask);                                            // [B, 1, 1, S]
    for (EncoderLayer layer : encoder) {
      x = layer.apply(x, bias, training);
    }
    NDArray memory = encoderNorm.apply(x);
    NDList copy = copyQuery == null ? null
        : frontEnd.copyCandidates(frontInputs, MagnitudeBins.BINS);
    NDArray copyKeys = copy == null ? null : copy.get(0);
    NDArray copyBins = copy == null ? null : copy.get(1);
    NDArray copySigns = copy == null || signIds == null ? null : copy.get(2);
    NDArray classLogits = null;
    if (classSpread != null) {
      NDArray scores = frontEnd.classScores(frontInputs);                    // [B, K]
      long k = scores.getShape().get(1);
      classLogits = scores.matMul(m.create(classSpread, new Shape(k, vocabSize))); // [B, V]
    }
    if (pointerIds == null) {
      return new Encoded(memory, mask, bias, null, null, copyKeys, copyBins, copySigns,
          classLogits);
    }
    long n = fe.get(0).getShape().get(1);
    NDList ptr = frontEnd.pointer(frontInputs, memory.get(":, 0:{}, :", n), training);
    return new Encoded(memory, mask, bias, ptr.get(0), ptr.get(1), copyKeys, copyBins, copySigns,
        classLogits);
  }

  /** Cross-attention K/V of every decoder layer, computed once per batch: [layer]{K, V}. */
  public NDArray[][] memoryKv(Encoded encoded) {
    NDArray[][] kv = new NDArray[decoder.size()][];
    for (int i = 0; i < kv.length; i++) {
      kv[i] = decoder.get(i).memoryKv(encoded.memory());
    }
    return kv;
  }

  /** Cross-attention K/V of every layer laid out for {@link #step} (keys transposed, scaled). */
  public NDArray[][] memoryKvForSteps(Encoded encoded) {
    NDArray[][] kv = new NDArray[decoder.size()][];
    for (int i = 0; i < kv.length; i++) {
      kv[i] = decoder.get(i).memoryKvForSteps(encoded.memory());
    }
    return kv;
  }

  /**
   * The decoder over a whole input sequence (teacher forcing, or no-cache decoding).
   *
   * @param inputIds [B, T] int64: BOS followed by the previous target tokens
   * @return hidden states [B, T, d] after the final norm
   */
  public NDArray decode(Encoded encoded, NDArray[][] memKv, NDArray inputIds, boolean training) {
    NDManager m = inputIds.getManager();
    int t = (int) inputIds.getShape().get(1);
    checkTargetLength(t);
    NDArray x = lookup(tokens.getArray(), inputIds)
        .add(lookup(targetPositions.getArray(), m.arange(0f, t, 1f, DataType.INT64)));
    x = drop(x, training);
    NDArray causal = m.create(causalBias(t), new Shape(t, t));
    for (int i = 0; i < decoder.size(); i++) {
      x = decoder.get(i).apply(x, causal, memKv[i], encoded.bias(), training);
    }
    return decoderNorm.apply(x);
  }

  /**
   * One incremental decoder step at position {@code position}.
   *
   * @param lastIds [B, 1] int64, the previous token of each row
   * @param cache per-layer self-attention caches, extended in place
   * @param memKv from {@link #memoryKvForSteps}
   * @param rows the encoder output's bias and pointer arrays for these rows
   * @return logits [B, V]
   */
  public NDArray step(NDArray lastIds, int position, DecoderCache cache, NDArray[][] memKv,
      Encoded rows) {
    NDArray memBias = rows.bias();
    checkTargetLength(position + 1);
    NDManager m = lastIds.getManager();
    NDArray x = lookup(tokens.getArray(), lastIds)                          // [B, 1, d]
        .add(lookup(targetPositions.getArray(), m.create(new long[] {position})));
    for (int i = 0; i < decoder.size(); i++) {
      NDArray[] r = decoder.get(i).step(x, cache.keys(i), cache.values(i), memKv[i], memBias);
      cache.set(i, r[1], r[2]);
      x = r[0];
    }
    NDArray h = decoderNorm.apply(x);                                        // [B, 1, d]
    NDArray logits = logits(h, rows);                                        // [B, 1, V]
    return logits.reshape(logits.getShape().get(0), vocabSize);
  }

  /** Tied output projection: hidden [..., d] -> logits [..., V] (no pointer scores). */
  public NDArray logits(NDArray hidden) {
    return Linear.linear(hidden, tokens.getArray()).singletonOrThrow();
  }

  /**
   * Output logits of hidden states [B, T, d] -> [B, T, V]: the tied projection, plus, with a
   * front-end pointer, the pointer score on the location ids: for bin q the scaled dot product of
   * the projected state with the key of the location the bin stands for in that row; with a class
   * readout, the class ids' logits times its decoder scale plus its scores (the same at every
   * position).
   */
  public NDArray logits(NDArray hidden, Encoded encoded) {
    NDArray base = logits(hidden);                                           // [B, T, V]
    if (encoded.classLogits() != null) {
      // the class ids' decoder logits times the readout's decoder scale, plus the readout's scores
      NDArray mask = hidden.getManager().create(classMask, new Shape(1, 1, vocabSize));
      NDArray scale = mask.mul(frontEnd.classDecoderScale().sub(1f)).add(1f);     // [1, 1, V]
      long b = encoded.classLogits().getShape().get(0);
      base = base.mul(scale).add(encoded.classLogits().reshape(b, 1, vocabSize));
    }
    if (ordinalIds != null) {
      base = addOrdinal(hidden, base);
    }
    if (copyQuery != null && encoded.copyKeys() != null) {
      NDArray scores = copyScores(hidden, encoded);                          // [B, T, J]
      base = splice(base, ordinalIds[0], ordinalIds[1], scores.matMul(encoded.copyBins()));
      if (signIds != null && encoded.copySigns() != null) {
        NDArray signs = scores.matMul(encoded.copySigns()).mul(copySignGate.getArray()); // [B, T, 3]
        for (int i = 0; i < 3; i++) {
          base = splice(base, signIds[i], 1, signs.get(":, :, {}:{}", i, i + 1));
        }
      }
    }
    if (pointerIds == null || encoded.pointerKeys() == null) {
      return base;
    }
    Shape hs = hidden.getShape();
    long b = hs.get(0);
    long t = hs.get(1);
    int first = pointerIds[0];
    int bins = pointerIds[1];
    NDArray q = pointerQuery.apply(hidden);                                  // [B, T, d]
    NDArray scores = q.matMul(encoded.pointerKeys().transpose(0, 2, 1))      // [B, T, N]
        .div((float) Math.sqrt(config.dModel()));
    NDArray idx = encoded.pointerIndex().reshape(b, 1, bins).broadcast(new Shape(b, t, bins));
    NDArray ptr = scores.gather(idx, 2);                                     // [B, T, bins]
    NDArray out = splice(base, first, bins, ptr);
    if (typeIds != null) {
      out = splice(out, typeIds[0], typeIds[1], typeScores(scores, encoded));
    }
    return out;
  }

  /**
   * Per type k: {@code gate * (logsumexp_n(score_n + e_k . key_n / sqrt(d)) - ln N)} over the
   * window's real locations n, where {@code score} [B, T, N] are the pointer scores of the decoder
   * states: a soft maximum over samples of "the next answer's location, looking like type k".
   */
  private NDArray typeScores(NDArray scores, Encoded encoded) {
    Shape ss = scores.getShape();
    long b = ss.get(0);
    long t = ss.get(1);
    long n = ss.get(2);
    int k = typeIds[1];
    NDArray keys = encoded.pointerKeys();                                    // [B, N, d]
    NDArray own = keys.matMul(typeKeys.getArray().transpose())               // [B, N, K]
        .div((float) Math.sqrt(config.dModel())).transpose(0, 2, 1);         // [B, K, N]
    // real locations: those some bin stands for (the window's samples, not the padded tail)
    NDArray last = encoded.pointerIndex().toType(DataType.FLOAT32, false)
        .max(new int[] {1}, true);                                           // [B, 1]
    NDArray pos = scores.getManager().arange(0f, (float) n, 1f).reshape(1, n);
    NDArray real = pos.lte(last).toType(DataType.FLOAT32, false);           // [B, N]
    NDArray bias = real.sub(1f).mul(1e9f).reshape(b, 1, 1, n);
    NDArray all = scores.reshape(b, t, 1, n).add(own.reshape(b, 1, k, n)).add(bias);
    NDArray max = all.max(new int[] {3}, true).stopGradient();
    NDArray lse = all.sub(max).exp().sum(new int[] {3}).log().add(max.squeeze(3)); // [B, T, K]
    NDArray count = real.sum(new int[] {1}).log().reshape(b, 1, 1);
    return lse.sub(count).mul(typeGate.getArray());
  }

  /**
   * The embedding readout: mean of the encoder memory over real positions (front-end tokens and
   * prompt), projected and L2-normalised -> [B, embedDim].
   */
  public NDArray embed(Encoded encoded) {
    NDArray mask = encoded.mask();                                           // [B, S]
    NDArray sum = encoded.memory().mul(mask.expandDims(2)).sum(new int[] {1}); // [B, d]
    NDArray mean = sum.div(mask.sum(new int[] {1}, true).maximum(1f));
    NDArray v = embedHead.apply(mean);                                       // [B, E]
    return v.div(v.square().sum(new int[] {1}, true).add(1e-12f).sqrt());
  }

  /** Number of classes of the front end's dense head (0 = none; needs the pointer). */
  public int denseClasses() {
    return pointerIds == null ? 0 : frontEnd.denseClasses();
  }

  /** The front end's dense head on the pointer keys of {@code encoded}: [B, S, K]. */
  public NDArray denseLogits(Encoded encoded) {
    if (denseClasses() == 0 || encoded.pointerKeys() == null) {
      throw new IllegalStateException("this network has no dense head");
    }
    return frontEnd.denseLogits(encoded.pointerKeys());
  }

  /**
   * The number copy's candidate scores [B, T, J]: the scaled dot product of the projected decoder
   * state with each candidate's key. Each adds to the logit of the magnitude bin its candidate
   * stands for (candidates in one bin add up; absent ones add nothing) and, with signs, times a
   * gate to the logit of its sign or zero token.
   */
  private NDArray copyScores(NDArray hidden, Encoded encoded) {
    NDArray q = copyQuery.apply(hidden);                                     // [B, T, d]
    return q.matMul(encoded.copyKeys().transpose(0, 2, 1))                   // [B, T, J]
        .div((float) Math.sqrt(config.dModel()));
  }

  /** base [B, T, V] with the ordinal scores added on the ordinal ids. */
  private NDArray addOrdinal(NDArray hidden, NDArray base) {
    int first = ordinalIds[0];
    int bins = ordinalIds[1];
    NDManager m = hidden.getManager();
    // position in bins: the regression starts at the middle of the scale
    NDArray p = ordinalValue.apply(hidden).mul((float) bins).add(bins / 2f);  // [B, T, 1]
    NDArray centres = m.arange(0.5f, bins + 0.5f, 1f).reshape(1, 1, bins);     // [1, 1, bins]
    NDArray w = ordinalWidth.getArray().exp().add(0.5f);                       // [1]
    NDArray score = p.sub(centres).div(w).square().mul(-0.5f);                // [B, T, bins]
    return splice(base, first, bins, score);
  }

  /** base [B, T, V] with {@code add} [B, T, n] added on ids first .. first + n - 1. */
  private static NDArray splice(NDArray base, int first, int n, NDArray add) {
    long v = base.getShape().get(2);
    NDList parts = new NDList(3);
    if (first > 0) {
      parts.add(base.get(":, :, 0:{}", first));
    }
    parts.add(base.get(":, :, {}:{}", first, first + n).add(add));
    if (first + n < v) {
      parts.add(base.get(":, :, {}:", first + n));
    }
    return NDArrays.concat(parts, 2);
  }

  private void checkTargetLength(int t) {
    if (t > config.maxTargetLength()) {
      throw new IllegalArgumentException("decoder length " + t + " exceeds maxTargetLength "
          + config.maxTargetLength() + " of config '" + config.name() + "'");
    }
  }

  private NDArray drop(NDArray x, boolean training) {
    return training && config.dropout() > 0f
        ? Dropout.dropout(x, config.dropout(), true).singletonOrThrow() : x;
  }

  /** Row-major [t, t] additive causal mask: 0 on and below the diagonal, -1e9 above. */
  static float[] causalBias(int t) {
    float[] b = new float[t * t];
    for (int i = 0; i < t; i++) {
      for (int j = i + 1; j < t; j++) {
        b[i * t + j] = -1e9f;
      }
    }
    return b;
  }
}
