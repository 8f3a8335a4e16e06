package io.florets.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.florets.datasets.Window;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Facet-conditioned supervised contrastive objective: a window embedded under a facet's prompt
 * ({@code <EMBED>} followed by the facet's token, e.g. {@code seasonality}) should lie closer to
 * the windows that share its value of that facet (its positives) than to the others.
 *
 * <p>Per step one facet, in turn: the first {@code rows} distinct windows of the batch whose value
 * of that facet is known are embedded under its prompt (L2-normalised embedding readout) and the
 * loss is the supervised contrastive loss (Khosla et al., 2020): for each window with at least one
 * positive, the mean over its positives p of {@code -log(exp(s_ip / T) / sum_{a != i} exp(s_ia /
 * T))}, averaged over those windows. A step whose windows have no positive pair gives 0.
 *
 * <p>Not thread-safe (the trainer calls it from one thread).
 */
public final class FacetContrastiveLoss implements AuxiliaryLoss<Window> {
  private final List<int[]> prompts;
  private final Function<Window, int[]> labels;
  private final int rows;
  private final float temperature;
  private long calls;

  /**
   * A loss over {@code prompts.size()} facets.
   *
   * @param prompts per facet, the prompt ids its windows are embedded under
   * @param labels per window, its value index for each facet in the order of {@code prompts}
   *     (negative = unknown); null for a window without known facets
   * @param rows windows per step (&ge; 2)
   * @param temperature softmax temperature (&gt; 0), e.g. 0.1
   * @throws IllegalArgumentException if there is no facet or a setting is out of range
   */
  public FacetContrastiveLoss(List<int[]> prompts, Function<Window, int[]> labels, int rows,
      float temperature) {
    if (prompts.isEmpty()) {
      throw new IllegalArgumentException("facet contrastive loss: no facet given");
    }
    if (rows < 2) {
      throw new IllegalArgumentException("facet contrastive rows must be >= 2, got " + rows);
    }
    if (!(temperature > 0)) {
      throw new IllegalArgumentException("temperature must be > 0, got " + temperature);
    }
    this.prompts = prompts.stream().map(int[]::clone).toList();
    this.labels = Objects.requireNonNull(labels, "labels");
    this.rows = rows;
    this.temperature = temperature;
  }

  @Override
  public NDArray loss(TrainingBatch<Window> batch, Context<Window> context) {
    NDManager m = context.manager();
    int facet = (int) (calls++ % prompts.size());
    List<Window> chosen = new ArrayList<>();
    List<Integer> value = new ArrayList<>();
    for (Window w : batch.inputs()) {
      if (chosen.size() >= rows || chosen.stream().anyMatch(d -> d == w)) {
        continue;
      }
      int[] l = labels.apply(w);
      if (l != null && facet < l.length && l[facet] >= 0) {
        chosen.add(w);
        value.add(l[facet]);
      }
    }
    int n = chosen.size();
    float[] positive = new float[n * n];
    float[] anchors = new float[n];
    int withPositive = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i != j && value.get(i).equals(value.get(j))) {
          positive[i * n + j] = 1f;
          anchors[i] = 1f;
        }
      }
      withPositive += (int) anchors[i];
    }
    if (withPositive == 0) {
      return m.zeros(new Shape());
    }
    int[][] p = new int[n][];
    Arrays.fill(p, prompts.get(facet));
    NDArray e = context.embed(chosen, p);                                     // [n, E]
    NDArray self = m.eye(n).mul(1e9f);
    NDArray sim = e.matMul(e.transpose()).div(temperature).sub(self);          // [n, n]
    NDArray logProb = sim.logSoftmax(1);
    NDArray pos = m.create(positive, new Shape(n, n));
    NDArray perAnchor = logProb.mul(pos).sum(new int[] {1})
        .div(pos.sum(new int[] {1}).maximum(1f));                              // [n]
    NDArray has = m.create(anchors, new Shape(n));
    return perAnchor.mul(has).sum().div(-(float) withPositive);
  }
}
