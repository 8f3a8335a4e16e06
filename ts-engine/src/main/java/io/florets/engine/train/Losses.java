package io.florets.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

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

  /**
   * {@link #smoothedCrossEntropy} where targets in the ordinal run {@code [firstId, firstId + count)}
   * are a Gaussian of standard deviation {@code sigma} tokens over the run, centred on the target
   * (normalised to 1 within the run, then smoothed by {@code eps} like every target); other targets
   * are one-hot. The labels are read once to build the soft targets of the ordinal positions only.
   */
  public static NDArray softOrdinalCrossEntropy(NDArray logits, NDArray labels, NDArray mask, double eps,
      int firstId, int count, double sigma) {
    long[] lab = labels.toLongArray();
    long[] shape = labels.getShape().getShape();
    int b = (int) shape[0];
    int t = (int) shape[1];
    float[] ord = new float[b * t];
    boolean any = false;
    for (int i = 0; i < lab.length; i++) {
      if (lab[i] >= firstId && lab[i] < firstId + count) {
        ord[i] = 1f;
        any = true;
      }
    }
    if (!any) {
      return smoothedCrossEntropy(logits, labels, mask, eps);
    }
    int reach = (int) Math.ceil(4 * sigma);
    float[] kernel = new float[2 * reach + 1];
    for (int d = -reach; d <= reach; d++) {
      kernel[d + reach] = (float) Math.exp(-0.5 * d * d / (sigma * sigma));
    }
    float[] soft = new float[b * t * count];
    for (int i = 0; i < lab.length; i++) {
      if (ord[i] == 0f) {
        continue;
      }
      int k = (int) (lab[i] - firstId);
      int lo = Math.max(0, k - reach);
      int hi = Math.min(count - 1, k + reach);
      double z = 0;
      for (int j = lo; j <= hi; j++) {
        z += kernel[j - k + reach];
      }
      for (int j = lo; j <= hi; j++) {
        soft[i * count + j] = (float) (kernel[j - k + reach] / z);
      }
    }
    NDManager m = logits.getManager();
    NDArray logp = logits.logSoftmax(2);                                        // [B, T, V]
    NDArray picked = logp.gather(labels.expandDims(2), 2).squeeze(2).neg();    // [B, T]
    NDArray run = logp.get(new NDIndex(":, :, {}:{}", firstId, firstId + count)); // [B, T, C]
    NDArray softNll = run.mul(m.create(soft, new Shape(b, t, count))).sum(new int[] {2}).neg();
    NDArray isOrd = m.create(ord, new Shape(b, t));
    NDArray perToken = picked.mul(isOrd.neg().add(1f)).add(softNll.mul(isOrd)).mul((float) (1 - eps));
    if (eps > 0) {
      perToken = perToken.sub(logp.mean(new int[] {2}).mul((float) eps));
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
