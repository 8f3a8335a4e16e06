package io.florets.prompt.card;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The figures of a model card: each headline figure of {@code florets eval synthetic} for the model
 * beside the labeler consensus on the same windows, and the detail behind the headlines (per event
 * type, property and shape facet). Every figure is in {@code [0, 1]}, higher is better, 4 decimals.
 *
 * @param eventF1 micro-averaged event F1 over every event type (matched by type and start within
 *     the tolerance of the measurement)
 * @param numericScore mean over properties of the ChatTS numeric score
 * @param shapeTagAccuracy mean over facets of the shape-tag accuracy
 * @param captionKeywordMatch share of the true trend, seasonality and noise words found in the
 *     caption; a side without captions has {@code null}
 * @param classificationAccuracy share of windows whose class is right
 * @param parseRate share of the model's answers that parse under their grammar, or {@code null}
 * @param eventTypeF1 per event type token (e.g. {@code spike_up}), its F1
 * @param propertyScore per property token (e.g. {@code mean}), its numeric score
 * @param shapeFacetAccuracy per facet token (e.g. {@code seasonality}), its tag accuracy
 */
public record CardFigures(Comparison eventF1, Comparison numericScore, Comparison shapeTagAccuracy,
    Comparison captionKeywordMatch, Comparison classificationAccuracy, Double parseRate,
    Map<String, Comparison> eventTypeF1, Map<String, Comparison> propertyScore,
    Map<String, Comparison> shapeFacetAccuracy) {
  /**
   * Checks and copies the maps, keeping their order.
   *
   * @throws IllegalArgumentException if the parse rate is outside {@code [0, 1]} (NaN fails)
   * @throws NullPointerException if a headline comparison, a map, or a key or value in one is null
   */
  public CardFigures {
    Objects.requireNonNull(eventF1, "eventF1");
    Objects.requireNonNull(numericScore, "numericScore");
    Objects.requireNonNull(shapeTagAccuracy, "shapeTagAccuracy");
    Objects.requireNonNull(captionKeywordMatch, "captionKeywordMatch");
    Objects.requireNonNull(classificationAccuracy, "classificationAccuracy");
    if (parseRate != null && !(parseRate >= 0 && parseRate <= 1)) {
      throw new IllegalArgumentException("parse rate must be in [0,1] or absent, got " + parseRate);
    }
    eventTypeF1 = copy(eventTypeF1, "eventTypeF1");
    propertyScore = copy(propertyScore, "propertyScore");
    shapeFacetAccuracy = copy(shapeFacetAccuracy, "shapeFacetAccuracy");
  }

  private static Map<String, Comparison> copy(Map<String, Comparison> m, String name) {
    Objects.requireNonNull(m, name);
    Map<String, Comparison> out = new LinkedHashMap<>();
    for (Map.Entry<String, Comparison> e : m.entrySet()) {
      out.put(Objects.requireNonNull(e.getKey(), "key of " + name),
          Objects.requireNonNull(e.getValue(), name + " of " + e.getKey()));
    }
    return Collections.unmodifiableMap(out);
  }
}
