package io.florets.prompt.readout;

import java.util.List;

/**
 * The answer of {@code <ALERT>}: is anything abnormal, and what (the abnormal events, located).
 *
 * @param abnormal whether the window is abnormal
 * @param confidence confidence of the normal/abnormal decision, in [0, 1]
 * @param events the abnormal events (empty when normal)
 */
public record Alert(boolean abnormal, double confidence, List<Events.Item> events) implements Readout {
  /** Validates and copies. */
  public Alert {
    Readout.checkConfidence(confidence, "alert");
    events = List.copyOf(events);
    if (!abnormal && !events.isEmpty()) {
      throw new IllegalArgumentException("a normal alert cannot list events, got " + events);
    }
  }

  @Override
  public String kind() {
    return "alert";
  }
}
