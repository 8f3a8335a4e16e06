package io.florets.engine.train;

import ai.djl.ndarray.NDArray;
import io.florets.datasets.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The objective that shapes {@code <EMBED>}: symmetric InfoNCE between two augmented views of the
 * same windows, both embedded under the {@code <EMBED>} prompt. A view is a random crop keeping
 * 80-100% of the window plus Gaussian jitter of 3% of each channel's standard deviation, so the
 * embedding must keep what survives such changes (trend, seasonality, events) and drop the rest.
 *
 * <p>Per step it embeds {@code 2 * rows} views: the first {@code rows} distinct windows of the
 * batch. Loss = mean over rows of {@code -log softmax(sim / temperature)} at the matching view, in
 * both directions. Not thread-safe (the trainer calls it from one thread).
 */
public final class ContrastiveEmbedLoss implements AuxiliaryLoss<Window> {
  private final int[] embedPrompt;
  private final int rows;
  private final float temperature;
  private final long seed;
  private final AtomicLong calls = new AtomicLong();

  /**
   * A loss over {@code rows} windows per step.
   *
   * @param embedPrompt the ids of the {@code <EMBED>} prompt
   * @param rows windows per step (&ge; 2)
   * @param temperature softmax temperature (&gt; 0), e.g. 0.1
   * @param seed seed of the augmentations
   */
  public ContrastiveEmbedLoss(int[] embedPrompt, int rows, float temperature, long seed) {
    if (rows < 2) {
      throw new IllegalArgumentException("contrastive rows must be >= 2, got " + rows);
    }
    if (!(temperature > 0)) {
      throw new IllegalArgumentException("temperature must be > 0, got " + temperature);
    }
    this.embedPrompt = embedPrompt.clone();
    this.rows = rows;
    this.temperature = temperature;
    this.seed = seed;
  }

  @Override
  public NDArray loss(TrainingBatch<Window> batch, Context<Window> context) {
    List<Window> distinct = new ArrayList<>();
    for (Window w : batch.inputs()) {
      if (distinct.size() < rows && distinct.stream().noneMatch(d -> d == w)) {
        distinct.add(w);
      }
    }
    int n = distinct.size();
    if (n < 2) {
      return context.manager().zeros(new ai.djl.ndarray.types.Shape());
    }
    Random r = new Random(seed * 31 + calls.getAndIncrement());
    List<Window> views = new ArrayList<>(2 * n);
    for (int v = 0; v < 2; v++) {
      for (Window w : distinct) {
        views.add(augment(w, r));
      }
    }
    int[][] prompts = new int[2 * n][];
    for (int i = 0; i < prompts.length; i++) {
      prompts[i] = embedPrompt.clone();
    }
    NDArray e = context.embed(views, prompts); // [2n, E], L2-normalised
    NDArray a = e.get("0:" + n);                 // [n, E]
    NDArray b = e.get(n + ":");                  // [n, E]
    NDArray sim = a.matMul(b.transpose()).div(temperature); // [n, n]
    NDArray eye = context.manager().eye(n);
    NDArray ab = sim.logSoftmax(1).mul(eye).sum();
    NDArray ba = sim.logSoftmax(0).mul(eye).sum();
    return ab.add(ba).div(-2f * n);
  }

  /** A random crop (80-100%) with 3% Gaussian jitter; NaN samples stay NaN. */
  static Window augment(Window w, Random r) {
    int len = w.length();
    int keep = Math.max(Math.min(len, 8), (int) Math.round(len * (0.8 + 0.2 * r.nextDouble())));
    int from = len == keep ? 0 : r.nextInt(len - keep + 1);
    float[][] out = new float[w.channels()][keep];
    for (int c = 0; c < w.channels(); c++) {
      float[] x = w.channelView(c);
      double sum = 0;
      double sq = 0;
      int k = 0;
      for (float v : x) {
        if (!Float.isNaN(v)) {
          sum += v;
          sq += (double) v * v;
          k++;
        }
      }
      double mean = k == 0 ? 0 : sum / k;
      double sd = k == 0 ? 0 : Math.sqrt(Math.max(0, sq / k - mean * mean));
      for (int t = 0; t < keep; t++) {
        float v = x[from + t];
        out[c][t] = Float.isNaN(v) ? v : (float) (v + 0.03 * sd * r.nextGaussian());
      }
    }
    boolean anyValue = false;
    for (float[] ch : out) {
      for (float v : ch) {
        anyValue |= !Float.isNaN(v);
      }
    }
    return anyValue ? Window.of(out) : w;
  }
}
