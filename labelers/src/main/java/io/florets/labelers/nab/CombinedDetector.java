package io.florets.labelers.nab;

import java.util.function.DoubleUnaryOperator;

/**
 * The multi-scale detector and the contextual detector side by side on one stream: the score is the
 * larger of the {@link MultiScaleDetector}'s score (robust surprises against the stream's own past) and
 * the {@link ContextualDetector}'s score times {@link CombinedConfig#contextWeight()} (a value sequence the
 * contexts learned so far did not predict), passed through the multi-scale setting's refractory once more
 * so that one anomaly raises one alarm whichever part reports it, and then reported one sample late at
 * the top of each rising run only ({@link PeakConfirmation}), so that a score rising over consecutive
 * samples raises one alarm, not one per sample. The two parts see different anomalies: the first sizes,
 * the second orders.
 *
 * <p>Causal, as both parts are. Immutable and thread-safe; sessions are not.
 */
public final class CombinedDetector implements StreamingDetector {
  private final CombinedConfig config;

  private CombinedDetector(CombinedConfig config) {
    this.config = config;
  }

  /** A detector with the given settings. */
  public static CombinedDetector of(CombinedConfig config) {
    if (config == null) {
      throw new IllegalArgumentException("config must not be null");
    }
    return new CombinedDetector(config);
  }

  /** The detector with {@link CombinedConfig#defaults()}. */
  public static CombinedDetector defaults() {
    return of(CombinedConfig.defaults());
  }

  @Override
  public String name() {
    return "florets";
  }

  @Override
  public CombinedConfig settings() {
    return config;
  }

  @Override
  public Session start() {
    Session base = MultiScaleDetector.of(config.base()).start();
    ContextualDetector.ContextualSession context = new ContextualDetector.ContextualSession(config.context());
    DoubleUnaryOperator part = contextPart(config);
    double w = config.contextWeight();
    DoubleUnaryOperator out = output(config);
    return x -> out.applyAsDouble(combine(base.update(x), part.applyAsDouble(context.raw(x)), w));
  }

  /**
   * The last steps of the combined score of one stream, after the maximum: {@link #outputRefractory}, then
   * the top of each rising run, reported one sample late ({@link PeakConfirmation}). Stateful: one per
   * stream.
   */
  static DoubleUnaryOperator output(CombinedConfig config) {
    Refractory once = outputRefractory(config);
    PeakConfirmation top = new PeakConfirmation();
    return s -> top.apply(once.apply(s));
  }

  /**
   * The refractory of the combined score: the multi-scale setting's own refractory period and damping,
   * applied once more after the maximum, so that the contextual part does not raise a second alarm for an
   * anomaly the multi-scale part has just reported (nor the other way round). On the multi-scale score
   * alone it changes nothing: that score has passed the same refractory already. Stateful: one per stream.
   */
  static Refractory outputRefractory(CombinedConfig config) {
    return new Refractory(config.base().fast().refractory(), config.base().fast().damping());
  }

  /**
   * The contextual part of one stream: maps each raw contextual score (in stream order) to the score that
   * enters the maximum, before weighting: its anomaly likelihood when that is on, then the silence after
   * alarms. Stateful: one per stream.
   */
  static DoubleUnaryOperator contextPart(CombinedConfig config) {
    ContextualConfig c = config.context();
    RestSilence silence = new RestSilence(c.alarmLevel(), c.restPeriod(), c.warmup());
    if (config.likelihoodLong() == 0) {
      return silence::apply;
    }
    AnomalyLikelihood likelihood = new AnomalyLikelihood(config.likelihoodShort(), config.likelihoodLong());
    return r -> silence.apply(likelihood.apply(r));
  }

  /** The combined score of a base score and a contextual score at context weight {@code w}. */
  static double combine(double base, double context, double w) {
    return Math.max(base, w * context);
  }
}
