package io.florets.engine.train;

import ai.djl.ndarray.NDArray;

/** Sequence losses over logits [B, T, V], int64 labels [B, T] and a float label mask [B, T]. */
public final class Losses {
  private Losses() {
  }

  /**
   * Label-smoothed cross-entropy per real target token: the target distribution is
   * {@code (1 - eps) * onehot + eps / V}; returns the scalar mean over masked tokens.
   */
  public static NDArray smoothedCrossEntropy(NDArray logits, NDArray labels, NDArray mask,
      double eps) {
    NDArray logp = logits.logSoftmax(2);                                        // [B, T, V]
    NDArray picked = logp.gather(labels.expandDims(2), 2).squeeze(2);           // [B, T]
    NDArray perToken = picked.mul((float) -(1 - eps));
    if (eps > 0) {
      perToken = perToken.sub(logp.mean(new int[] {2}).mul((float) eps));       // [B, T]
    }
    return perToken.mul(mask).sum().div(mask.sum().maximum(1f));
  }

  /** Plain cross-entropy per real token (sum, not mean) and the number of correct argmax tokens. */
  public static double[] crossEntropySumAndCorrect(NDArray logits, NDArray labels, NDArray mask) {
    NDArray logp = logits.logSoftmax(2);
    NDArray nll = logp.gather(labels.expandDims(2), 2).squeeze(2).neg();       // [B, T]
    double sum = nll.mul(mask).sum().getFloat();
    NDArray correct = logits.argMax(2).eq(labels).toType(mask.getDataType(), false).mul(mask);
    return new double[] {sum, correct.sum().getFloat(), mask.sum().getFloat()};
  }
}
