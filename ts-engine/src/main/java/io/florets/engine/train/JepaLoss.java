package io.florets.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.util.Pair;
import io.florets.datasets.Window;
import io.florets.engine.EngineModel;
import io.florets.engine.FrontEndBatch;
import io.florets.engine.GradMode;
import io.florets.engine.TokenArrays;
import io.florets.engine.series.SeriesFrontEnd;
import io.florets.engine.series.SeriesFrontEndConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * A joint-embedding predictive objective (JEPA): predict, in latent space, what a window's hidden
 * patches look like to a slowly updated copy of the encoder, from the rest of the window. No
 * sample is reconstructed.
 *
 * <p>Per step, for the first {@code rows} distinct windows of the batch:
 * <ol>
 *   <li>a few blocks of consecutive patches, together {@code maskRatio} of the window's patches,
 *       are hidden: their samples become missing (NaN) in a context view, so the front end sees them
 *       as it sees any gap (every statistic of the context view is computed without them);</li>
 *   <li>the model being trained (the context encoder) encodes the context view under
 *       {@code prompt}; the target encoder, an exponential moving average of the model's weights
 *       ({@code target = momentum * target + (1 - momentum) * model} after every update), encodes
 *       the whole window under the same prompt, without gradients;</li>
 *   <li>a predictor (a two-layer perceptron d &rarr; 2d &rarr; d, trained with its own AdamW at the
 *       step's learning rate) maps the context encoder's output at every hidden patch to the target
 *       encoder's output there, layer-normalised; the loss is the mean squared error over the
 *       hidden patches of all channels.</li>
 * </ol>
 *
 * <p>The predictor and the target encoder live only for the run: a run resumed from a snapshot
 * starts them again from the snapshot's weights. Not thread-safe (the trainer calls it from one
 * thread). Close it after training.
 */
public final class JepaLoss implements AuxiliaryLoss<Window>, AutoCloseable {
  private final EngineModel<Window> model;
  private final EngineModel<Window> target;
  private final int[] prompt;
  private final int rows;
  private final double maskRatio;
  private final int blocks;
  private final double momentum;
  private final long seed;
  private final int patchLength;
  private final int stride;
  private final SeriesFrontEndConfig frontEnd;
  private final NDManager manager;
  private final List<NDArray> predictor = new ArrayList<>();
  private final AdamW optimizer;
  private final List<NDArray[]> pairs = new ArrayList<>();
  private long calls;
  private double lastLoss = Double.NaN;

  /**
   * A JEPA objective for {@code model}.
   *
   * @param model the model being trained (its front end must be the series front end)
   * @param prompt the prompt ids both encoders read (e.g. those of {@code <EMBED>})
   * @param rows windows per step (&ge; 1)
   * @param maskRatio share of a window's patches hidden, in (0, 0.9]
   * @param blocks number of blocks the hidden patches come in (&ge; 1)
   * @param momentum of the target encoder's moving average, in [0, 1)
   * @param seed of the masks and of the predictor's initial weights
   * @param optimizerSettings betas, epsilon and weight decay of the predictor's AdamW
   * @throws IllegalArgumentException on a setting out of range or another front end
   */
  public JepaLoss(EngineModel<Window> model, int[] prompt, int rows, double maskRatio, int blocks,
      double momentum, long seed, TrainConfig optimizerSettings) {
    if (!(model.frontEnd() instanceof SeriesFrontEnd sf)) {
      throw new IllegalArgumentException("the JEPA objective needs the series front end, got '"
          + model.frontEnd().kind() + "'");
    }
    if (rows < 1) {
      throw new IllegalArgumentException("JEPA rows must be >= 1, got " + rows);
    }
    if (!(maskRatio > 0 && maskRatio <= 0.9)) {
      throw new IllegalArgumentException("JEPA mask ratio must be in (0, 0.9], got " + maskRatio);
    }
    if (blocks < 1) {
      throw new IllegalArgumentException("JEPA mask blocks must be >= 1, got " + blocks);
    }
    if (!(momentum >= 0 && momentum < 1)) {
      throw new IllegalArgumentException("JEPA target momentum must be in [0, 1), got " + momentum);
    }
    this.model = model;
    this.prompt = prompt.clone();
    this.rows = rows;
    this.maskRatio = maskRatio;
    this.blocks = blocks;
    this.momentum = momentum;
    this.seed = seed;
    this.frontEnd = sf.config();
    this.patchLength = frontEnd.patchLength();
    this.stride = frontEnd.stride();
    this.target = EngineModel.create(model.config(), model.frontEnd(), model.vocab(), seed);
    List<String> fresh = target.copyMatchingFrom(model);
    if (!fresh.isEmpty()) {
      target.close();
      throw new IllegalStateException("the target encoder lacks the model's parameters " + fresh);
    }
    java.util.Map<String, NDArray> online = new java.util.HashMap<>();
    for (Pair<String, Parameter> p : model.network().getParameters()) {
      online.put(p.getKey(), p.getValue().getArray());
    }
    for (Pair<String, Parameter> p : target.network().getParameters()) {
      NDArray t = p.getValue().getArray();
      t.setRequiresGradient(false);
      pairs.add(new NDArray[] {t, online.get(p.getKey())});
    }
    int d = model.config().dModel();
    this.manager = model.manager().newSubManager();
    SplittableRandom r = new SplittableRandom(seed);
    predictor.add(normal(manager, new Shape(d, 2L * d), Math.sqrt(1.0 / d), r));
    predictor.add(manager.zeros(new Shape(2L * d)));
    predictor.add(normal(manager, new Shape(2L * d, d), Math.sqrt(1.0 / (2.0 * d)), r));
    predictor.add(manager.zeros(new Shape(d)));
    for (NDArray w : predictor) {
      w.setRequiresGradient(true);
    }
    this.optimizer = new AdamW(manager, List.of("jepa.w1", "jepa.b1", "jepa.w2", "jepa.b2"),
        predictor, optimizerSettings);
  }

  @Override
  public NDArray loss(TrainingBatch<Window> batch, Context<Window> context) {
    NDManager m = context.manager();
    List<Window> whole = new ArrayList<>();
    for (Window w : batch.inputs()) {
      if (whole.size() < rows && whole.stream().noneMatch(d -> d == w)) {
        whole.add(w);
      }
    }
    Random r = new Random(seed * 1_000_003L + calls++);
    List<Window> sources = new ArrayList<>(whole.size());
    List<Window> views = new ArrayList<>(whole.size());
    List<boolean[]> hiddenPatches = new ArrayList<>(whole.size());
    for (Window w : whole) {
      boolean[] hidden = hiddenPatches(frontEnd.patchesFor(w.length()), r);
      Window view = hide(w, hidden, patchLength, stride);
      if (view != null) {
        sources.add(w);
        views.add(view);
        hiddenPatches.add(hidden);
      }
    }
    if (views.isEmpty()) {
      return m.zeros(new Shape());
    }
    int[][] prompts = new int[views.size()][];
    Arrays.fill(prompts, prompt);
    Encoding ctx = context.encode(views, prompts);
    NDArray targetMemory;
    boolean prev = GradMode.off();
    try {
      FrontEndBatch tb = target.prepare(sources, prompts);
      NDArray[] p = TokenArrays.prompts(m, prompts, target.vocab(), target.config());
      targetMemory = target.network().encode(tb.toNDList(m), p[0], p[1], false).memory();
    } finally {
      GradMode.restore(prev);
    }
    Shape ps = ctx.frontInputs().get(1).getShape();  // patchMask [N, C, P]
    int n = (int) ps.get(0);
    int c = (int) ps.get(1);
    int np = (int) ps.get(2);
    long s = ctx.memory().getShape().get(1);
    long front = s - ctx.promptLength();
    long first = front - (long) c * np;
    float[] hide = new float[n * c * np];
    for (int i = 0; i < n; i++) {
      boolean[] h = hiddenPatches.get(i);
      for (int ch = 0; ch < sources.get(i).channels(); ch++) {
        for (int q = 0; q < h.length; q++) {
          hide[(i * c + ch) * np + q] = h[q] ? 1f : 0f;
        }
      }
    }
    NDArray mask = m.create(hide, new Shape(n, (long) c * np, 1));
    NDArray x = ctx.memory().get(":, {}:{}, :", first, front);               // [N, C*P, d]
    NDArray y = targetMemory.get(":, {}:{}, :", first, front);               // [N, C*P, d]
    NDArray mean = y.mean(new int[] {2}, true);
    NDArray centred = y.sub(mean);
    NDArray goal = centred.div(centred.square().mean(new int[] {2}, true).add(1e-6f).sqrt());
    NDArray hiddenState = Activation.gelu(x.matMul(predictor.get(0)).add(predictor.get(1)));
    NDArray predicted = hiddenState.matMul(predictor.get(2)).add(predictor.get(3));
    NDArray err = predicted.sub(goal).square().mean(new int[] {2}, true).mul(mask);
    NDArray loss = err.sum().div(mask.sum().maximum(1f));
    lastLoss = loss.getFloat();
    return loss;
  }

  @Override
  public void afterUpdate(boolean applied, double learningRate, long step) {
    boolean prev = GradMode.off();
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      if (applied) {
        List<NDArray> grads = new ArrayList<>(predictor.size());
        double sq = 0;
        for (NDArray w : predictor) {
          NDArray g = w.getGradient();
          grads.add(g);
          sq += g.square().sum().getFloat();
        }
        double norm = Math.sqrt(sq);
        if (Double.isFinite(norm)) {
          optimizer.update(grads, learningRate, norm > 1.0 ? 1.0 / (norm + 1e-6) : 1.0, step);
        }
        float keep = (float) momentum;
        for (NDArray[] tw : pairs) {
          tw[0].muli(keep).addi(tw[1].mul(1f - keep));
        }
      }
      for (NDArray w : predictor) {
        JniUtils.zeroGrad((PtNDArray) w);
      }
    } finally {
      GradMode.restore(prev);
    }
  }

  /** The loss of the last step (NaN before the first). */
  public double lastLoss() {
    return lastLoss;
  }

  /** The target encoder (for inspection; do not train it). */
  EngineModel<Window> targetModel() {
    return target;
  }

  /**
   * Which of {@code patches} patches to hide: {@code blocks} runs of consecutive patches at random
   * starts, together about {@code maskRatio} of them (at least one, never all).
   */
  boolean[] hiddenPatches(int patches, Random r) {
    boolean[] h = new boolean[patches];
    if (patches < 2) {
      return h;
    }
    int total = (int) Math.max(1, Math.min(patches - 1, Math.round(maskRatio * patches)));
    int per = Math.max(1, total / blocks);
    int placed = 0;
    for (int b = 0; b < blocks && placed < total; b++) {
      int len = b == blocks - 1 ? total - placed : per;
      int from = r.nextInt(patches - len + 1);
      for (int q = from; q < from + len; q++) {
        h[q] = true;
      }
      placed += len;
    }
    int hidden = 0;
    for (boolean b : h) {
      hidden += b ? 1 : 0;
    }
    if (hidden == patches) {
      h[r.nextInt(patches)] = false;
    }
    return h;
  }

  /**
   * The window with the samples of the hidden patches set missing on every channel, or null when
   * nothing observed would be left. A patch counts as hidden only if all its samples are.
   */
  static Window hide(Window w, boolean[] hidden, int patchLength, int stride) {
    int len = w.length();
    boolean[] gone = new boolean[len];
    for (int q = 0; q < hidden.length; q++) {
      if (hidden[q]) {
        for (int t = q * stride; t < Math.min(len, q * stride + patchLength); t++) {
          gone[t] = true;
        }
      }
    }
    float[][] out = new float[w.channels()][];
    boolean anyValue = false;
    for (int c = 0; c < w.channels(); c++) {
      out[c] = w.channel(c);
      for (int t = 0; t < len; t++) {
        if (gone[t]) {
          out[c][t] = Float.NaN;
        }
        anyValue |= !Float.isNaN(out[c][t]);
      }
    }
    return anyValue ? Window.of(out) : null;
  }

  private static NDArray normal(NDManager m, Shape shape, double sd, SplittableRandom r) {
    float[] v = new float[(int) shape.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (gaussian(r) * sd);
    }
    return m.create(v, shape);
  }

  private static double gaussian(SplittableRandom r) {
    double u = 1.0 - r.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
  }

  @Override
  public void close() {
    optimizer.close();
    manager.close();
    target.close();
  }
}
