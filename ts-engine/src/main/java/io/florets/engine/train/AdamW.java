package io.florets.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.florets.engine.checkpoint.ArrayIO;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * AdamW (decoupled weight decay) with its moment estimates held as NDArrays so that they can be
 * saved and restored exactly. Weight decay applies to parameters of rank &ge; 2 only (not to biases
 * and norm gains). With {@code g = scale * grad}, {@code m = b1 m + (1-b1) g},
 * {@code v = b2 v + (1-b2) g^2} and bias corrections {@code c1 = 1 - b1^t}, {@code c2 = 1 - b2^t}:
 * {@code w -= lr*sqrt(c2)/c1 * m / (sqrt(v) + eps) + lr*wd*w} (checked against hand-computed numbers
 * in the tests). Not thread-safe.
 */
public final class AdamW implements AutoCloseable {
  private final List<String> names;
  private final List<NDArray> weights;
  private final List<NDArray> first = new ArrayList<>();
  private final List<NDArray> second = new ArrayList<>();
  private final NDManager manager;
  private final double beta1;
  private final double beta2;
  private final double epsilon;
  private final double weightDecay;

  /** Zero moments for {@code weights} (kept in a child of {@code parent}). */
  public AdamW(NDManager parent, List<String> names, List<NDArray> weights, TrainConfig c) {
    this.names = List.copyOf(names);
    this.weights = List.copyOf(weights);
    this.manager = parent.newSubManager();
    this.beta1 = c.beta1();
    this.beta2 = c.beta2();
    this.epsilon = c.epsilon();
    this.weightDecay = c.weightDecay();
    for (NDArray w : weights) {
      first.add(manager.zeros(w.getShape()));
      second.add(manager.zeros(w.getShape()));
    }
  }

  /**
   * One update with gradient arrays in parameter order, at 1-based step {@code t}: one fused native
   * op per parameter (PyTorch engine's Adam kernel in its decoupled-decay mode), which scales the
   * gradient, updates both moments and the weight in place.
   *
   * @param gradScale factor applied to the gradients first (clipping)
   */
  public void update(List<NDArray> grads, double lr, double gradScale, long t) {
    float c1 = (float) (1 - Math.pow(beta1, t));
    float c2 = (float) (1 - Math.pow(beta2, t));
    float corrected = (float) (lr * Math.sqrt(c2) / c1);
    for (int i = 0; i < weights.size(); i++) {
      NDArray w = weights.get(i);
      float wd = w.getShape().dimension() >= 2 ? (float) weightDecay : 0f;
      w.getNDArrayInternal().adamUpdate(
          new NDList(w, grads.get(i), first.get(i), second.get(i)), new NDList(w),
          (float) lr, corrected, wd, (float) gradScale, -1f, (float) beta1, (float) beta2,
          (float) epsilon, true, true);
    }
  }

  /** Writes both moment lists. */
  public void save(DataOutputStream out) throws IOException {
    ArrayIO.write(out, tagged("m."), first);
    ArrayIO.write(out, tagged("v."), second);
  }

  /** Reads both moment lists, checking names and shapes. */
  public void load(DataInputStream in, String source) throws IOException {
    ArrayIO.read(in, source + " (first moments)", tagged("m."), first, false);
    ArrayIO.read(in, source + " (second moments)", tagged("v."), second, true);
  }

  private List<String> tagged(String prefix) {
    List<String> t = new ArrayList<>();
    for (String n : names) {
      t.add(prefix + n);
    }
    return t;
  }

  @Override
  public void close() {
    manager.close();
  }
}
