package io.florets.labelers.nab;

/**
 * The project's streaming anomaly detector: the robust surprises of {@link RobustStreamingDetector} at a
 * fast scale (spike, jump, short level shift and spread change, seasonal break, discord) and, optionally,
 * level-shift and spread-change surprises at a slow scale (longer baseline and recent windows, for slow
 * drifts), each smoothed by a short trailing mean and scored by how far it exceeds the largest value of
 * its own recent history (an empirical tail: exceeding every one of the last {@code W} values has
 * probability at most {@code 1 / (W + 1)} on a stream without change), combined by the maximum, with
 * refractory damping so a lasting anomaly raises one alarm at its onset.
 *
 * <p>Every surprise is measured against the stream's own past, so one threshold means the same rarity on
 * every stream; its settings are chosen by leave-one-category-out cross-validation on NAB
 * ({@link CategoryCrossValidation}). Causal: a score uses only past and present samples.
 *
 * <p>Immutable and thread-safe; sessions are not. Cost per sample: {@code O(baselineWindow +
 * discordMaxLag + calibrationWindow)} per scale.
 */
public final class MultiScaleDetector implements StreamingDetector {
  private final MultiScaleConfig config;

  private MultiScaleDetector(MultiScaleConfig config) {
    this.config = config;
  }

  /** A detector with the given settings. */
  public static MultiScaleDetector of(MultiScaleConfig config) {
    if (config == null) {
      throw new IllegalArgumentException("config must not be null");
    }
    return new MultiScaleDetector(config);
  }

  /** The detector with {@link MultiScaleConfig#defaults()}. */
  public static MultiScaleDetector defaults() {
    return of(MultiScaleConfig.defaults());
  }

  @Override
  public String name() {
    return "multiscale";
  }

  @Override
  public MultiScaleConfig settings() {
    return config;
  }

  @Override
  public Session start() {
    return new RobustSession(config.sets(), config.shortWindow());
  }
}
