package io.florets.labelers.nab;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of the {@link RobustStreamingDetector}. All windows count samples, not time.
 *
 * @param baselineWindow trailing window of the baseline statistics (median and robust scale of the
 *     values and of their first differences)
 * @param recentWindow the short window whose median and spread are compared with the baseline's (level
 *     shifts, changes of spread); the baseline lags by this many samples so the two do not overlap
 * @param warmup samples seen before any score above 0 is given
 * @param minScaleFraction floor of every robust scale, as a fraction of the range of values seen so far
 *     (keeps flat or quantised series from dividing by zero)
 * @param spikeWeight weight of the robust z of the value against the baseline
 * @param diffWeight weight of the robust z of the first difference against the baseline differences
 * @param levelWeight weight of the robust z of the recent median against the baseline
 * @param spreadWeight weight of the log ratio of recent to baseline spread
 * @param seasonWeight weight of the robust z of the seasonal difference (value minus the value one period
 *     earlier; the period is re-estimated from the autocorrelation of the past every 2000 samples; 0 when
 *     no period stands out)
 * @param averaging number of recent raw surprises averaged before calibration (1 = none)
 * @param historyWindow trailing window of averaged surprises against which the current one is calibrated
 *     (robust z against their median and scale); 0 uses the averaged surprise itself
 * @param refractory after a score, later scores within this many samples are damped unless they exceed it
 * @param damping the factor applied to damped scores, in {@code [0, 1]}
 */
public record RobustDetectorConfig(int baselineWindow, int recentWindow, int warmup, double minScaleFraction,
    double spikeWeight, double diffWeight, double levelWeight, double spreadWeight, double seasonWeight,
    int averaging, int historyWindow, int refractory, double damping) {

  /** Validates every setting. */
  public RobustDetectorConfig {
    positive("baselineWindow", baselineWindow);
    positive("recentWindow", recentWindow);
    positive("averaging", averaging);
    if (warmup < 0 || refractory < 0 || historyWindow < 0) {
      throw new IllegalArgumentException("warmup, refractory and historyWindow must be >= 0, got "
          + warmup + ", " + refractory + ", " + historyWindow);
    }
    if (!(minScaleFraction >= 0 && minScaleFraction < 1)) {
      throw new IllegalArgumentException("minScaleFraction must be in [0, 1), got " + minScaleFraction);
    }
    for (double w : new double[] {spikeWeight, diffWeight, levelWeight, spreadWeight, seasonWeight}) {
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException("component weights must be finite and >= 0, got " + w);
      }
    }
    if (!(damping >= 0 && damping <= 1)) {
      throw new IllegalArgumentException("damping must be in [0, 1], got " + damping);
    }
  }

  private static void positive(String name, int v) {
    if (v < 1) {
      throw new IllegalArgumentException(name + " must be >= 1, got " + v);
    }
  }

  /** The settings used for the published NAB figures of this project. */
  public static RobustDetectorConfig defaults() {
    return new RobustDetectorConfig(600, 12, 150, 1e-3, 1.0, 1.0, 1.0, 1.0, 1.0, 1, 1000, 500, 0.0);
  }

  /** The settings as an ordered name-to-value map, for reports. */
  public Map<String, Object> asMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("baselineWindow", baselineWindow);
    m.put("recentWindow", recentWindow);
    m.put("warmup", warmup);
    m.put("minScaleFraction", minScaleFraction);
    m.put("spikeWeight", spikeWeight);
    m.put("diffWeight", diffWeight);
    m.put("levelWeight", levelWeight);
    m.put("spreadWeight", spreadWeight);
    m.put("seasonWeight", seasonWeight);
    m.put("averaging", averaging);
    m.put("historyWindow", historyWindow);
    m.put("refractory", refractory);
    m.put("damping", damping);
    return m;
  }
}
