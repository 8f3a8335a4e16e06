package io.florets.datasets.synthetic;

import io.florets.datasets.target.EventType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/**
 * What {@link SyntheticGenerator} generates. Immutable; validated on construction, with messages
 * that name the offending setting. Enum sets are held as lists in declaration order, so that
 * generation does not depend on a set's iteration order.
 *
 * <p>Units: every channel gets an offset (its level at the window centre) drawn uniformly in
 * {@code [minOffset, maxOffset]} and a scale {@code A} drawn log-uniformly in
 * {@code [minScale, maxScale]}; trend, seasonal and event magnitudes are multiples of {@code A}
 * (see {@link SyntheticGenerator}), so readouts are in the series' own units.
 *
 * @param count number of windows, 1..10,000,000
 * @param length samples per window, 32..100,000
 * @param channels channels per window, 1..64; channels are generated independently
 * @param seed the seed; window {@code i} depends only on {@code (seed, i)}
 * @param minEvents least number of local events injected per channel, &ge; 0
 * @param maxEvents most number of local events injected per channel (may be fewer when they do not
 *     fit), &ge; minEvents
 * @param eventTypes injectable event types (see {@link #INJECTABLE}); may be empty only when
 *     maxEvents is 0. Trend changes are not injected: they are the breakpoints of a
 *     {@link TrendKind#MULTIPLE} trend
 * @param trends trend kinds to draw from, non-empty
 * @param seasonalities seasonal waveforms to draw from, non-empty
 * @param noiseLevels noise levels to draw from, non-empty
 * @param noiseKinds noise kinds to draw from, non-empty
 * @param minPeriod smallest seasonal period in samples, &ge; 4
 * @param maxPeriod largest seasonal period in samples (capped at length/3 so that every seasonal
 *     window holds at least 3 cycles), &ge; minPeriod
 * @param minOffset smallest channel offset (series units), finite
 * @param maxOffset largest channel offset, finite, &ge; minOffset
 * @param minScale smallest channel scale A (series units), &gt; 0
 * @param maxScale largest channel scale A, finite, &ge; minScale
 * @param classAttribute which attribute becomes the class label, or {@link ClassAttribute#NONE}
 */
public record SyntheticConfig(int count, int length, int channels, long seed, int minEvents,
    int maxEvents, List<EventType> eventTypes, List<TrendKind> trends,
    List<SeasonalityKind> seasonalities, List<NoiseLevel> noiseLevels, List<NoiseKind> noiseKinds,
    int minPeriod, int maxPeriod, double minOffset, double maxOffset, double minScale,
    double maxScale, ClassAttribute classAttribute) {

  /** The event types the generator can inject, in declaration order. */
  public static final List<EventType> INJECTABLE = List.of(EventType.SPIKE_UP,
      EventType.SPIKE_DOWN, EventType.SPIKE_RUN, EventType.WIDE_SPIKE, EventType.LEVEL_SHIFT_UP,
      EventType.LEVEL_SHIFT_DOWN, EventType.DROPOUT, EventType.FLATLINE, EventType.MISSING_RUN);

  /** Validates and copies. */
  public SyntheticConfig {
    check(count >= 1 && count <= 10_000_000, "count must be in 1..10000000, got " + count);
    check(length >= 32 && length <= 100_000, "length must be in 32..100000, got " + length);
    check(channels >= 1 && channels <= 64, "channels must be in 1..64, got " + channels);
    check(minEvents >= 0, "minEvents must be >= 0, got " + minEvents);
    check(maxEvents >= minEvents, "maxEvents must be >= minEvents (" + minEvents + "), got " + maxEvents);
    int capacity = EventPlanner.capacity(length);
    check(maxEvents <= capacity, "maxEvents " + maxEvents + " does not fit a window of length "
        + length + " with the required separation; at most " + capacity);
    eventTypes = ordered(eventTypes, "eventTypes", EventType.class, maxEvents > 0);
    for (EventType t : eventTypes) {
      check(INJECTABLE.contains(t), "event type " + t.token() + " cannot be injected; injectable: "
          + INJECTABLE + (t == EventType.TREND_CHANGE
              ? " (trend changes come from the MULTIPLE trend kind: put it in trends)" : ""));
    }
    trends = ordered(trends, "trends", TrendKind.class, true);
    seasonalities = ordered(seasonalities, "seasonalities", SeasonalityKind.class, true);
    noiseLevels = ordered(noiseLevels, "noiseLevels", NoiseLevel.class, true);
    noiseKinds = ordered(noiseKinds, "noiseKinds", NoiseKind.class, true);
    check(minPeriod >= 4, "minPeriod must be >= 4 samples, got " + minPeriod);
    check(maxPeriod >= minPeriod, "maxPeriod must be >= minPeriod (" + minPeriod + "), got " + maxPeriod);
    boolean seasonal = seasonalities.stream().anyMatch(s -> s != SeasonalityKind.NONE);
    check(!seasonal || minPeriod <= length / 3, "minPeriod " + minPeriod
        + " leaves fewer than 3 cycles in a window of length " + length + "; need minPeriod <= " + length / 3);
    check(Double.isFinite(minOffset) && Double.isFinite(maxOffset) && minOffset <= maxOffset,
        "offsets must be finite with minOffset <= maxOffset, got [" + minOffset + ", " + maxOffset + "]");
    check(minScale > 0 && Double.isFinite(maxScale) && minScale <= maxScale,
        "scales must be finite with 0 < minScale <= maxScale, got [" + minScale + ", " + maxScale + "]");
    Objects.requireNonNull(classAttribute, "classAttribute");
    String infeasible = ChannelSampler.infeasibility(trends, seasonalities, noiseLevels, classAttribute);
    check(infeasible == null, infeasible);
  }

  /** The period range actually drawn from: {@code [minPeriod, min(maxPeriod, length / 3)]}. */
  public int effectiveMaxPeriod() {
    return Math.max(minPeriod, Math.min(maxPeriod, length / 3));
  }

  /** A builder with the defaults listed on {@link Builder}. */
  public static Builder builder() {
    return new Builder();
  }

  /** The default configuration with the given size and seed (univariate). */
  public static SyntheticConfig of(int count, int length, long seed) {
    return builder().count(count).length(length).seed(seed).build();
  }

  /** A builder seeded with this configuration, to derive a changed copy. */
  public Builder toBuilder() {
    return new Builder().count(count).length(length).channels(channels).seed(seed)
        .events(minEvents, maxEvents).eventTypes(eventTypes).trends(trends)
        .seasonalities(seasonalities).noiseLevels(noiseLevels).noiseKinds(noiseKinds)
        .periods(minPeriod, maxPeriod).offsets(minOffset, maxOffset).scales(minScale, maxScale)
        .classAttribute(classAttribute);
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException("SyntheticConfig: " + message);
    }
  }

  private static <E extends Enum<E>> List<E> ordered(Collection<E> values, String name,
      Class<E> type, boolean nonEmpty) {
    if (values == null) {
      throw new IllegalArgumentException("SyntheticConfig: " + name + " must not be null");
    }
    for (E e : values) {
      check(e != null, name + " must not contain null");
    }
    EnumSet<E> set = EnumSet.noneOf(type);
    set.addAll(values);
    check(!nonEmpty || !set.isEmpty(), name + " must not be empty");
    return List.copyOf(new ArrayList<>(set));
  }

  /**
   * Builds a {@link SyntheticConfig}. Defaults: 100 windows of length 256, 1 channel, seed 0,
   * 0..3 events per channel of every injectable type, every trend, seasonality, noise level and
   * noise kind, periods 8..64 samples, offsets in [-200, 1000], scales in [0.5, 50], no class.
   * Not thread-safe.
   */
  public static final class Builder {
    private int count = 100;
    private int length = 256;
    private int channels = 1;
    private long seed;
    private int minEvents;
    private int maxEvents = 3;
    private List<EventType> eventTypes = INJECTABLE;
    private List<TrendKind> trends = List.of(TrendKind.values());
    private List<SeasonalityKind> seasonalities = List.of(SeasonalityKind.values());
    private List<NoiseLevel> noiseLevels = List.of(NoiseLevel.values());
    private List<NoiseKind> noiseKinds = List.of(NoiseKind.values());
    private int minPeriod = 8;
    private int maxPeriod = 64;
    private double minOffset = -200;
    private double maxOffset = 1000;
    private double minScale = 0.5;
    private double maxScale = 50;
    private ClassAttribute classAttribute = ClassAttribute.NONE;

    private Builder() {
    }

    /** Number of windows. */
    public Builder count(int count) {
      this.count = count;
      return this;
    }

    /** Samples per window. */
    public Builder length(int length) {
      this.length = length;
      return this;
    }

    /** Channels per window. */
    public Builder channels(int channels) {
      this.channels = channels;
      return this;
    }

    /** The seed. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Number of injected events per channel, drawn uniformly in {@code [min, max]}. */
    public Builder events(int min, int max) {
      this.minEvents = min;
      this.maxEvents = max;
      return this;
    }

    /** Injectable event types to draw from. */
    public Builder eventTypes(Collection<EventType> types) {
      this.eventTypes = types == null ? null : List.copyOf(types);
      return this;
    }

    /** Injectable event types to draw from. */
    public Builder eventTypes(EventType... types) {
      return eventTypes(List.of(types));
    }

    /** Trend kinds to draw from. */
    public Builder trends(Collection<TrendKind> kinds) {
      this.trends = kinds == null ? null : List.copyOf(kinds);
      return this;
    }

    /** Trend kinds to draw from. */
    public Builder trends(TrendKind... kinds) {
      return trends(List.of(kinds));
    }

    /** Seasonal waveforms to draw from. */
    public Builder seasonalities(Collection<SeasonalityKind> kinds) {
      this.seasonalities = kinds == null ? null : List.copyOf(kinds);
      return this;
    }

    /** Seasonal waveforms to draw from. */
    public Builder seasonalities(SeasonalityKind... kinds) {
      return seasonalities(List.of(kinds));
    }

    /** Noise levels to draw from. */
    public Builder noiseLevels(Collection<NoiseLevel> levels) {
      this.noiseLevels = levels == null ? null : List.copyOf(levels);
      return this;
    }

    /** Noise levels to draw from. */
    public Builder noiseLevels(NoiseLevel... levels) {
      return noiseLevels(List.of(levels));
    }

    /** Noise kinds to draw from. */
    public Builder noiseKinds(Collection<NoiseKind> kinds) {
      this.noiseKinds = kinds == null ? null : List.copyOf(kinds);
      return this;
    }

    /** Noise kinds to draw from. */
    public Builder noiseKinds(NoiseKind... kinds) {
      return noiseKinds(List.of(kinds));
    }

    /** Seasonal period range in samples (inclusive). */
    public Builder periods(int min, int max) {
      this.minPeriod = min;
      this.maxPeriod = max;
      return this;
    }

    /** Channel offset range in series units. */
    public Builder offsets(double min, double max) {
      this.minOffset = min;
      this.maxOffset = max;
      return this;
    }

    /** Channel scale range A in series units (drawn log-uniformly). */
    public Builder scales(double min, double max) {
      this.minScale = min;
      this.maxScale = max;
      return this;
    }

    /** Which attribute becomes the class label. */
    public Builder classAttribute(ClassAttribute attribute) {
      this.classAttribute = attribute;
      return this;
    }

    /** Validates and builds. */
    public SyntheticConfig build() {
      return new SyntheticConfig(count, length, channels, seed, minEvents, maxEvents, eventTypes,
          trends, seasonalities, noiseLevels, noiseKinds, minPeriod, maxPeriod, minOffset,
          maxOffset, minScale, maxScale, classAttribute);
    }
  }
}
