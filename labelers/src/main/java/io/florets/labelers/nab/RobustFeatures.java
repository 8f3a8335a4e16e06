package io.florets.labelers.nab;

import java.util.Arrays;

/**
 * The six raw surprises of the {@link RobustStreamingDetector} for one stream (spike, jump, level shift,
 * spread change, seasonal break, discord; see there), each measured against the past only. A component
 * whose weight is 0 is not computed (it stays 0). Not thread-safe.
 */
final class RobustFeatures {
  /** Number of components. */
  static final int COMPONENTS = 6;
  /** The fewest baseline samples before the baseline-relative components are measured. */
  static final int MIN_BASELINE = 30;
  private static final int PAST = 4096;
  private static final int PERIOD_EVERY = 2000;

  private final RobustDetectorConfig c;
  private final RollingOrder baseline;
  private final RollingOrder baselineDiff;
  private RollingOrder baselineSeason;
  private final RollingOrder recent;
  private final double[] component = new double[COMPONENTS];
  private final NearestNeighbourDistance discord;
  private final double[] lagValues;
  private final double[] lagDiffs;
  private final double[] past = new double[PAST];
  private final int periodAt;
  private final boolean restartSeason;
  private boolean seasonRestarted;
  private int lagCount;
  private int lagHead;
  private int period;
  private long seen;
  private double prev;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;

  /**
   * @param config the window lengths and weights (a component of weight 0 is skipped)
   * @param periodAt the sample count at which the seasonal period is first estimated
   */
  RobustFeatures(RobustDetectorConfig config, int periodAt) {
    this(config, periodAt, false);
  }

  /**
   * As {@link #RobustFeatures(RobustDetectorConfig, int)}; with {@code restartSeason} the seasonal
   * break's baseline is cleared whenever the re-estimated period differs from the last one (a variant
   * measured by the NAB study, not used by the shipped detectors).
   */
  RobustFeatures(RobustDetectorConfig config, int periodAt, boolean restartSeason) {
    this.c = config;
    this.periodAt = periodAt;
    this.restartSeason = restartSeason;
    baseline = new RollingOrder(c.baselineWindow());
    baselineDiff = new RollingOrder(c.baselineWindow());
    baselineSeason = new RollingOrder(c.baselineWindow());
    recent = new RollingOrder(c.recentWindow());
    discord = c.discordWeight() > 0 ? new NearestNeighbourDistance(c.discordLength(), c.discordMaxLag()) : null;
    lagValues = new double[c.recentWindow()];
    lagDiffs = new double[c.recentWindow()];
  }

  /** Whether the seasonal break restarted at the last update (only with restarts on); clears the flag. */
  boolean takeSeasonRestart() {
    boolean r = seasonRestarted;
    seasonRestarted = false;
    return r;
  }

  /** Samples seen so far. */
  long seen() {
    return seen;
  }

  /**
   * Consumes the next value and returns the six raw surprises of it (a shared array, overwritten by the
   * next call; 0 where not yet known).
   */
  double[] update(double x) {
    if (!Double.isFinite(x)) {
      throw new IllegalArgumentException("value at sample " + seen + " is not finite: " + x);
    }
    double d = seen == 0 ? 0.0 : x - prev;
    prev = x;
    seen++;
    min = Math.min(min, x);
    max = Math.max(max, x);
    recent.add(x);
    past[(int) ((seen - 1) % PAST)] = x;
    if (c.seasonWeight() > 0 && seen >= 2 * MIN_BASELINE && (seen == periodAt || seen % PERIOD_EVERY == 0)) {
      int p = SeasonalPeriod.estimate(past, seen, PAST);
      if (restartSeason && period > 0 && p != period) {
        baselineSeason = new RollingOrder(c.baselineWindow());
        seasonRestarted = true;
      }
      period = p;
    }
    measure(x, d);
    pushLagged(x, d);
    return component;
  }

  private void measure(double x, double d) {
    Arrays.fill(component, 0.0);
    double floor = c.minScaleFraction() * (max - min) + 1e-12;
    boolean ready = baseline.size() >= MIN_BASELINE;
    double scale = ready ? baseline.scale(floor) : 1.0;
    if (ready) {
      double med = baseline.median();
      component[0] = Math.abs(x - med) / scale;
      component[1] = Math.abs(d - baselineDiff.median()) / baselineDiff.scale(floor);
      if (recent.full()) {
        component[2] = Math.abs(recent.median() - med) / scale;
        component[3] = Math.abs(Math.log(recent.scale(floor) / scale));
      }
    }
    if (period > 0 && seen > period) {
      double s = x - past[(int) ((seen - 1 - period) % PAST)];
      if (baselineSeason.size() >= MIN_BASELINE) {
        component[4] = Math.abs(s - baselineSeason.median()) / baselineSeason.scale(floor);
      }
      baselineSeason.add(s);
    }
    if (discord != null) {
      double dist = discord.update(x);
      if (ready && !Double.isNaN(dist)) {
        component[5] = dist / scale;
      }
    }
  }

  /** Values enter the baseline {@code recentWindow} samples late, so baseline and recent do not overlap. */
  private void pushLagged(double x, double d) {
    if (lagCount == lagValues.length) {
      baseline.add(lagValues[lagHead]);
      baselineDiff.add(lagDiffs[lagHead]);
    } else {
      lagCount++;
    }
    lagValues[lagHead] = x;
    lagDiffs[lagHead] = d;
    lagHead = (lagHead + 1) % lagValues.length;
  }
}
