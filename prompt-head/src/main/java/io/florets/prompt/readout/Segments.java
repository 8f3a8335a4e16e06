package io.florets.prompt.readout;

import io.florets.datasets.target.SegmentLabel;
import java.util.List;
import java.util.Objects;

/**
 * The answer of {@code <SEGMENTS>}.
 *
 * @param segments the segments in decoded order
 */
public record Segments(List<Item> segments) implements Readout {
  /** Copies. */
  public Segments {
    segments = List.copyOf(segments);
  }

  /**
   * One segment; positions are bin centres in samples.
   *
   * @param label what the series does in it
   * @param start first position, in samples
   * @param end last position, in samples, &ge; start
   * @param channel channel index or -1 for the whole window
   * @param confidence in [0, 1]
   */
  public record Item(SegmentLabel label, double start, double end, int channel, double confidence) {
    /** Validates. */
    public Item {
      Objects.requireNonNull(label, "label");
      Readout.checkSpan(start, end, "segment " + label.token());
      Readout.checkChannel(channel, "segment " + label.token());
      Readout.checkConfidence(confidence, "segment " + label.token());
    }
  }

  @Override
  public String kind() {
    return "segments";
  }
}
