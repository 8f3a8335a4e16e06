package io.florets.labelers.nab;

import java.util.Map;

/**
 * A causal anomaly detector built from robust statistics. At each sample it measures four surprises
 * against a trailing baseline window (which lags the recent window so the two never overlap):
 * <ol>
 *   <li>spike: robust z of the value (distance to the baseline median over the baseline's robust scale);</li>
 *   <li>jump: robust z of the first difference against the baseline's differences;</li>
 *   <li>level shift: robust z of the recent window's median, times {@code sqrt(recentWindow)};</li>
 *   <li>spread change: absolute log ratio of the recent to the baseline robust scale, times {@code sqrt(recentWindow)}.</li>
 * </ol>
 * The weighted maximum is averaged over the last {@code averaging} samples, calibrated against the
 * trailing history of such values (a Gaussian tail of its robust z, as NAB's likelihood detectors do),
 * mapped to {@code [0, 1]}, and damped during a refractory period after a score unless it exceeds it,
 * so that a lasting anomaly raises one alarm at its onset rather than many.
 *
 * <p>Immutable and thread-safe; sessions are not.
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
  public Map<String, Object> settings() {
    return config.asMap();
  }

  @Override
  public Session start() {
    return new RobustSession(config);
  }
}
