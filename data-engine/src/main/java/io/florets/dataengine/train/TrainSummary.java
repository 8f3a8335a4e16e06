package io.florets.dataengine.train;

import java.util.Map;

/**
 * What a multitask training run did.
 *
 * @param steps optimisation steps done
 * @param finalLoss training loss of the last step (token loss plus weighted auxiliary loss)
 * @param meanLastLoss mean training loss over the last 10% of the steps
 * @param seconds wall-clock seconds of the run
 * @param dataHash hash of the training examples ({@link MultitaskData#hash()})
 * @param windows windows that gave examples
 * @param examplesPerTask examples per task name
 * @param trainConfig the engine's training settings as text
 */
public record TrainSummary(long steps, double finalLoss, double meanLastLoss, double seconds,
    String dataHash, int windows, Map<String, Integer> examplesPerTask, String trainConfig) {
  /** Copies the map. */
  public TrainSummary {
    examplesPerTask = Map.copyOf(examplesPerTask);
  }
}
