package io.florets.labelers.nab;

/**
 * A contextual anomaly detector: each value is quantised to a few levels over the range seen so far, the
 * bits of its level are the step's facts, and an online {@link ContextMemory} learns which facts follow
 * which (contexts of the previous step's facts and of the contexts confirmed then). The raw score of a
 * step is {@code (1 - confirmed + novel) / 2}: high when the stored contexts that predicted this step
 * failed, and when the transition is new enough that most of the contexts it suggests are new. After a
 * raw score reaches {@link ContextualConfig#alarmLevel()} the next {@link ContextualConfig#restPeriod()}
 * samples score 0, so a lasting anomaly raises one alarm.
 *
 * <p>Causal: the range, the memory and the silence use past and present samples only. Immutable and
 * thread-safe; sessions are not.
 */
public final class ContextualDetector implements StreamingDetector {
  private final ContextualConfig config;

  private ContextualDetector(ContextualConfig config) {
    this.config = config;
  }

  /** A detector with the given settings. */
  public static ContextualDetector of(ContextualConfig config) {
    if (config == null) {
      throw new IllegalArgumentException("config must not be null");
    }
    return new ContextualDetector(config);
  }

  @Override
  public String name() {
    return "contextual";
  }

  @Override
  public ContextualConfig settings() {
    return config;
  }

  @Override
  public Session start() {
    return new ContextualSession(config);
  }

  /**
   * The raw scores of a whole stream (before the silence after alarms); they depend on the quantisation
   * and memory settings only, so settings that differ in the silence alone can share them.
   */
  public double[] rawScores(double[] values) {
    ContextualSession s = new ContextualSession(config);
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = s.raw(values[i]);
    }
    return out;
  }

  /** The reported scores for raw scores from {@link #rawScores}: the silence after alarms applied. */
  public double[] silenced(double[] raw) {
    return RestSilence.applyAll(raw, config);
  }

  /** The state of one stream. */
  static final class ContextualSession implements Session {
    private final ContextualConfig c;
    private final ContextMemory memory;
    private final int levels;
    private final int[] facts;
    private final RestSilence silence;
    private double lo = Double.POSITIVE_INFINITY;
    private double hi = Double.NEGATIVE_INFINITY;
    private long seen;

    ContextualSession(ContextualConfig c) {
      this.c = c;
      this.levels = 1 << c.valueBits();
      this.facts = new int[c.valueBits()];
      this.memory = new ContextMemory(c.maxLeftFacts(), c.maxActive(), 2 * c.valueBits());
      this.silence = new RestSilence(c.alarmLevel(), c.restPeriod(), c.warmup());
    }

    /** The raw score of the value (before the silence after alarms). */
    double raw(double x) {
      if (!Double.isFinite(x)) {
        throw new IllegalArgumentException("value at sample " + seen + " is not finite: " + x);
      }
      seen++;
      extendRange(x);
      double span = hi - lo;
      double step = span > 0 ? span / (levels - 1) : 1.0;
      int level = (int) Math.max(0, Math.min(levels - 1, Math.floor((x - lo) / step)));
      for (int b = 0; b < facts.length; b++) {
        facts[b] = 2 * b + ((level >> b) & 1);
      }
      ContextMemory.Step s = memory.step(facts);
      return (1.0 - s.confirmed() + s.novel()) / 2.0;
    }

    private void extendRange(double x) {
      if (x >= lo && x <= hi) {
        return;
      }
      double newLo = Math.min(lo, x);
      double newHi = Math.max(hi, x);
      double pad = c.rangeMargin() * (newHi - newLo);
      lo = x < lo ? x - pad : lo;
      hi = x > hi ? x + pad : hi;
    }

    @Override
    public double update(double x) {
      return silence.apply(raw(x));
    }
  }
}
