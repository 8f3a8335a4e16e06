package io.florets.labelers.specialist;

import io.florets.datasets.target.Event;
import io.florets.datasets.target.EventType;
import io.florets.datasets.target.TargetKind;
import io.florets.labelers.ChannelLabeler;
import io.florets.labelers.nab.CombinedDetector;
import io.florets.labelers.nab.StreamingDetector;
import io.florets.labelers.signal.ChannelSignal;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * {@code anomaly.stream}: the project's streaming detector ({@link CombinedDetector}: the multi-scale
 * detector with the anomaly likelihood of the contextual detector, the one scored on NAB by
 * {@code florets eval nab}) run causally over a channel; every sample whose anomaly score reaches
 * the threshold becomes a one-sample {@code anomaly} event with the score as its confidence (the detector
 * reports the top of a rising score on the sample after it, so the event lies one sample after that
 * top). The detector needs a warm-up (150 samples by default) before it scores, so it suits long windows
 * and whole series; it is not part of the default suite.
 */
public final class StreamingAnomalyLabeler extends ChannelLabeler {

  /**
   * The threshold of the default labeler: the median of the standard-profile thresholds chosen by the
   * leave-one-category-out folds on NAB (each chosen without its held-out category).
   */
  public static final double DEFAULT_THRESHOLD = 0.544;

  private final StreamingDetector detector;
  private final double threshold;

  /** The default detector at {@link #DEFAULT_THRESHOLD}. */
  public StreamingAnomalyLabeler() {
    this(CombinedDetector.defaults(), DEFAULT_THRESHOLD);
  }

  /**
   * @param detector the causal detector
   * @param threshold scores at or above it are events; in {@code (0, 1]}
   */
  public StreamingAnomalyLabeler(StreamingDetector detector, double threshold) {
    this.detector = Objects.requireNonNull(detector, "detector");
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("anomaly.stream threshold must be in (0, 1], got " + threshold);
    }
    this.threshold = threshold;
  }

  @Override
  public String name() {
    return "anomaly.stream";
  }

  @Override
  public String version() {
    return "4";
  }

  @Override
  public Set<TargetKind> kinds() {
    return Set.of(TargetKind.EVENT);
  }

  @Override
  public Set<EventType> eventTypes() {
    return EnumSet.of(EventType.ANOMALY);
  }

  @Override
  protected void labelChannel(ChannelSignal s, int ch, Sink sink) {
    double[] score = detector.scoreAll(s.filled());
    for (int i = 0; i < score.length; i++) {
      if (score[i] >= threshold) {
        sink.add(new Event(EventType.ANOMALY, i, i, ch), score[i]);
      }
    }
  }
}
