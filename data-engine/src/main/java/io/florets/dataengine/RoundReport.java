package io.florets.dataengine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What one round of the data engine did.
 *
 * @param round 0 for labelers + consensus, k &ge; 1 for the rounds with the model
 * @param labelerAnalysis per labeler: coverage and outputs; per facet the label model's
 *     estimated accuracy of each voter (the model included from round 1)
 * @param kept targets kept (machine targets plus human labels)
 * @param dropped targets dropped by consensus
 * @param changed targets that differ from the previous round's (added or removed)
 * @param flagged model disagreements flagged by confident learning
 * @param overridden flagged tags where the model's answer replaced the consensus
 * @param modelQuality per task, the model on the held-out split against the targets it was
 *     trained toward (empty in round 0)
 * @param labelQuality the round's targets against truth ({@code eventF1}, {@code shapeTagAccuracy},
 *     {@code numericScore}, ...); empty when the data has no truth
 * @param seconds wall-clock seconds of the round
 */
public record RoundReport(int round, Map<String, Object> labelerAnalysis, int kept, int dropped,
    int changed, int flagged, int overridden, Map<String, Object> modelQuality,
    Optional<Map<String, Object>> labelQuality, double seconds) {

  /** Copies the maps. */
  public RoundReport {
    labelerAnalysis = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labelerAnalysis));
    modelQuality = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(modelQuality));
  }

  /**
   * The report as nested maps for JSON: the label-quality figures ({@code eventF1},
   * {@code shapeTagAccuracy}, {@code numericScore}) at the top level, {@code null} without truth.
   */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("round", round);
    Map<String, Object> q = labelQuality.orElse(Map.of());
    m.put("eventF1", q.get("eventF1"));
    m.put("shapeTagAccuracy", q.get("shapeTagAccuracy"));
    m.put("numericScore", q.get("numericScore"));
    m.put("targetsKept", kept);
    m.put("targetsDropped", dropped);
    m.put("targetsChanged", changed);
    m.put("flagged", flagged);
    m.put("overridden", overridden);
    m.put("modelQuality", modelQuality);
    m.put("labelQuality", labelQuality.orElse(null));
    m.put("labelerAnalysis", labelerAnalysis);
    m.put("seconds", Math.round(seconds * 10) / 10.0);
    return m;
  }
}
