package io.florets.dataengine;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.florets.labelers.eval.Scorecard;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one round of the data engine did. Jackson writes it as the JSON of
 * {@code florets engine --json}: the label-quality headline ({@code eventF1},
 * {@code shapeTagAccuracy}, {@code numericScore}, {@code null} without truth) at the top level,
 * {@code modelQuality} as an empty object in round 0, {@code labelQuality} {@code null} without
 * truth, seconds to one decimal.
 *
 * @param round 0 for labelers + consensus, k &ge; 1 for the rounds with the model
 * @param labelerAnalysis per labeler: coverage and outputs; per facet the label model's
 *     estimated accuracy of each voter (the model included from round 1)
 * @param kept targets kept (machine targets plus human labels)
 * @param dropped targets dropped by consensus
 * @param changed targets that differ from the previous round's (added or removed)
 * @param flagged model disagreements flagged by confident learning
 * @param overridden flagged tags where the model's answer replaced the consensus
 * @param modelQuality the model on the held-out split against the targets it was trained toward
 *     (empty in round 0)
 * @param labelQuality the round's targets against truth; empty when the data has no truth
 * @param seconds wall-clock seconds of the round
 */
@JsonPropertyOrder({"round", "eventF1", "shapeTagAccuracy", "numericScore", "targetsKept",
    "targetsDropped", "targetsChanged", "flagged", "overridden", "modelQuality", "labelQuality",
    "labelerAnalysis", "seconds"})
public record RoundReport(int round, VoterAnalysis labelerAnalysis,
    @JsonProperty("targetsKept") int kept, @JsonProperty("targetsDropped") int dropped,
    @JsonProperty("targetsChanged") int changed, int flagged, int overridden,
    @JsonIgnore Optional<ModelQuality> modelQuality, @JsonIgnore Optional<LabelQuality> labelQuality,
    @JsonIgnore double seconds) {

  /** Validates. */
  public RoundReport {
    Objects.requireNonNull(labelerAnalysis, "labelerAnalysis");
    Objects.requireNonNull(modelQuality, "modelQuality");
    Objects.requireNonNull(labelQuality, "labelQuality");
  }

  /** The label-quality headline figures ({@code null} figures without truth). */
  public Scorecard.Headline labelFigures() {
    return labelQuality.map(q -> q.scores().headline())
        .orElse(new Scorecard.Headline(null, null, null));
  }

  @JsonProperty("eventF1")
  private Double eventF1Json() {
    return labelFigures().eventF1();
  }

  @JsonProperty("shapeTagAccuracy")
  private Double shapeTagAccuracyJson() {
    return labelFigures().shapeTagAccuracy();
  }

  @JsonProperty("numericScore")
  private Double numericScoreJson() {
    return labelFigures().numericScore();
  }

  /** Round 0 has no model: an empty JSON object, as readers of the report expect an object. */
  @JsonProperty("modelQuality")
  private Object modelQualityJson() {
    return modelQuality.<Object>map(q -> q).orElse(Map.of());
  }

  @JsonProperty("labelQuality")
  private LabelQuality labelQualityJson() {
    return labelQuality.orElse(null);
  }

  @JsonProperty("seconds")
  private double secondsJson() {
    return Math.round(seconds * 10) / 10.0;
  }
}
