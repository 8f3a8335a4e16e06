package io.florets.dataengine;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.florets.labelers.eval.Scorecard;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The model of one data-engine round on the held-out windows, against the targets it was trained
 * toward. In JSON the scorecard's figures sit at the top level beside the class figures.
 *
 * @param scores the model's answers scored against the targets
 * @param classAccuracy on held-out windows with a human class label, the share where the model's
 *     class equals it ({@code null} when there is none)
 * @param classHeldOut held-out windows with a human class label
 * @param facetAgreement per facet token, the share of target tags the model repeated
 */
public record ModelQuality(@JsonUnwrapped Scorecard.Scores scores, Double classAccuracy,
    long classHeldOut, Map<String, Double> facetAgreement) {
  /** Validates and copies the map, keeping its order. */
  public ModelQuality {
    Objects.requireNonNull(scores, "scores");
    facetAgreement = Collections.unmodifiableMap(new LinkedHashMap<>(facetAgreement));
  }
}
