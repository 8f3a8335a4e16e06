package io.florets.datasets.target;

/**
 * A local event at sample positions {@code start..end} (inclusive) of the window.
 *
 * @param type what happened
 * @param start first sample of the event, &ge; 0
 * @param end last sample of the event, &ge; start
 * @param channel channel index or {@link Target#WHOLE_WINDOW}
 */
public record Event(EventType type, int start, int end, int channel) implements Target {
  public Event {
    java.util.Objects.requireNonNull(type, "type");
    Target.checkRange("event " + type.token(), start, end);
    Target.checkChannel(channel);
  }

  public Event(EventType type, int start, int end) {
    this(type, start, end, WHOLE_WINDOW);
  }

  @Override
  public TargetKind kind() {
    return TargetKind.EVENT;
  }
}
