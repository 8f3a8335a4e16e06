package io.florets.prompt.readout;

import io.florets.datasets.target.EventType;
import java.util.List;
import java.util.Objects;

/**
 * The answer of {@code <EVENTS>} and {@code <EVENTS_OF>type}.
 *
 * @param events the events in time order (start, then end)
 */
public record Events(List<Item> events) implements Readout {
  /** Copies. */
  public Events {
    events = List.copyOf(events);
  }

  /**
   * One located event. Positions are bin centres in samples ({@code (q + 0.5) * L/1000}); use
   * {@code Quantizer.sampleIndex} for the nearest sample index.
   *
   * @param type event type
   * @param start first position, in samples
   * @param end last position, in samples, &ge; start
   * @param channel channel index or -1 for the whole window
   * @param confidence in [0, 1]
   */
  public record Item(EventType type, double start, double end, int channel, double confidence) {
    /** Validates. */
    public Item {
      Objects.requireNonNull(type, "type");
      Readout.checkSpan(start, end, "event " + type.token());
      Readout.checkChannel(channel, "event " + type.token());
      Readout.checkConfidence(confidence, "event " + type.token());
    }
  }

  @Override
  public String kind() {
    return "events";
  }
}
