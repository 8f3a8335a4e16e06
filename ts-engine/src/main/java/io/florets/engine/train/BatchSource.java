package io.florets.engine.train;

/**
 * Where training batches come from. The batch of a step must be a pure function of the step index
 * (for example drawn with a random generator seeded by {@code seed + step}): that is what makes a
 * resumed run reach the same weights as an uninterrupted one.
 *
 * @param <I> the front end's input type
 */
public interface BatchSource<I> {

  /** The batch for training step {@code step} (0-based). */
  TrainingBatch<I> batch(long step);

  /**
   * A hash of the data this source draws from, stored in checkpoint provenance; {@code "unknown"}
   * if the source cannot tell.
   */
  default String dataHash() {
    return "unknown";
  }
}
