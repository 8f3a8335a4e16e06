package io.florets.engine.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;
import io.florets.engine.EngineModel;
import io.florets.engine.FrontEndBatch;
import io.florets.engine.GradMode;
import io.florets.engine.TokenArrays;
import io.florets.engine.nn.EncoderDecoder;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Teacher-forced training of an {@link EngineModel}: per step a child {@link NDManager} and an
 * {@link NDScope} (memory stays flat), label-smoothed cross-entropy over the target tokens plus an
 * optional {@link AuxiliaryLoss}, global-norm clipping, {@link AdamW}, warm-up + cosine schedule.
 * The engine RNG (dropout) is reseeded from {@code (seed, step)} at every step and the batch is a
 * function of the step, so a resumed run reproduces an uninterrupted one.
 *
 * <p>Not thread-safe; do not run inference on the same model while a step runs.
 *
 * @param <I> the front end's input type
 */
public final class Trainer<I> implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

  private final EngineModel<I> model;
  private final TrainConfig config;
  private final BatchSource<I> source;
  private final List<TrainingBatch<I>> validation;
  private final TrainingListener listener;
  private final AuxiliaryLoss<I> auxiliary;
  private final List<String> names = new ArrayList<>();
  private final List<NDArray> weights = new ArrayList<>();
  private final AdamW optimizer;
  private final MetricsLog metrics;
  private long step;
  private long skippedSteps;
  private int consecutiveSkips;
  private long forwardBackwardNanos;
  private long updateNanos;
  private double bestValidationLoss = Double.POSITIVE_INFINITY;
  private int evalsWithoutImprovement;

  private Trainer(Builder<I> b) {
    this.model = b.model;
    this.config = b.config;
    this.source = b.source;
    this.validation = List.copyOf(b.validation);
    this.listener = b.listener;
    this.auxiliary = b.auxiliary;
    for (Pair<String, Parameter> p : model.network().getParameters()) {
      names.add(p.getKey());
      weights.add(p.getValue().getArray());
    }
    this.optimizer = new AdamW(model.manager(), names, weights, config);
    this.metrics = MetricsLog.open(config.metricsLog().orElse(null));
  }

  /** A builder for training {@code model} on {@code source}. */
  public static <I> Builder<I> builder(EngineModel<I> model, TrainConfig config,
      BatchSource<I> source) {
    return new Builder<>(model, config, source);
  }

  /** Steps done so far (0 for a fresh trainer, the saved count after {@link #loadState}). */
  public long stepsDone() {
    return step;
  }

  /** The model being trained. */
  public EngineModel<I> model() {
    return model;
  }

  /** The run's settings. */
  public TrainConfig config() {
    return config;
  }

  /** The batch source (its data hash goes into provenance). */
  public BatchSource<I> source() {
    return source;
  }

  /**
   * Trains until {@code config.steps()} steps are done or early stopping triggers.
   *
   * @return the outcome: steps done, last training loss, last validation figures
   */
  public TrainingResult fit() {
    return fitUntil(config.steps());
  }

  /** Trains until {@code untilStep} steps are done (at most the configured steps). */
  public TrainingResult fitUntil(long untilStep) {
    long end = Math.min(untilStep, config.steps());
    double lastLoss = Double.NaN;
    TrainingListener.ValidationMetrics lastVal = null;
    boolean stoppedEarly = false;
    long started = System.nanoTime();
    while (step < end) {
      lastLoss = step();
      boolean validateNow = config.validateEvery() > 0 && !validation.isEmpty()
          && (step % config.validateEvery() == 0 || step == config.steps());
      if (validateNow) {
        lastVal = validate();
        if (lastVal.tokenAccuracy() >= config.targetTokenAccuracy()) {
          LOG.info("stop at step {}: validation token accuracy {} reached the target {}", step,
              lastVal.tokenAccuracy(), config.targetTokenAccuracy());
          stoppedEarly = true;
          break;
        }
        if (config.patience() > 0 && evalsWithoutImprovement >= config.patience()) {
          LOG.info("early stop at step {}: no validation improvement in {} evaluations", step,
              config.patience());
          stoppedEarly = true;
          break;
        }
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    return new TrainingResult(step, lastLoss, lastVal == null ? Double.NaN : lastVal.loss(),
        lastVal == null ? Double.NaN : lastVal.tokenAccuracy(), stoppedEarly, seconds);
  }

  /** Runs one optimisation step and returns its loss. */
  public double step() {
    TrainingBatch<I> batch = source.batch(step);
    Objects.requireNonNull(batch, "batch source returned null for step " + step);
    FrontEndBatch fb = model.prepare(batch.inputs(), batch.prompts());
    double lr = config.learningRate(step);
    long t0 = System.nanoTime();
    Engine.getInstance().setRandomSeed(EngineModel.seedInt(config.seed() * 1_000_003L + step));
    double lossValue;
    double norm;
    try (NDManager m = model.manager().newSubManager(); NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      NDArray loss;
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        loss = forwardLoss(m, fb, batch);
        gc.backward(loss);
      }
      GradMode.off();
      lossValue = loss.getFloat();
      long t1 = System.nanoTime();
      forwardBackwardNanos += t1 - t0;
      List<NDArray> grads = new ArrayList<>(weights.size());
      NDList squares = new NDList(weights.size());
      for (NDArray w : weights) {
        NDArray g = w.getGradient();
        grads.add(g);
        squares.add(g.square().sum());
      }
      norm = Math.sqrt(NDArrays.stack(squares).sum().getFloat());
      boolean applied = Double.isFinite(lossValue) && Double.isFinite(norm);
      if (!applied) {
        skipStep(lossValue, norm, grads);
      } else {
        consecutiveSkips = 0;
        double scale = config.clipNorm() > 0 && norm > config.clipNorm()
            ? config.clipNorm() / (norm + 1e-6) : 1.0;
        optimizer.update(grads, lr, scale, step + 1);
      }
      for (NDArray w : weights) {
        JniUtils.zeroGrad((PtNDArray) w);
      }
      if (auxiliary != null && config.auxiliaryWeight() > 0) {
        auxiliary.afterUpdate(applied, lr, step + 1);
      }
      updateNanos += System.nanoTime() - t1;
    }
    step++;
    double tps = batch.targetTokens() / ((System.nanoTime() - t0) / 1e9);
    TrainingListener.StepMetrics sm = new TrainingListener.StepMetrics(step, config.steps(),
        lossValue, lr, norm, tps);
    metrics.step(sm);
    listener.onStep(sm);
    if (step % config.logEvery() == 0) {
      LOG.info("step {}/{} loss {} lr {} tokens/s {}", step, config.steps(),
          String.format("%.4f", lossValue), String.format("%.2e", lr), Math.round(tps));
    }
    return lossValue;
  }

  /**
   * A step whose loss or gradient is not finite leaves the weights and moments untouched (as
   * loss-scaling trainers do); five in a row mean the run has diverged.
   */
  private void skipStep(double lossValue, double norm, List<NDArray> grads) {
    consecutiveSkips++;
    skippedSteps++;
    StringBuilder bad = new StringBuilder();
    for (int i = 0; i < grads.size() && bad.length() < 200; i++) {
      if (!Float.isFinite(grads.get(i).abs().max().getFloat())) {
        bad.append(names.get(i)).append(' ');
      }
    }
    LOG.warn("step {} skipped: loss {} gradient norm {} (non-finite gradients: {})", step,
        lossValue, norm, bad.toString().trim());
    if (consecutiveSkips >= 5) {
      throw new IllegalStateException("training diverged: " + consecutiveSkips
          + " consecutive steps with non-finite loss or gradients up to step " + step
          + " (last loss " + lossValue + ", learning rate " + config.learningRate(step) + ")");
    }
  }

  /** Mean wall time of forward + backward per step so far, in ms. */
  public double forwardBackwardMsPerStep() {
    return step == 0 ? Double.NaN : forwardBackwardNanos / 1e6 / step;
  }

  /** Mean wall time of clipping + optimizer update per step so far, in ms. */
  public double updateMsPerStep() {
    return step == 0 ? Double.NaN : updateNanos / 1e6 / step;
  }

  /** Steps whose update was skipped because the loss or a gradient was not finite. */
  public long skippedSteps() {
    return skippedSteps;
  }

  private NDArray forwardLoss(NDManager m, FrontEndBatch fb, TrainingBatch<I> batch) {
    EncoderDecoder net = model.network();
    NDArray[] p = TokenArrays.prompts(m, batch.prompts(), model.vocab(), model.config());
    NDArray[] t = TokenArrays.targets(m, batch.targets(), model.vocab(), model.config());
    EncoderDecoder.Encoded enc = net.encode(fb.toNDList(m), p[0], p[1], true);
    NDArray hidden = net.decode(enc, net.memoryKv(enc), t[0], true);
    NDArray loss = config.ordinalSigma() > 0
        ? Losses.softOrdinalCrossEntropy(net.logits(hidden, enc), t[1], t[2], config.labelSmoothing(),
            config.ordinalFirstId(), config.ordinalCount(), config.ordinalSigma())
        : Losses.smoothedCrossEntropy(net.logits(hidden, enc), t[1], t[2], config.labelSmoothing());
    int[][] dense = batch.denseLabels();
    if (dense != null && config.denseWeight() > 0 && net.denseClasses() > 0) {
      loss = loss.add(denseLoss(m, net.denseLogits(enc), dense).mul((float) config.denseWeight()));
    }
    if (auxiliary != null && config.auxiliaryWeight() > 0) {
      AuxContext ctx = new AuxContext(m, enc);
      NDArray aux = auxiliary.loss(batch, ctx);
      loss = loss.add(aux.mul((float) config.auxiliaryWeight()));
    }
    return loss;
  }

  /**
   * Mean cross-entropy of dense logits [B, S, K] against per-row labels (-1 = none; rows shorter
   * than S are padded with -1).
   */
  static NDArray denseLoss(NDManager m, NDArray logits, int[][] labels) {
    int b = (int) logits.getShape().get(0);
    int s = (int) logits.getShape().get(1);
    long[] flat = new long[b * s];
    float[] mask = new float[b * s];
    for (int i = 0; i < b; i++) {
      for (int j = 0; j < s; j++) {
        int l = j < labels[i].length ? labels[i][j] : -1;
        if (l >= 0) {
          flat[i * s + j] = l;
          mask[i * s + j] = 1f;
        }
      }
    }
    NDArray lab = m.create(flat, new ai.djl.ndarray.types.Shape(b, s, 1));
    NDArray msk = m.create(mask, new ai.djl.ndarray.types.Shape(b, s));
    NDArray nll = logits.logSoftmax(2).gather(lab, 2).squeeze(2).neg();       // [B, S]
    return nll.mul(msk).sum().div(msk.sum().maximum(1f));
  }

  /** Validation loss and token accuracy over the validation batches (no gradients, no dropout). */
  public TrainingListener.ValidationMetrics validate() {
    double sum = 0;
    double correct = 0;
    double tokens = 0;
    boolean prev = GradMode.off();
    try {
      for (TrainingBatch<I> batch : validation) {
        FrontEndBatch fb = model.prepare(batch.inputs(), batch.prompts());
        try (NDManager m = model.manager().newSubManager(); NDScope scope = new NDScope()) {
          scope.suppressNotUsedWarning();
          EncoderDecoder net = model.network();
          NDArray[] p = TokenArrays.prompts(m, batch.prompts(), model.vocab(), model.config());
          NDArray[] t = TokenArrays.targets(m, batch.targets(), model.vocab(), model.config());
          EncoderDecoder.Encoded enc = net.encode(fb.toNDList(m), p[0], p[1], false);
          NDArray logits = net.logits(net.decode(enc, net.memoryKv(enc), t[0], false), enc);
          double[] r = Losses.crossEntropySumAndCorrect(logits, t[1], t[2]);
          sum += r[0];
          correct += r[1];
          tokens += r[2];
        }
      }
    } finally {
      GradMode.restore(prev);
    }
    double loss = sum / Math.max(1, tokens);
    boolean improved = loss < bestValidationLoss - 1e-9;
    if (improved) {
      bestValidationLoss = loss;
      evalsWithoutImprovement = 0;
    } else {
      evalsWithoutImprovement++;
    }
    TrainingListener.ValidationMetrics vm = new TrainingListener.ValidationMetrics(step, loss,
        correct / Math.max(1, tokens), improved);
    metrics.validation(vm);
    listener.onValidation(vm);
    LOG.info("validation at step {}: loss {} token accuracy {}", step,
        String.format("%.4f", loss), String.format("%.4f", vm.tokenAccuracy()));
    return vm;
  }

  /** Writes the optimizer moments and counters (the model's parameters are saved separately). */
  public void saveState(DataOutputStream out) throws IOException {
    out.writeLong(step);
    out.writeDouble(bestValidationLoss);
    out.writeInt(evalsWithoutImprovement);
    optimizer.save(out);
  }

  /** Restores what {@link #saveState} wrote. */
  public void loadState(DataInputStream in, String source) throws IOException {
    long s = in.readLong();
    if (s < 0 || s > config.steps()) {
      throw new IOException(source + ": saved step " + s + " is outside [0, " + config.steps()
          + "] of this run");
    }
    double best = in.readDouble();
    int evals = in.readInt();
    optimizer.load(in, source);
    step = s;
    bestValidationLoss = best;
    evalsWithoutImprovement = evals;
  }

  @Override
  public void close() {
    optimizer.close();
    metrics.close();
  }

  private final class AuxContext implements AuxiliaryLoss.Context<I> {
    private final NDManager manager;
    private final EncoderDecoder.Encoded encoded;

    AuxContext(NDManager manager, EncoderDecoder.Encoded encoded) {
      this.manager = manager;
      this.encoded = encoded;
    }

    @Override
    public NDManager manager() {
      return manager;
    }

    @Override
    public NDArray batchEmbedding() {
      return model.network().embed(encoded);
    }

    @Override
    public NDArray embed(List<I> inputs, int[][] prompts) {
      FrontEndBatch fb = model.prepare(inputs, prompts);
      NDArray[] p = TokenArrays.prompts(manager, prompts, model.vocab(), model.config());
      return model.network().embed(model.network().encode(fb.toNDList(manager), p[0], p[1], true));
    }

    @Override
    public AuxiliaryLoss.Encoding encode(List<I> inputs, int[][] prompts) {
      FrontEndBatch fb = model.prepare(inputs, prompts);
      NDList front = fb.toNDList(manager);
      NDArray[] p = TokenArrays.prompts(manager, prompts, model.vocab(), model.config());
      NDArray memory = model.network().encode(front, p[0], p[1], true).memory();
      return new AuxiliaryLoss.Encoding(memory, front, (int) p[0].getShape().get(1));
    }
  }

  /** Builder of a {@link Trainer}. */
  public static final class Builder<I> {
    private final EngineModel<I> model;
    private final TrainConfig config;
    private final BatchSource<I> source;
    private List<TrainingBatch<I>> validation = List.of();
    private TrainingListener listener = new TrainingListener() { };
    private AuxiliaryLoss<I> auxiliary;

    private Builder(EngineModel<I> model, TrainConfig config, BatchSource<I> source) {
      this.model = Objects.requireNonNull(model, "model");
      this.config = Objects.requireNonNull(config, "config");
      this.source = Objects.requireNonNull(source, "source");
    }

    /** Fixed validation batches (evaluated every {@code validateEvery} steps). */
    public Builder<I> validation(List<TrainingBatch<I>> batches) {
      validation = List.copyOf(batches);
      return this;
    }

    /** Progress callbacks. */
    public Builder<I> listener(TrainingListener l) {
      listener = Objects.requireNonNull(l, "listener");
      return this;
    }

    /** An extra loss (e.g. contrastive on embeddings), weighted by the auxiliary weight. */
    public Builder<I> auxiliaryLoss(AuxiliaryLoss<I> loss) {
      auxiliary = loss;
      return this;
    }

    /** Builds the trainer (creates the optimizer state). */
    public Trainer<I> build() {
      return new Trainer<>(this);
    }
  }
}
