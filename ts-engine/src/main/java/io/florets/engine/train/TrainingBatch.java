package io.florets.engine.train;

import java.util.List;

/**
 * One training batch: front-end inputs, prompt ids and target ids (the answer without BOS/EOS;
 * the trainer adds them), one row per input.
 *
 * @param inputs front-end inputs
 * @param prompts prompt ids per row (non-empty)
 * @param targets answer ids per row (may be empty: the model then learns to emit EOS)
 * @param denseLabels per row, a class per location of the input (for series: per sample; -1 =
 *     no label), the targets of the front end's dense head; null = none for this batch
 * @param <I> the front end's input type
 */
public record TrainingBatch<I>(List<I> inputs, int[][] prompts, int[][] targets,
    int[][] denseLabels) {
  /** A batch without dense labels. */
  public TrainingBatch(List<I> inputs, int[][] prompts, int[][] targets) {
    this(inputs, prompts, targets, null);
  }

  /** Validates that the arrays have the same number of rows and copies them. */
  public TrainingBatch {
    inputs = List.copyOf(inputs);
    if (inputs.isEmpty() || prompts.length != inputs.size() || targets.length != inputs.size()) {
      throw new IllegalArgumentException("a batch needs the same non-zero number of inputs ("
          + inputs.size() + "), prompts (" + prompts.length + ") and targets (" + targets.length
          + ")");
    }
    prompts = deepCopy(prompts);
    targets = deepCopy(targets);
    if (denseLabels != null) {
      if (denseLabels.length != inputs.size()) {
        throw new IllegalArgumentException("a batch of " + inputs.size() + " inputs has "
            + denseLabels.length + " rows of dense labels");
      }
      denseLabels = deepCopy(denseLabels);
    }
  }

  @Override
  public int[][] denseLabels() {
    return denseLabels == null ? null : deepCopy(denseLabels);
  }

  @Override
  public int[][] prompts() {
    return deepCopy(prompts);
  }

  @Override
  public int[][] targets() {
    return deepCopy(targets);
  }

  /** Number of rows. */
  public int size() {
    return inputs.size();
  }

  /** Number of target tokens including one EOS per row (the tokens the loss is taken over). */
  public long targetTokens() {
    long n = 0;
    for (int[] t : targets) {
      n += t.length + 1;
    }
    return n;
  }

  private static int[][] deepCopy(int[][] a) {
    int[][] c = new int[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i].clone();
    }
    return c;
  }
}
