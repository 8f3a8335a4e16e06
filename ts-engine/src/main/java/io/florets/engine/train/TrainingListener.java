package io.florets.engine.train;

/** Progress callbacks of a {@link Trainer}, called on the training thread. Defaults do nothing. */
public interface TrainingListener {

  /** After every optimisation step. */
  default void onStep(StepMetrics metrics) {
  }

  /**
   * After a step of a run with several auxiliary objectives: each one's unweighted loss at that
   * step, by name (called by trainers that combine them, such as the multitask trainer).
   */
  default void onObjectives(long step, java.util.Map<String, Double> losses) {
  }

  /** After every validation. */
  default void onValidation(ValidationMetrics metrics) {
  }

  /**
   * Metrics of one step.
   *
   * @param step 1-based count of steps done
   * @param totalSteps planned steps
   * @param loss training loss (label-smoothed CE plus the weighted auxiliary loss)
   * @param learningRate the rate used in this step
   * @param gradNorm global gradient norm before clipping
   * @param tokensPerSecond target tokens per second of this step
   */
  record StepMetrics(long step, long totalSteps, double loss, double learningRate, double gradNorm,
      double tokensPerSecond) { }

  /**
   * Metrics of one validation.
   *
   * @param step steps done when validated
   * @param loss mean cross-entropy (no smoothing) per target token
   * @param tokenAccuracy fraction of target tokens (EOS included) predicted exactly (argmax)
   * @param improved true if the loss is the best so far
   */
  record ValidationMetrics(long step, double loss, double tokenAccuracy, boolean improved) { }
}
