package io.florets.labelers.nab;


/**
 * A causal anomaly detector built from robust statistics. At each sample it measures six surprises,
 * each against the past only (a trailing baseline window lags the recent window so the two never
 * overlap):
 * <ol>
 *   <li>spike: robust z of the value (distance to the baseline median over the baseline's robust scale);</li>
 *   <li>jump: robust z of the first difference against the baseline's differences;</li>
 *   <li>level shift: distance of the recent window's median to the baseline median, in baseline scales;</li>
 *   <li>spread change: absolute log ratio of the recent to the baseline robust scale;</li>
 *   <li>seasonal break: robust z of the seasonal difference, when the past shows a period;</li>
 *   <li>discord: the distance of the latest subsequence to its nearest earlier one (a trailing
 *       matrix-profile value), in baseline scales.</li>
 * </ol>
 * Each surprise is calibrated against its own recent history (divided by its maximum over the
 * calibration window, floored), the weighted maximum {@code r} is mapped to {@code r / (1 + r)} in
 * {@code [0, 1)}, and during a refractory period after a score later scores are damped unless they
 * exceed it, so that a lasting anomaly raises one alarm at its onset rather than many.
 *
 * <p>Immutable and thread-safe; sessions are not. Cost per sample: {@code O(baselineWindow + discordMaxLag)}.
 */
public final class RobustStreamingDetector implements StreamingDetector {
  private final RobustDetectorConfig config;

  private RobustStreamingDetector(RobustDetectorConfig config) {
    this.config = config;
  }

  /** A detector with the given settings. */
  public static RobustStreamingDetector of(RobustDetectorConfig config) {
    if (config == null) {
      throw new IllegalArgumentException("config must not be null");
    }
    return new RobustStreamingDetector(config);
  }

  /** The settings. */
  public RobustDetectorConfig config() {
    return config;
  }

  @Override
  public String name() {
    return "florets";
  }

  @Override
  public RobustDetectorConfig settings() {
    return config;
  }

  @Override
  public Session start() {
    return new RobustSession(config);
  }
}
