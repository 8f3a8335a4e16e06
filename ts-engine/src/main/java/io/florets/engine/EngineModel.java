package io.florets.engine;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.florets.engine.checkpoint.ArrayIO;
import io.florets.engine.decode.DecodeOptions;
import io.florets.engine.decode.Decoded;
import io.florets.engine.decode.Generator;
import io.florets.engine.nn.EncoderDecoder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A Florence-style encoder-decoder over one {@link FrontEnd}: the object that the facade builds,
 * trains ({@code io.florets.engine.train.Trainer}), asks ({@link #decode}), embeds
 * ({@link #embed}) and saves ({@code io.florets.engine.checkpoint.Checkpoints}).
 *
 * <p>Thread-safety: inference methods may be called concurrently from any thread (each call works
 * in its own child {@link NDManager}, with gradient recording off on the calling thread); training
 * must not run while inference runs. Close it to free native memory.
 *
 * @param <I> the front end's input type
 */
public final class EngineModel<I> implements AutoCloseable {
  private final EngineConfig config;
  private final FrontEnd<I> frontEnd;
  private final VocabSpec vocab;
  private final long seed;
  private final NDManager manager;
  private final EncoderDecoder network;

  private EngineModel(EngineConfig config, FrontEnd<I> frontEnd, VocabSpec vocab, long seed) {
    if (frontEnd.dModel() != config.dModel()) {
      throw new IllegalArgumentException("front end '" + frontEnd.kind() + "' makes tokens of width "
          + frontEnd.dModel() + " but config '" + config.name() + "' has dModel "
          + config.dModel());
    }
    this.config = config;
    this.frontEnd = frontEnd;
    this.vocab = vocab;
    this.seed = seed;
    this.manager = NDManager.newBaseManager();
    this.network = new EncoderDecoder(config, vocab.size(), frontEnd.createBlock(),
        vocab.ordinalFirstId(), vocab.ordinalBins(), vocab.numberSignIds());
    Engine.getInstance().setRandomSeed(seedInt(seed));
    network.initialize(manager, DataType.FLOAT32);
    for (Pair<String, Parameter> p : network.getParameters()) {
      p.getValue().getArray().setRequiresGradient(true);
    }
  }

  /**
   * A freshly initialised model (parameters drawn from the engine's RNG seeded with {@code seed};
   * creating two models concurrently interleaves that RNG, so create them on one thread).
   */
  public static <I> EngineModel<I> create(EngineConfig config, FrontEnd<I> frontEnd,
      VocabSpec vocab, long seed) {
    return new EngineModel<>(Objects.requireNonNull(config, "config"),
        Objects.requireNonNull(frontEnd, "frontEnd"), Objects.requireNonNull(vocab, "vocab"), seed);
  }

  /**
   * A copy of this model over a larger vocabulary whose first {@code vocab().size()} ids are this
   * model's ids (a prefix extension, e.g. class names appended by the tokenizer). Every parameter
   * is copied; a vocabulary-sized parameter (the token embedding {@code [V, d]}, tied with the
   * output projection) gets this model's rows in its first rows, and each new row is the mean of
   * the existing rows plus Gaussian noise of standard deviation {@value #NEW_ROW_NOISE}.
   *
   * <p>Why the mean: with tied embeddings a new token's logit is {@code h . e_new}, so at the mean
   * row every new token scores the average of the old logits for any hidden state: the new tokens
   * start neutral (never preferred over what the model already predicts, never far below it) and
   * training pulls them apart; the small noise breaks the tie between the new tokens. A random row
   * at the initializer's scale would instead give the new tokens arbitrary logits near 0, which in
   * a trained model can sit above or far below the competing tokens. The logits of the old ids are
   * unchanged, so the copy answers exactly like this model wherever a grammar allows old ids only.
   *
   * @param larger the extended vocabulary (same pad/BOS/EOS ids, size &ge; this one's)
   * @param noiseSeed seed of the new rows' noise
   * @return a new model (the caller closes it; this one is left untouched)
   * @throws IllegalArgumentException if {@code larger} is smaller or moves a special id
   */
  public EngineModel<I> withVocabulary(VocabSpec larger, long noiseSeed) {
    Objects.requireNonNull(larger, "larger");
    if (larger.size() < vocab.size() || larger.padId() != vocab.padId()
        || larger.bosId() != vocab.bosId() || larger.eosId() != vocab.eosId()) {
      throw new IllegalArgumentException("vocabulary " + larger + " does not extend " + vocab
          + ": it must be at least as large and keep the pad/BOS/EOS ids");
    }
    Map<String, Parameter> old = new HashMap<>();
    for (Pair<String, Parameter> p : network.getParameters()) {
      old.put(p.getKey(), p.getValue());
    }
    EngineModel<I> out = new EngineModel<>(config, frontEnd, larger, seed);
    try {
      SplittableRandom rng = new SplittableRandom(noiseSeed);
      for (Pair<String, Parameter> p : out.network.getParameters()) {
        Parameter src = old.get(p.getKey());
        if (src == null) {
          throw new IllegalStateException("parameter '" + p.getKey() + "' has no counterpart");
        }
        long[] from = src.getShape().getShape();
        long[] to = p.getValue().getShape().getShape();
        float[] data = src.getArray().toFloatArray();
        if (!java.util.Arrays.equals(from, to)) {
          if (from.length != 2 || to.length != 2 || from[1] != to[1] || from[0] != vocab.size()
              || to[0] != larger.size()) {
            throw new IllegalStateException("parameter '" + p.getKey() + "' changes shape from "
                + src.getShape() + " to " + p.getValue().getShape() + " with the vocabulary");
          }
          data = extendRows(data, (int) from[0], (int) to[0], (int) from[1], rng);
        }
        ArrayIO.assign(p.getValue().getArray(), data);
      }
      return out;
    } catch (RuntimeException e) {
      out.close();
      throw e;
    }
  }

  /**
   * Copies into this model every parameter of {@code source} with the same name and shape (a
   * warm start: continue a run, or start a model with a new part from one without it). Parameters
   * this model has and {@code source} lacks keep their initial values; a parameter present in both
   * with different shapes, or a different vocabulary, is refused.
   *
   * @return the names of this model's parameters that were not in {@code source} (kept fresh)
   * @throws IllegalArgumentException if the vocabularies differ or a shared name changes shape
   */
  public List<String> copyMatchingFrom(EngineModel<?> source) {
    Objects.requireNonNull(source, "source");
    if (!source.vocab().equals(vocab)) {
      throw new IllegalArgumentException("cannot start from a model with vocabulary "
          + source.vocab() + ": this model's is " + vocab);
    }
    Map<String, Parameter> src = new HashMap<>();
    for (Pair<String, Parameter> p : source.network.getParameters()) {
      src.put(p.getKey(), p.getValue());
    }
    List<String> fresh = new java.util.ArrayList<>();
    for (Pair<String, Parameter> p : network.getParameters()) {
      Parameter from = src.get(p.getKey());
      if (from == null) {
        fresh.add(p.getKey());
        continue;
      }
      if (!from.getShape().equals(p.getValue().getShape())) {
        throw new IllegalArgumentException("parameter '" + p.getKey() + "' has shape "
            + from.getShape() + " in the starting model and " + p.getValue().getShape() + " here");
      }
      ArrayIO.assign(p.getValue().getArray(), from.getArray().toFloatArray());
    }
    return List.copyOf(fresh);
  }

  /**
   * Sets every weight to the mean of that weight over this model and {@code others}: a uniform
   * weight average ("model soup") of models trained from one starting point, which answers like
   * their ensemble at the cost of one model when they stay in one basin.
   *
   * @param others models with this model's vocabulary and the same parameter names and shapes
   * @throws IllegalArgumentException if a vocabulary, a parameter name or a shape differs
   */
  public void averageWith(List<? extends EngineModel<?>> others) {
    Objects.requireNonNull(others, "others");
    List<Map<String, Parameter>> srcs = new java.util.ArrayList<>();
    for (EngineModel<?> o : others) {
      if (!o.vocab().equals(vocab)) {
        throw new IllegalArgumentException("cannot average with a model of vocabulary "
            + o.vocab() + ": this model's is " + vocab);
      }
      Map<String, Parameter> src = new HashMap<>();
      for (Pair<String, Parameter> p : o.network.getParameters()) {
        src.put(p.getKey(), p.getValue());
      }
      srcs.add(src);
    }
    int n = others.size() + 1;
    for (Pair<String, Parameter> p : network.getParameters()) {
      float[] sum = p.getValue().getArray().toFloatArray();
      for (Map<String, Parameter> src : srcs) {
        Parameter from = src.get(p.getKey());
        if (from == null || !from.getShape().equals(p.getValue().getShape())) {
          throw new IllegalArgumentException("parameter '" + p.getKey() + "' of shape "
              + p.getValue().getShape() + " is " + (from == null ? "missing" : "of shape "
              + from.getShape()) + " in a model to average with");
        }
        float[] v = from.getArray().toFloatArray();
        for (int j = 0; j < sum.length; j++) {
          sum[j] += v[j];
        }
      }
      for (int j = 0; j < sum.length; j++) {
        sum[j] /= n;
      }
      ArrayIO.assign(p.getValue().getArray(), sum);
    }
  }

  /** Standard deviation of the noise added to the mean row for each new vocabulary row. */
  public static final double NEW_ROW_NOISE = 0.02;

  /** Row-major {@code [oldRows, cols]} extended to {@code newRows}: mean row plus noise. */
  static float[] extendRows(float[] data, int oldRows, int newRows, int cols,
      SplittableRandom rng) {
    double[] mean = new double[cols];
    for (int r = 0; r < oldRows; r++) {
      for (int c = 0; c < cols; c++) {
        mean[c] += data[r * cols + c];
      }
    }
    float[] out = java.util.Arrays.copyOf(data, newRows * cols);
    for (int r = oldRows; r < newRows; r++) {
      for (int c = 0; c < cols; c++) {
        out[r * cols + c] = (float) (mean[c] / oldRows + NEW_ROW_NOISE * rng.nextGaussian());
      }
    }
    return out;
  }

  /** The 32-bit seed given to the engine for a 64-bit seed. */
  public static int seedInt(long seed) {
    return (int) (seed ^ (seed >>> 32));
  }

  /** The model's shape. */
  public EngineConfig config() {
    return config;
  }

  /** The front end (its config is stored in checkpoints). */
  public FrontEnd<I> frontEnd() {
    return frontEnd;
  }

  /** The vocabulary this model was built for. */
  public VocabSpec vocab() {
    return vocab;
  }

  /** The seed the parameters were initialised with. */
  public long seed() {
    return seed;
  }

  /** The network (for the trainer, checkpoints and benchmarks). */
  public EncoderDecoder network() {
    return network;
  }

  /** The manager that owns the parameters. */
  public NDManager manager() {
    return manager;
  }

  /**
   * Overwrites the one parameter whose name ends with {@code suffix} (for example a front end's
   * {@code readoutWeight}) with {@code values}, laid out as its shape.
   *
   * @throws IllegalArgumentException if no parameter or more than one ends with {@code suffix}, or
   *     the sizes differ
   */
  public void setParameter(String suffix, float[] values) {
    Parameter found = null;
    for (Pair<String, Parameter> p : network.getParameters()) {
      if (p.getKey().endsWith(suffix)) {
        if (found != null) {
          throw new IllegalArgumentException("more than one parameter ends with '" + suffix + "'");
        }
        found = p.getValue();
      }
    }
    if (found == null) {
      throw new IllegalArgumentException("no parameter ends with '" + suffix + "'");
    }
    if (found.getShape().size() != values.length) {
      throw new IllegalArgumentException("parameter '" + suffix + "' has " + found.getShape().size()
          + " values, got " + values.length);
    }
    io.florets.engine.checkpoint.ArrayIO.assign(found.getArray(), values);
  }

  /** Number of scalar parameters, front end included. */
  public long parameterCount() {
    long n = 0;
    for (Pair<String, Parameter> p : network.getParameters()) {
      n += p.getValue().getShape().size();
    }
    return n;
  }

  /**
   * Decodes answers for a batch (greedy when {@code options.beamSize() == 1}, else beam search).
   *
   * @param inputs the front end's inputs, one per row
   * @param prompts prompt token ids per row (non-empty)
   * @return one answer per row: tokens (without BOS/EOS) and per-token log-probabilities
   */
  public List<Decoded> decode(List<? extends I> inputs, int[][] prompts, DecodeOptions options) {
    FrontEndBatch batch = prepare(inputs, prompts);
    return Generator.generate(this, batch, prompts, options);
  }

  /**
   * The embedding readout (pooled encoder state over the window and the prompt, projected and
   * L2-normalised): one {@code embedDim} vector per row.
   */
  public float[][] embed(List<? extends I> inputs, int[][] prompts) {
    FrontEndBatch batch = prepare(inputs, prompts);
    boolean prev = GradMode.off();
    try (NDManager m = manager.newSubManager(); NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      NDArray[] p = TokenArrays.prompts(m, prompts, vocab, config);
      EncoderDecoder.Encoded e = network.encode(batch.toNDList(m), p[0], p[1], false);
      return toRows(network.embed(e));
    } finally {
      GradMode.restore(prev);
    }
  }

  /**
   * Teacher-forced logits {@code [B][T][V]} with decoder input {@code BOS + targets} (T = longest
   * target + 1); for tests and diagnostics.
   */
  public float[][][] teacherForcedLogits(List<? extends I> inputs, int[][] prompts,
      int[][] targets) {
    FrontEndBatch batch = prepare(inputs, prompts);
    boolean prev = GradMode.off();
    try (NDManager m = manager.newSubManager(); NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      NDArray[] p = TokenArrays.prompts(m, prompts, vocab, config);
      NDArray[] t = TokenArrays.targets(m, targets, vocab, config);
      EncoderDecoder.Encoded e = network.encode(batch.toNDList(m), p[0], p[1], false);
      NDArray logits = network.logits(network.decode(e, network.memoryKv(e), t[0], false), e);
      int b = (int) logits.getShape().get(0);
      int tt = (int) logits.getShape().get(1);
      int v = (int) logits.getShape().get(2);
      float[] flat = logits.toFloatArray();
      float[][][] out = new float[b][tt][v];
      for (int i = 0; i < b; i++) {
        for (int j = 0; j < tt; j++) {
          System.arraycopy(flat, (i * tt + j) * v, out[i][j], 0, v);
        }
      }
      return out;
    } finally {
      GradMode.restore(prev);
    }
  }

  /** Validates the row counts and runs the front end's host preparation. */
  public FrontEndBatch prepare(List<? extends I> inputs, int[][] prompts) {
    Objects.requireNonNull(inputs, "inputs");
    Objects.requireNonNull(prompts, "prompts");
    if (inputs.size() != prompts.length) {
      throw new IllegalArgumentException(inputs.size() + " inputs but " + prompts.length
          + " prompts; give one prompt per input");
    }
    return frontEnd.prepare(inputs);
  }

  static float[][] toRows(NDArray a) {
    int r = (int) a.getShape().get(0);
    int c = (int) a.getShape().get(1);
    float[] flat = a.toFloatArray();
    float[][] out = new float[r][c];
    for (int i = 0; i < r; i++) {
      System.arraycopy(flat, i * c, out[i], 0, c);
    }
    return out;
  }

  /** Encodes a prepared batch in {@code m} without recording gradients (caller manages scope). */
  public EncoderDecoder.Encoded encodeForInference(NDManager m, FrontEndBatch batch,
      int[][] prompts) {
    NDArray[] p = TokenArrays.prompts(m, prompts, vocab, config);
    NDList fe = batch.toNDList(m);
    return network.encode(fe, p[0], p[1], false);
  }

  @Override
  public void close() {
    manager.close();
  }
}
