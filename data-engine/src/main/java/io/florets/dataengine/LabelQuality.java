package io.florets.dataengine;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.florets.labelers.eval.Scorecard;
import java.util.Objects;
import java.util.Optional;

/**
 * The targets of one data-engine round against the truth, over the labelers' scope. In JSON the
 * scorecard's figures sit at the top level.
 *
 * @param scores the round's targets scored against truth
 * @param modelRoundMergingWithoutModel round 0 only, when model rounds follow: the round-0
 *     labelers merged by the model rounds' rule without the model, the part of a later round's gain
 *     that the stricter merging alone explains ({@code null} otherwise, and left out of JSON)
 */
public record LabelQuality(@JsonUnwrapped Scorecard.Scores scores,
    @JsonInclude(JsonInclude.Include.NON_NULL) Scorecard.Scores modelRoundMergingWithoutModel) {
  /** Validates. */
  public LabelQuality {
    Objects.requireNonNull(scores, "scores");
  }

  /** Label quality without the merging-only baseline. */
  public static LabelQuality of(Scorecard.Scores scores) {
    return new LabelQuality(scores, null);
  }

  /** The merging-only baseline, if this round has one. */
  public Optional<Scorecard.Scores> mergingOnlyBaseline() {
    return Optional.ofNullable(modelRoundMergingWithoutModel);
  }
}
