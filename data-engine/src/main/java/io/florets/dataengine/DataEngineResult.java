package io.florets.dataengine;

import io.florets.datasets.DenseDataset;
import io.florets.dataengine.train.TrainSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a {@link DataEngine} run.
 *
 * @param rounds one report per round, round 0 first
 * @param labeled the input windows with the final targets added (source {@code consensus}; human
 *     labels and the input's other annotations are kept)
 * @param training one summary per training run, in order
 */
public record DataEngineResult(List<RoundReport> rounds, DenseDataset labeled,
    List<TrainSummary> training) {
  /** Copies the lists. */
  public DataEngineResult {
    rounds = List.copyOf(rounds);
    training = List.copyOf(training);
  }

  /** The run as nested maps for JSON: {@code {"rounds": [...], "training": [...]}}. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    List<Object> rs = new ArrayList<>();
    rounds.forEach(r -> rs.add(r.toMap()));
    m.put("rounds", rs);
    List<Object> ts = new ArrayList<>();
    for (TrainSummary s : training) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("steps", s.steps());
      t.put("meanLastLoss", Math.round(s.meanLastLoss() * 1e4) / 1e4);
      t.put("seconds", Math.round(s.seconds() * 10) / 10.0);
      t.put("windows", s.windows());
      t.put("examplesPerTask", new java.util.TreeMap<>(s.examplesPerTask()));
      ts.add(t);
    }
    m.put("training", ts);
    return m;
  }
}
