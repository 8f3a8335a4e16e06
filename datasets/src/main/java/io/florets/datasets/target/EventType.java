package io.florets.datasets.target;

import java.util.Arrays;
import java.util.Optional;

/** The closed set of local event types. */
public enum EventType {
  SPIKE_UP("spike_up"),
  SPIKE_DOWN("spike_down"),
  SPIKE_RUN("spike_run"),
  WIDE_SPIKE("wide_spike"),
  LEVEL_SHIFT_UP("level_shift_up"),
  LEVEL_SHIFT_DOWN("level_shift_down"),
  TREND_CHANGE("trend_change"),
  DROPOUT("dropout"),
  FLATLINE("flatline"),
  MISSING_RUN("missing_run"),
  CLIPPING("clipping"),
  /** A generic anomaly: a discord, or a human-labelled anomaly window (e.g. NAB). */
  ANOMALY("anomaly");

  private final String token;

  EventType(String token) {
    this.token = token;
  }

  /** The word used in prompts and token sequences, e.g. {@code "spike_up"}. */
  public String token() {
    return token;
  }

  public static Optional<EventType> fromToken(String token) {
    return Arrays.stream(values()).filter(t -> t.token.equals(token)).findFirst();
  }
}
