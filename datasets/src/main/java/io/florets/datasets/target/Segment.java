package io.florets.datasets.target;

/**
 * A segment {@code start..end} (inclusive) between change points, with a label.
 *
 * @param start first sample, &ge; 0
 * @param end last sample, &ge; start
 * @param label what the series does in the segment
 * @param channel channel index or {@link Target#WHOLE_WINDOW}
 */
public record Segment(int start, int end, SegmentLabel label, int channel) implements Target {
  public Segment {
    Target.checkRange("segment", start, end);
    java.util.Objects.requireNonNull(label, "label");
    Target.checkChannel(channel);
  }

  public Segment(int start, int end, SegmentLabel label) {
    this(start, end, label, WHOLE_WINDOW);
  }

  @Override
  public TargetKind kind() {
    return TargetKind.SEGMENT;
  }
}
