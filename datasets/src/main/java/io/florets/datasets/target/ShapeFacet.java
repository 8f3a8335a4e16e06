package io.florets.datasets.target;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The shape facets and their closed sets of values. */
public enum ShapeFacet {
  TREND("trend", List.of("increasing", "decreasing", "steady", "multiple")),
  SEASONALITY("seasonality", List.of("none", "sine", "square", "triangle")),
  NOISE("noise", List.of("low", "medium", "high")),
  STATIONARITY("stationarity", List.of("stationary", "non_stationary"));

  private final String token;
  private final List<String> allowed;

  ShapeFacet(String token, List<String> allowed) {
    this.token = token;
    this.allowed = allowed;
  }

  public String token() {
    return token;
  }

  /** The values this facet may take, in a fixed order. */
  public List<String> allowed() {
    return allowed;
  }

  public static Optional<ShapeFacet> fromToken(String token) {
    return Arrays.stream(values()).filter(f -> f.token.equals(token)).findFirst();
  }
}
