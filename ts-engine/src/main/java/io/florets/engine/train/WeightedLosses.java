package io.florets.engine.train;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several auxiliary objectives as one: the sum of each term's loss times its weight. Every term
 * sees the same batch and context and is told of every update. Not thread-safe.
 *
 * @param <I> the front end's input type
 */
public final class WeightedLosses<I> implements AuxiliaryLoss<I> {
  private final List<Term<I>> terms;
  private final Map<String, Double> last = new LinkedHashMap<>();

  /**
   * One weighted objective.
   *
   * @param name what it is called in logs (e.g. {@code "jepa"})
   * @param loss the objective
   * @param weight its factor (&gt; 0)
   */
  public record Term<I>(String name, AuxiliaryLoss<I> loss, double weight) {
    /** Validates. */
    public Term {
      if (!(weight > 0) || Double.isInfinite(weight)) {
        throw new IllegalArgumentException("weight of objective '" + name
            + "' must be finite and > 0, got " + weight);
      }
    }
  }

  /** The sum of {@code terms} (at least one). */
  public WeightedLosses(List<Term<I>> terms) {
    if (terms.isEmpty()) {
      throw new IllegalArgumentException("no objective given");
    }
    this.terms = List.copyOf(terms);
  }

  @Override
  public NDArray loss(TrainingBatch<I> batch, Context<I> context) {
    NDArray sum = null;
    for (Term<I> t : terms) {
      NDArray l = t.loss().loss(batch, context);
      last.put(t.name(), (double) l.getFloat());
      NDArray w = l.mul((float) t.weight());
      sum = sum == null ? w : sum.add(w);
    }
    return sum;
  }

  @Override
  public void afterUpdate(boolean applied, double learningRate, long step) {
    for (Term<I> t : terms) {
      t.loss().afterUpdate(applied, learningRate, step);
    }
  }

  /** Each term's unweighted loss at the last step, by name (empty before the first). */
  public Map<String, Double> lastLosses() {
    return Map.copyOf(last);
  }
}
