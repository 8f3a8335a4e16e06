package io.florets.labelers.nab;

/** The per-stream state of a {@link RobustStreamingDetector}; see there for the method. Not thread-safe. */
final class RobustSession implements StreamingDetector.Session {
  private static final int MIN_BASELINE = 30;

  private final RobustDetectorConfig c;
  private final RollingOrder baseline;
  private final RollingOrder baselineDiff;
  private final RollingOrder recent;
  private final RollingOrder history;
  private final double[] lagValues;
  private final double[] lagDiffs;
  private final double[] averagingRing;
  private int lagCount;
  private int lagHead;
  private double averagingSum;
  private long seen;
  private double prev;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;
  private final double[] past = new double[PAST];
  private final RollingOrder baselineSeason;
  private int period;
  private static final int PAST = 4096;
  private double peak;
  private int peakAge;

  RobustSession(RobustDetectorConfig config) {
    this.c = config;
    baseline = new RollingOrder(c.baselineWindow());
    baselineDiff = new RollingOrder(c.baselineWindow());
    recent = new RollingOrder(c.recentWindow());
    history = c.historyWindow() > 0 ? new RollingOrder(c.historyWindow()) : null;
    lagValues = new double[c.recentWindow()];
    lagDiffs = new double[c.recentWindow()];
    averagingRing = new double[c.averaging()];
    baselineSeason = new RollingOrder(c.baselineWindow());
  }

  @Override
  public double update(double x) {
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
    if (seen >= 2 * MIN_BASELINE && (seen == c.warmup() || seen % 2000 == 0)) {
      period = SeasonalPeriod.estimate(past, seen, PAST);
    }
    double season = 0.0;
    if (period > 0 && seen > period) {
      double r = x - past[(int) ((seen - 1 - period) % PAST)];
      if (baselineSeason.size() >= MIN_BASELINE) {
        double floor = c.minScaleFraction() * (max - min) + 1e-12;
        season = Math.abs(r - baselineSeason.median()) / baselineSeason.scale(floor);
      }
      baselineSeason.add(r);
    }
    double raw = Math.max(surprise(x, d), c.seasonWeight() * season);
    pushLagged(x, d);

    int slot = (int) ((seen - 1) % c.averaging());
    averagingSum += raw - averagingRing[slot];
    averagingRing[slot] = raw;
    double avg = averagingSum / Math.min(seen, c.averaging());

    double z = history == null ? avg : 0.0;
    if (history != null && history.size() >= MIN_BASELINE) {
      double floor = 1e-3 * Math.max(history.quantile(0.99), 1e-9);
      z = (avg - history.median()) / history.scale(floor);
    }
    if (history != null) {
      history.add(avg);
    }
    double s = seen <= c.warmup() || z <= 0 ? 0.0 : z / (z + 10.0);
    return refractory(s);
  }

  private double surprise(double x, double d) {
    if (baseline.size() < MIN_BASELINE) {
      return 0.0;
    }
    double floor = c.minScaleFraction() * (max - min) + 1e-12;
    double med = baseline.median();
    double scale = baseline.scale(floor);
    double spike = Math.abs(x - med) / scale;
    double jump = Math.abs(d - baselineDiff.median()) / baselineDiff.scale(floor);
    double level = 0.0;
    double spread = 0.0;
    if (recent.full()) {
      level = Math.abs(recent.median() - med) / scale;
      spread = Math.abs(Math.log(recent.scale(floor) / scale));
    }
    return Math.max(Math.max(c.spikeWeight() * spike, c.diffWeight() * jump),
        Math.max(c.levelWeight() * level, c.spreadWeight() * spread));
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

  private double refractory(double s) {
    peakAge++;
    if (peakAge > c.refractory()) {
      peak = 0.0;
    }
    if (s > peak) {
      peak = s;
      peakAge = 0;
      return s;
    }
    return s * c.damping();
  }
}
