package io.florets.labelers.nab;

import java.util.List;

/**
 * The per-stream state of a {@link RobustStreamingDetector} or a {@link MultiScaleDetector}: one or more
 * sets of robust surprises (each a {@link RobustFeatures} with its own windows and weights), each
 * component smoothed by a trailing mean of {@code shortWindow} samples, divided by the maximum of its own
 * smoothed values over the calibration window, weighted, combined by the maximum {@code r}, mapped to
 * {@code r / (1 + r)} and passed through the refractory damping. Warm-up, calibration and refractory
 * settings come from the first set.
 *
 * <p>Each surprise has its own warm-up: it is calibrated from its first measured (non-zero) value on, and
 * it scores only once its calibration holds {@code warmup} of its own values (at least
 * {@link RobustFeatures#MIN_BASELINE}). A surprise that starts late, such as the seasonal break once a
 * period is first found (after 2000 samples on a daily pattern of 288 samples), would otherwise be
 * calibrated against the zeros before it and break its own growing maximum again and again while its
 * baseline fills. Not thread-safe.
 */
final class RobustSession implements StreamingDetector.Session {
  private final RobustDetectorConfig c;
  private final RobustFeatures[] features;
  private final double[] weights;
  private final RollingOrder[] calibration;
  private final double[][] recent;
  private final boolean[] started;
  private final int shortWindow;
  private final Refractory refractory;
  private final int readyAfter;
  private int head;
  private int filled;
  private long seen;

  RobustSession(RobustDetectorConfig config) {
    this(List.of(config), 1);
  }

  /**
   * @param sets the surprise sets (at least one); the first gives warm-up, calibration and refractory
   * @param shortWindow the trailing mean length applied to every component (1: none)
   */
  RobustSession(List<RobustDetectorConfig> sets, int shortWindow) {
    this.c = sets.get(0);
    this.shortWindow = shortWindow;
    int n = sets.size() * RobustFeatures.COMPONENTS;
    features = new RobustFeatures[sets.size()];
    weights = new double[n];
    calibration = new RollingOrder[n];
    for (int j = 0; j < sets.size(); j++) {
      features[j] = new RobustFeatures(sets.get(j), c.warmup());
      System.arraycopy(sets.get(j).componentWeights(), 0, weights, j * RobustFeatures.COMPONENTS,
          RobustFeatures.COMPONENTS);
    }
    for (int k = 0; k < n; k++) {
      calibration[k] = new RollingOrder(c.calibrationWindow());
    }
    recent = new double[n][shortWindow];
    started = new boolean[n];
    refractory = new Refractory(c.refractory(), c.damping());
    readyAfter = Math.max(RobustFeatures.MIN_BASELINE, c.warmup());
  }

  @Override
  public double update(double x) {
    seen++;
    if (filled < shortWindow) {
      filled++;
    }
    double r = 0.0;
    for (int j = 0; j < features.length; j++) {
      double[] component = features[j].update(x);
      for (int i = 0; i < RobustFeatures.COMPONENTS; i++) {
        int k = j * RobustFeatures.COMPONENTS + i;
        if (weights[k] <= 0) {
          continue;
        }
        if (!started[k]) {
          started[k] = component[i] != 0.0;
          if (!started[k]) {
            continue;
          }
        }
        recent[k][head] = component[i];
        double m = mean(recent[k]);
        if (seen > c.warmup() && calibration[k].size() >= readyAfter) {
          double ref = Math.max(calibration[k].quantile(1.0), c.calibrationFloor());
          r = Math.max(r, weights[k] * m / ref);
        }
        calibration[k].add(m);
      }
    }
    head = (head + 1) % shortWindow;
    return refractory.apply(r / (1.0 + r));
  }

  /** The mean of the filled part of a trailing buffer (its unfilled slots are 0). */
  private double mean(double[] buffer) {
    if (buffer.length == 1) {
      return buffer[0];
    }
    double sum = 0;
    for (double v : buffer) {
      sum += v;
    }
    return sum / filled;
  }
}
