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
}
