package io.florets.labelers.nab;

/** The per-stream state of a {@link RobustStreamingDetector}; see there for the method. Not thread-safe. */
final class RobustSession implements StreamingDetector.Session {
  private static final int MIN_BASELINE = 30;
  private static final int PAST = 4096;
  private static final int PERIOD_EVERY = 2000;
  private static final int COMPONENTS = 6;

  private final RobustDetectorConfig c;
  private final double[] weights;
  private final RollingOrder baseline;
  private final RollingOrder baselineDiff;
  private final RollingOrder baselineSeason;
  private final RollingOrder recent;
  private final RollingOrder[] calibration = new RollingOrder[COMPONENTS];
  private final double[] component = new double[COMPONENTS];
  private final NearestNeighbourDistance discord;
  private final double[] lagValues;
  private final double[] lagDiffs;
  private final double[] past = new double[PAST];
  private int lagCount;
  private int lagHead;
  private int period;
  private long seen;
  private double prev;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;
  private double peak;
  private int peakAge;

  RobustSession(RobustDetectorConfig config) {
    this.c = config;
    weights = c.componentWeights();
    baseline = new RollingOrder(c.baselineWindow());
    baselineDiff = new RollingOrder(c.baselineWindow());
    baselineSeason = new RollingOrder(c.baselineWindow());
    recent = new RollingOrder(c.recentWindow());
    for (int k = 0; k < COMPONENTS; k++) {
      calibration[k] = new RollingOrder(c.calibrationWindow());
    }
    discord = c.discordWeight() > 0 ? new NearestNeighbourDistance(c.discordLength(), c.discordMaxLag()) : null;
    lagValues = new double[c.recentWindow()];
    lagDiffs = new double[c.recentWindow()];
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
    if (seen >= 2 * MIN_BASELINE && (seen == c.warmup() || seen % PERIOD_EVERY == 0)) {
      period = SeasonalPeriod.estimate(past, seen, PAST);
    }
    measure(x, d);
    pushLagged(x, d);
    double r = 0.0;
    for (int k = 0; k < COMPONENTS; k++) {
      if (weights[k] <= 0) {
        continue;
      }
      if (seen > c.warmup() && calibration[k].size() >= MIN_BASELINE) {
        double ref = Math.max(calibration[k].quantile(1.0), c.calibrationFloor());
        r = Math.max(r, weights[k] * component[k] / ref);
      }
      calibration[k].add(component[k]);
    }
    return refractory(r / (1.0 + r));
  }

  /** Fills {@link #component} with the six raw surprises of the current sample (0 when not yet known). */
  private void measure(double x, double d) {
    java.util.Arrays.fill(component, 0.0);
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
