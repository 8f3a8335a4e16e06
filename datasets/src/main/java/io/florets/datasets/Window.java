package io.florets.datasets;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable stretch of a series: the series id, the start index in the series, the values
 * (channels &times; length, {@code NaN} = missing), and the timestamps if the series had them.
 *
 * <p>Positions in targets and answers are sample indices within the window ({@code 0..length-1});
 * {@link #start()} maps them back to the series. Thread-safe: values are copied in and out, and
 * {@link #channelView(int)} offers read-only access without copying for hot paths.
 */
public final class Window {
  private final String seriesId;
  private final int start;
  private final float[][] values;
  private final long[] timestamps;
  private final List<String> channelNames;
  private final String classLabel;

  private Window(String seriesId, int start, float[][] values, long[] timestamps,
      List<String> channelNames, String classLabel) {
    this.seriesId = seriesId;
    this.start = start;
    this.values = values;
    this.timestamps = timestamps;
    this.channelNames = channelNames;
    this.classLabel = classLabel;
  }

  /** A univariate window over a buffer of samples (copied), e.g. from a live sensor. */
  public static Window of(float[] values) {
    Objects.requireNonNull(values, "values");
    return of(new float[][] {values});
  }

  /** A multivariate window over channels &times; time (copied). */
  public static Window of(float[][] channels) {
    return of("buffer", 0, channels, null, null, null);
  }

  /**
   * The general factory.
   *
   * @param seriesId where the window came from (used in error messages)
   * @param start index of the first sample within the series (&ge; 0)
   * @param channels channels &times; time, copied; all channels the same length (&ge; 1)
   * @param timestamps epoch ms per sample, strictly increasing, or {@code null}
   * @param channelNames one per channel, or {@code null} for {@code c0, c1, ...}
   * @param classLabel the series' class label, or {@code null}
   */
  public static Window of(String seriesId, int start, float[][] channels, long[] timestamps,
      List<String> channelNames, String classLabel) {
    String sid = seriesId == null ? "buffer" : seriesId;
    if (start < 0) {
      throw new IllegalArgumentException("window of '" + sid + "': start must be >= 0, got " + start);
    }
    // Series' builder performs the same checks on shape and timestamps; reuse it.
    Series.Builder b = Series.builder(sid, channels);
    if (timestamps != null) {
      b.timestamps(timestamps);
    }
    if (channelNames != null) {
      b.channelNames(channelNames);
    }
    Series s = b.build();
    return new Window(sid, start, s.rawValues(), s.rawTimestamps(), s.channelNames(), classLabel);
  }

  static Window slice(Series s, int start, float[][] values, long[] timestamps) {
    return new Window(s.id(), start, values, timestamps, s.channelNames(),
        s.classLabel().orElse(null));
  }

  public String seriesId() {
    return seriesId;
  }

  /** Index of the first sample within its series. */
  public int start() {
    return start;
  }

  /** Number of samples (&ge; 1). */
  public int length() {
    return values[0].length;
  }

  /** Number of channels (&ge; 1). */
  public int channels() {
    return values.length;
  }

  /** Sample of channel {@code c} at window index {@code t}; {@code NaN} if missing. */
  public float value(int c, int t) {
    return values[c][t];
  }

  /** A copy of channel {@code c}. */
  public float[] channel(int c) {
    return values[c].clone();
  }

  /** A deep copy of the values, channels &times; length. */
  public float[][] values() {
    return Series.deepCopy(values);
  }

  /**
   * Channel {@code c} without copying, for read-only hot paths (labelers, front ends). Callers must
   * not write into the returned array; doing so breaks this window's immutability.
   */
  public float[] channelView(int c) {
    return values[c];
  }

  /** Epoch-ms timestamps of the samples, if known; a copy. */
  public Optional<long[]> timestamps() {
    return Optional.ofNullable(timestamps).map(long[]::clone);
  }

  public List<String> channelNames() {
    return channelNames;
  }

  /** The class label of the series this window came from, if any. */
  public Optional<String> classLabel() {
    return Optional.ofNullable(classLabel);
  }

  /** A copy of this window carrying {@code label} as its class label. */
  public Window withClassLabel(String label) {
    return new Window(seriesId, start, values, timestamps, channelNames, label);
  }

  /** True if every sample of every channel is missing. */
  public boolean isAllMissing() {
    for (float[] ch : values) {
      for (float v : ch) {
        if (!Float.isNaN(v)) {
          return false;
        }
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Window)) {
      return false;
    }
    Window w = (Window) o;
    return start == w.start && seriesId.equals(w.seriesId)
        && Arrays.deepEquals(values, w.values) && Arrays.equals(timestamps, w.timestamps)
        && channelNames.equals(w.channelNames) && Objects.equals(classLabel, w.classLabel);
  }

  @Override
  public int hashCode() {
    return Objects.hash(seriesId, start, Arrays.deepHashCode(values));
  }

  @Override
  public String toString() {
    return "Window[" + seriesId + "@" + start + ", channels=" + channels() + ", length=" + length() + "]";
  }
}
