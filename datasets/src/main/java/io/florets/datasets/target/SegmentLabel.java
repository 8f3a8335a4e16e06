package io.florets.datasets.target;

import java.util.Arrays;
import java.util.Optional;

/** What a series does within a segment. */
public enum SegmentLabel {
  RISING("rising"), FALLING("falling"), FLAT("flat"), OSCILLATING("oscillating");

  private final String token;

  SegmentLabel(String token) {
    this.token = token;
  }

  public String token() {
    return token;
  }

  public static Optional<SegmentLabel> fromToken(String token) {
    return Arrays.stream(values()).filter(t -> t.token.equals(token)).findFirst();
  }
}
