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

  /** The shipped settings. */
  public static CombinedConfig defaults() {
    return new CombinedConfig(MultiScaleConfig.defaults(), ContextualConfig.defaults(), 0.7, 0, 0);
  }

  /**
   * The declared candidate grid of the leave-one-category-out selection (16 settings): the multi-scale
   * detector's shipped settings with the contextual detector of {@link ContextualConfig#candidates()}'s
   * value bits (3 or 4) and rest periods (75 or 150), at context weights 0.6, 0.7, 0.8 or 0.9.
   */
  public static List<CombinedConfig> candidates() {
    ContextualConfig d = ContextualConfig.defaults();
    List<CombinedConfig> out = new ArrayList<>();
    for (int bits : new int[] {3, 4}) {
      for (int rest : new int[] {75, 150}) {
        for (double w : new double[] {0.6, 0.7, 0.8, 0.9}) {
          ContextualConfig c = new ContextualConfig(bits, d.maxLeftFacts(), d.maxActive(), d.alarmLevel(), rest,
              d.warmup(), d.rangeMargin());
          out.add(new CombinedConfig(MultiScaleConfig.defaults(), c, w, 0, 0));
        }
      }
    }
    return out;
  }

  /**
   * The declared candidate grid of the likelihood variant (16 settings): the multi-scale detector's
   * shipped settings with the default contextual detector's raw scores turned into their anomaly
   * likelihood (short windows of 5 or 10 samples, long windows of 500 or 1000), the likelihood silenced
   * after it reaches 0.5, at context weights 0.6, 0.7, 0.8 or 0.9.
   */
  public static List<CombinedConfig> likelihoodCandidates() {
    ContextualConfig d = ContextualConfig.defaults();
    ContextualConfig c = new ContextualConfig(d.valueBits(), d.maxLeftFacts(), d.maxActive(), 0.5, d.restPeriod(),
        d.warmup(), d.rangeMargin());
    List<CombinedConfig> out = new ArrayList<>();
    for (int shortWindow : new int[] {5, 10}) {
      for (int longWindow : new int[] {500, 1000}) {
        for (double w : new double[] {0.6, 0.7, 0.8, 0.9}) {
          out.add(new CombinedConfig(MultiScaleConfig.defaults(), c, w, shortWindow, longWindow));
        }
      }
    }
    return out;
  }
}
