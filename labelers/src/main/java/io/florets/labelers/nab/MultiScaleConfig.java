package io.florets.labelers.nab;

import java.util.ArrayList;
import java.util.List;

/**
 * Settings of the {@link MultiScaleDetector}. All lengths count samples.
 *
 * @param fast the robust surprises at the fast scale, and the warm-up, calibration and refractory settings
 * @param slowBaselineWindow the baseline window of the slow level-shift and spread-change surprises
 * @param slowRecentWindow the recent window of the slow surprises (0 turns the slow scale off)
 * @param shortWindow every surprise is smoothed by its trailing mean over this many samples before it is
 *     calibrated (1: no smoothing)
 */
public record MultiScaleConfig(RobustDetectorConfig fast, int slowBaselineWindow, int slowRecentWindow,
    int shortWindow) {

  /** Validates every setting. */
  public MultiScaleConfig {
    if (fast == null) {
      throw new IllegalArgumentException("fast must not be null");
    }
    if (slowRecentWindow < 0 || shortWindow < 1) {
      throw new IllegalArgumentException("need slowRecentWindow >= 0 and shortWindow >= 1, got "
          + slowRecentWindow + ", " + shortWindow);
    }
    if (slowRecentWindow > 0 && slowBaselineWindow < 1) {
      throw new IllegalArgumentException("slowBaselineWindow must be >= 1 when the slow scale is on, got "
          + slowBaselineWindow);
    }
  }

  /** The surprise sets of a session: the fast one, then the slow one when it is on. */
  List<RobustDetectorConfig> sets() {
    if (slowRecentWindow == 0) {
      return List.of(fast);
    }
    RobustDetectorConfig f = fast;
    RobustDetectorConfig slow = new RobustDetectorConfig(slowBaselineWindow, slowRecentWindow, f.warmup(),
        f.minScaleFraction(), 0, 0, f.levelWeight(), f.spreadWeight(), 0, 0, f.discordLength(),
        f.discordMaxLag(), f.calibrationWindow(), f.calibrationFloor(), f.refractory(), f.damping());
    return List.of(fast, slow);
  }

  /**
   * The shipped settings: the setting of {@link #candidates()} chosen by the leave-one-category-out
   * protocol on NAB (see the README's NAB section); never compared on in-sample scores.
   */
  public static MultiScaleConfig defaults() {
    return grid(800, 200, 96, 3);
  }

  private static MultiScaleConfig grid(int calibration, int refractory, int slowRecent, int shortWindow) {
    RobustDetectorConfig d = RobustDetectorConfig.defaults();
    RobustDetectorConfig fast = new RobustDetectorConfig(d.baselineWindow(), d.recentWindow(), d.warmup(),
        d.minScaleFraction(), d.spikeWeight(), d.diffWeight(), d.levelWeight(), d.spreadWeight(), d.seasonWeight(),
        d.discordWeight(), d.discordLength(), d.discordMaxLag(), calibration, d.calibrationFloor(), refractory,
        d.damping());
    return new MultiScaleConfig(fast, 2 * d.baselineWindow(), slowRecent, shortWindow);
  }

  /**
   * The declared candidate grid of the leave-one-category-out selection (16 settings): calibration
   * windows of 800 or 1000 samples, refractory periods of 200 or 400, the slow scale off or with a
   * recent window of 96 samples, and smoothing over 1 or 3 samples.
   */
  public static List<MultiScaleConfig> candidates() {
    List<MultiScaleConfig> out = new ArrayList<>();
    for (int calibration : new int[] {800, 1000}) {
      for (int refractory : new int[] {200, 400}) {
        for (int slow : new int[] {0, 96}) {
          for (int shortWindow : new int[] {1, 3}) {
            out.add(grid(calibration, refractory, slow, shortWindow));
          }
        }
      }
    }
    return out;
  }
}
