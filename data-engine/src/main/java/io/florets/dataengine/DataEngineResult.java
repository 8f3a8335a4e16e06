package io.florets.dataengine;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.florets.dataengine.train.TrainSummary;
import io.florets.datasets.DenseDataset;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The outcome of a {@link DataEngine} run. Jackson writes it as {@code {"rounds": [...],
 * "training": [...]}} (the labeled data is not part of the JSON).
 *
 * @param rounds one report per round, round 0 first
 * @param labeled the input windows with the final targets added (source {@code consensus}; human
 *     labels and the input's other annotations are kept)
 * @param training one summary per training run, in order
 */
public record DataEngineResult(List<RoundReport> rounds, @JsonIgnore DenseDataset labeled,
    @JsonIgnore List<TrainSummary> training) {
  /** Copies the lists. */
  public DataEngineResult {
    rounds = List.copyOf(rounds);
    training = List.copyOf(training);
  }

  /** The training runs as reported: losses to 4 decimals, seconds to 1, tasks sorted. */
  @JsonProperty("training")
  public List<TrainingFigures> trainingFigures() {
    return training.stream().map(s -> new TrainingFigures(s.steps(),
        Math.round(s.meanLastLoss() * 1e4) / 1e4, Math.round(s.seconds() * 10) / 10.0, s.windows(),
        new TreeMap<>(s.examplesPerTask()))).toList();
  }

  /**
   * One training run as reported.
   *
   * @param steps optimisation steps
   * @param meanLastLoss mean loss over the last steps, 4 decimals
   * @param seconds wall-clock seconds, 1 decimal
   * @param windows windows that gave examples
   * @param examplesPerTask examples per task name, sorted by name
   */
  public record TrainingFigures(long steps, double meanLastLoss, double seconds, int windows,
      SortedMap<String, Integer> examplesPerTask) {
  }
}
