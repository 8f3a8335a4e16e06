package io.florets.labelers.nab;

import java.util.ArrayList;
import java.util.List;

/**
 * Settings of the {@link CombinedDetector}.
 *
 * @param base the multi-scale detector's settings
 * @param context the contextual detector's settings
 * @param contextWeight the contextual score is multiplied by this before the maximum with the base score;
 *     in {@code [0, 1]} (0: the base detector alone)
 * @param likelihoodShort the short window of the {@link AnomalyLikelihood} of the contextual raw scores
 *     (0 with {@code likelihoodLong} 0: the contextual score is used as it is)
 * @param likelihoodLong the long window of that likelihood (0: off)
 */
public record CombinedConfig(MultiScaleConfig base, ContextualConfig context, double contextWeight,
    int likelihoodShort, int likelihoodLong) {

  /** Validates every setting; the message names the setting and the value. */
  public CombinedConfig {
    if (base == null || context == null) {
      throw new IllegalArgumentException("combined base and context settings must not be null, got " + base
          + ", " + context);
    }
    if (!(contextWeight >= 0 && contextWeight <= 1)) {
      throw new IllegalArgumentException("combined contextWeight must be in [0, 1], got " + contextWeight);
    }
    if (likelihoodShort < 0 || likelihoodLong < 0 || (likelihoodLong > 0) != (likelihoodShort > 0)) {
      throw new IllegalArgumentException("combined likelihoodShort and likelihoodLong must both be 0 (off) or"
          + " both >= 1, got " + likelihoodShort + ", " + likelihoodLong);
    }
  }

  /**
   * The shipped settings: the candidate of {@link #candidates()} whose base is the multi-scale detector's
   * shipped setting. The four leave-one-category-out folds each chose a different base (one of them this
   * one), so the tie is broken by the multi-scale detector's own cross-validated choice.
   */
  public static CombinedConfig defaults() {
    return new CombinedConfig(MultiScaleConfig.defaults(), likelihoodContext(), 0.7, 5, 1000);
  }

  /**
   * The default contextual detector with a range margin of 0.5 (when a value falls outside the range seen
   * so far, half the new span is added past it), silenced for its rest period after its likelihood
   * reaches 0.5. The margin was chosen over none by the leave-one-category-out figure of the whole grid
   * (standard 56.82 against 56.31).
   */
  private static ContextualConfig likelihoodContext() {
    ContextualConfig d = ContextualConfig.defaults();
    return new ContextualConfig(d.valueBits(), d.maxLeftFacts(), d.maxActive(), 0.5, d.restPeriod(), d.warmup(),
        0.5);
  }

  /**
   * The declared candidate grid of the likelihood variant (16 settings): every setting of
   * {@link MultiScaleConfig#candidates()} as the base, each with the contextual detector's raw scores
   * (range margin 0.5) turned into their anomaly likelihood (short window 5, long window 1000), silenced
   * for 150 samples after it reaches 0.5, at context weight 0.7. The base grid is the multi-scale detector's own,
   * so the cross-validated figure compares with that detector's; the likelihood settings are the ones most
   * folds chose from a wider first grid (short 5 or 10, long 500 or 1000, weight 0.6 to 0.9).
   */
  public static List<CombinedConfig> candidates() {
    List<CombinedConfig> out = new ArrayList<>();
    for (MultiScaleConfig base : MultiScaleConfig.candidates()) {
      out.add(new CombinedConfig(base, likelihoodContext(), 0.7, 5, 1000));
    }
    return out;
  }
}
