package io.florets.dataengine;

/**
 * Progress of a {@link DataEngine} run, for a progress bar. Called on the engine's thread.
 */
public interface DataEngineListener {
  /**
   * A phase advanced.
   *
   * @param round the round (0 = labelers and consensus)
   * @param phase {@code "label"}, {@code "train"}, {@code "relabel"} or {@code "merge"}
   * @param done units done in this phase (windows or steps)
   * @param total units of this phase
   */
  default void progress(int round, String phase, long done, long total) {
  }

  /** A round finished with this report. */
  default void roundDone(RoundReport report) {
  }

  /**
   * The rounds are done and the training after the last round is about to start: the model is the
   * last round's, which has not trained on the held-out windows (the final training may, see
   * {@link DataEngineConfig#finalOnAll()}). Not called when there is no final training.
   */
  default void beforeFinalTraining() {
  }
}
