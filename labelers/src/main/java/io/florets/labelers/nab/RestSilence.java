package io.florets.labelers.nab;

/**
 * The silence after an alarm of the {@link ContextualDetector}: once a raw score reaches the alarm level,
 * the next {@code restPeriod} samples report 0 (the alarming sample itself reports its score unless it
 * falls in an earlier silence); the first {@code warmup} samples report 0 too. Not thread-safe.
 */
final class RestSilence {
  private final double alarmLevel;
  private final int restPeriod;
  private final int warmup;
  private long seen;
  private long sinceAlarm = Long.MAX_VALUE / 2;

  RestSilence(double alarmLevel, int restPeriod, int warmup) {
    this.alarmLevel = alarmLevel;
    this.restPeriod = restPeriod;
    this.warmup = warmup;
  }

  /** The score to report for the next raw score {@code r}. */
  double apply(double r) {
    seen++;
    sinceAlarm++;
    boolean silent = seen <= warmup || sinceAlarm <= restPeriod;
    if (r >= alarmLevel) {
      sinceAlarm = 0;
    }
    return silent ? 0.0 : r;
  }

  /** The reported scores of a whole stream of raw scores under {@code c}'s silence settings. */
  static double[] applyAll(double[] raw, ContextualConfig c) {
    RestSilence s = new RestSilence(c.alarmLevel(), c.restPeriod(), c.warmup());
    double[] out = new double[raw.length];
    for (int i = 0; i < raw.length; i++) {
      out[i] = s.apply(raw[i]);
    }
    return out;
  }
}
