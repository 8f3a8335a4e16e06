package io.florets.datasets;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One (possibly multivariate) time series: channels &times; time as {@code float}, {@code NaN} for a
 * missing sample, with optional timestamps (epoch milliseconds) or a sampling interval, channel
 * names, an optional class label and/or numeric target, and free-form metadata.
 *
 * <p>Immutable and thread-safe: arrays are copied in and out. Validation rejects ragged channels,
 * empty series, and timestamps that are not strictly increasing, naming the series id.
 */
public final class Series {
  private final String id;
  private final float[][] values;
  private final long[] timestamps;
  private final long intervalMillis;
  private final List<String> channelNames;
  private final String classLabel;
  private final double target;
  private final Map<String, String> metadata;

  private Series(Builder b) {
    this.id = b.id;
    this.values = b.values;
    this.timestamps = b.timestamps;
    this.intervalMillis = b.intervalMillis;
    this.channelNames = b.channelNames;
    this.classLabel = b.classLabel;
    this.target = b.target;
    this.metadata = Map.copyOf(b.metadata);
  }

  /** A univariate series with no timestamps or labels. */
  public static Series of(String id, float[] values) {
    return builder(id, new float[][] {values}).build();
  }

  /**
   * Starts a builder.
   *
   * @param id a non-blank identifier, used in every error message about this series
   * @param values channels &times; time; copied
   */
  public static Builder builder(String id, float[][] values) {
    return new Builder(id, values);
  }

  /** A builder seeded with this series' fields, to derive a changed copy. */
  public Builder toBuilder() {
    Builder b = new Builder(id, values);
    b.timestamps = timestamps;
    b.intervalMillis = intervalMillis;
    b.channelNames = channelNames;
    b.classLabel = classLabel;
    b.target = target;
    b.metadata.putAll(metadata);
    return b;
  }

  public String id() {
    return id;
  }

  /** Number of channels (at least 1). */
  public int channels() {
    return values.length;
  }

  /** Number of time steps (at least 1). */
  public int length() {
    return values[0].length;
  }

  /** The sample of channel {@code c} at time index {@code t}; {@code NaN} if missing. */
  public float value(int c, int t) {
    return values[c][t];
  }

  /** A copy of channel {@code c}. */
  public float[] channel(int c) {
    return values[c].clone();
  }

  /** A deep copy of all values, channels &times; time. */
  public float[][] values() {
    return deepCopy(values);
  }

  /** Timestamps in epoch milliseconds, one per time step, strictly increasing; a copy. */
  public Optional<long[]> timestamps() {
    return Optional.ofNullable(timestamps).map(long[]::clone);
  }

  /** The sampling interval in milliseconds, if one was given instead of timestamps. */
  public OptionalLong intervalMillis() {
    return intervalMillis > 0 ? OptionalLong.of(intervalMillis) : OptionalLong.empty();
  }

  /** Channel names, one per channel (defaults to {@code c0, c1, ...}). */
  public List<String> channelNames() {
    return channelNames;
  }

  public Optional<String> classLabel() {
    return Optional.ofNullable(classLabel);
  }

  /** The numeric (regression) target, if any. */
  public OptionalDouble target() {
    return Double.isNaN(target) ? OptionalDouble.empty() : OptionalDouble.of(target);
  }

  public Map<String, String> metadata() {
    return metadata;
  }

  /** Number of missing ({@code NaN}) samples over all channels. */
  public long missingCount() {
    long n = 0;
    for (float[] ch : values) {
      for (float v : ch) {
        if (Float.isNaN(v)) {
          n++;
        }
      }
    }
    return n;
  }

  /** Package-private access without copying, for windowing. */
  float[][] rawValues() {
    return values;
  }

  long[] rawTimestamps() {
    return timestamps;
  }

  static float[][] deepCopy(float[][] a) {
    float[][] c = new float[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i].clone();
    }
    return c;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Series)) {
      return false;
    }
    Series s = (Series) o;
    return id.equals(s.id)
        && Arrays.deepEquals(values, s.values)
        && Arrays.equals(timestamps, s.timestamps)
        && intervalMillis == s.intervalMillis
        && channelNames.equals(s.channelNames)
        && Objects.equals(classLabel, s.classLabel)
        && Double.compare(target, s.target) == 0
        && metadata.equals(s.metadata);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, Arrays.deepHashCode(values), Arrays.hashCode(timestamps), classLabel);
  }

  @Override
  public String toString() {
    return "Series[id=" + id + ", channels=" + channels() + ", length=" + length()
        + (classLabel != null ? ", class=" + classLabel : "") + "]";
  }

  /** Builds a validated {@link Series}. Not thread-safe. */
  public static final class Builder {
    private final String id;
    private final float[][] values;
    private long[] timestamps;
    private long intervalMillis;
    private List<String> channelNames;
    private String classLabel;
    private double target = Double.NaN;
    private final Map<String, String> metadata = new LinkedHashMap<>();

    private Builder(String id, float[][] values) {
      if (id == null || id.isBlank()) {
        throw new IllegalArgumentException("series id must be non-blank, got '" + id + "'");
      }
      if (values == null || values.length == 0) {
        throw new IllegalArgumentException("series '" + id + "': needs at least one channel");
      }
      this.id = id;
      int n = values[0] == null ? -1 : values[0].length;
      for (int c = 0; c < values.length; c++) {
        if (values[c] == null) {
          throw new IllegalArgumentException("series '" + id + "': channel " + c + " is null");
        }
        if (values[c].length != n) {
          throw new IllegalArgumentException("series '" + id + "': ragged channels: channel 0 has "
              + n + " samples but channel " + c + " has " + values[c].length);
        }
      }
      if (n == 0) {
        throw new IllegalArgumentException("series '" + id + "': has no samples");
      }
      this.values = deepCopy(values);
    }

    /** Epoch-millisecond timestamps, one per time step, strictly increasing. */
    public Builder timestamps(long[] ts) {
      Objects.requireNonNull(ts, "timestamps");
      if (ts.length != values[0].length) {
        throw new IllegalArgumentException("series '" + id + "': " + ts.length
            + " timestamps for " + values[0].length + " samples");
      }
      for (int i = 1; i < ts.length; i++) {
        if (ts[i] <= ts[i - 1]) {
          throw new IllegalArgumentException("series '" + id + "': timestamps must be strictly "
              + "increasing, but index " + i + " has " + ts[i] + " after " + ts[i - 1]);
        }
      }
      this.timestamps = ts.clone();
      return this;
    }

    /** A fixed sampling interval in milliseconds (&gt; 0), for series without timestamps. */
    public Builder intervalMillis(long interval) {
      if (interval <= 0) {
        throw new IllegalArgumentException("series '" + id + "': interval must be > 0 ms, got " + interval);
      }
      this.intervalMillis = interval;
      return this;
    }

    public Builder channelNames(List<String> names) {
      if (names.size() != values.length) {
        throw new IllegalArgumentException("series '" + id + "': " + names.size()
            + " channel names for " + values.length + " channels");
      }
      this.channelNames = List.copyOf(names);
      return this;
    }

    public Builder classLabel(String label) {
      if (label != null && label.isBlank()) {
        throw new IllegalArgumentException("series '" + id + "': class label must not be blank");
      }
      this.classLabel = label;
      return this;
    }

    /** A numeric (regression) target; must be finite. */
    public Builder target(double t) {
      if (!Double.isFinite(t)) {
        throw new IllegalArgumentException("series '" + id + "': target must be finite, got " + t);
      }
      this.target = t;
      return this;
    }

    public Builder metadata(String key, String value) {
      metadata.put(Objects.requireNonNull(key), Objects.requireNonNull(value));
      return this;
    }

    public Series build() {
      if (channelNames == null) {
        String[] names = new String[values.length];
        for (int c = 0; c < names.length; c++) {
          names[c] = "c" + c;
        }
        channelNames = List.of(names);
      }
      return new Series(this);
    }
  }
}
