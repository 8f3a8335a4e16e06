package io.florets.dataengine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The voters of one data-engine round: how much each labeler (the model included from round 1)
 * said, and the label model's estimate of each voter's accuracy per facet.
 *
 * @param labelers per labeler name, in voter order
 * @param labelModelAccuracies per facet token, per voter name, the estimated accuracy
 */
public record VoterAnalysis(Map<String, Coverage> labelers,
    Map<String, Map<String, Double>> labelModelAccuracies) {
  /** Copies the maps, keeping their order. */
  public VoterAnalysis {
    labelers = Collections.unmodifiableMap(new LinkedHashMap<>(labelers));
    labelModelAccuracies = Collections.unmodifiableMap(new LinkedHashMap<>(labelModelAccuracies));
  }

  /**
   * What one labeler said.
   *
   * @param coverage share of windows where it said something (4 decimals)
   * @param outputs annotations it gave
   */
  public record Coverage(Double coverage, long outputs) {
  }
}
