package io.florets.labelers.nab;

import java.util.ArrayList;
import java.util.List;

/**
 * Settings of the {@link ContextualDetector}. Lengths count samples.
 *
 * @param valueBits each value is quantised to one of {@code 2^valueBits} levels over the range seen so far,
 *     and each bit of the level is one input fact; in {@code [1, 8]}
 * @param maxLeftFacts the longest left side of a generalised context; {@code >= 1}
 * @param maxActive how many confirmed contexts (most often confirmed first) become facts of the next step,
 *     which lets contexts remember longer histories than one step; {@code >= 0}
 * @param alarmLevel a raw score at or above this level silences the next {@code restPeriod} samples (a
 *     lasting anomaly raises one alarm); in {@code (0, 1]}
 * @param restPeriod the samples silenced after a raw score reaches {@code alarmLevel}; {@code >= 0}
 * @param warmup the first samples score 0 while the memory fills; {@code >= 0}
 * @param rangeMargin when a value falls outside the range seen so far, the range is extended past it by
 *     this fraction of the new span, so that a slow drift does not re-quantise every sample; in
 *     {@code [0, 1]}
 */
public record ContextualConfig(int valueBits, int maxLeftFacts, int maxActive, double alarmLevel, int restPeriod,
    int warmup, double rangeMargin) {

  /** Validates every setting; the message names the setting and the value. */
  public ContextualConfig {
    if (valueBits < 1 || valueBits > 8) {
      throw new IllegalArgumentException("contextual valueBits must be in [1, 8], got " + valueBits);
    }
    if (maxLeftFacts < 1) {
      throw new IllegalArgumentException("contextual maxLeftFacts must be >= 1, got " + maxLeftFacts);
    }
    if (maxActive < 0 || restPeriod < 0 || warmup < 0) {
      throw new IllegalArgumentException("contextual maxActive, restPeriod and warmup must be >= 0, got "
          + maxActive + ", " + restPeriod + ", " + warmup);
    }
    if (!(alarmLevel > 0 && alarmLevel <= 1)) {
      throw new IllegalArgumentException("contextual alarmLevel must be in (0, 1], got " + alarmLevel);
    }
    if (!(rangeMargin >= 0 && rangeMargin <= 1)) {
      throw new IllegalArgumentException("contextual rangeMargin must be in [0, 1], got " + rangeMargin);
    }
  }

  /** Eight levels (three bits), left sides of up to 7 facts, 15 remembered contexts, rest 150 samples. */
  public static ContextualConfig defaults() {
    return new ContextualConfig(3, 7, 15, 0.75, 150, 150, 0.0);
  }

  /**
   * The declared candidate grid of the leave-one-category-out selection (8 settings): range margins of
   * 0, 0.1, 0.5 or 1 and rest periods of 75 or 150 samples, with 3 value bits and alarm level 0.75.
   */
  public static List<ContextualConfig> candidates() {
    ContextualConfig d = defaults();
    List<ContextualConfig> out = new ArrayList<>();
    for (double margin : new double[] {0.0, 0.1, 0.5, 1.0}) {
      for (int rest : new int[] {75, 150}) {
        out.add(new ContextualConfig(d.valueBits(), d.maxLeftFacts(), d.maxActive(), d.alarmLevel(), rest,
            d.warmup(), margin));
      }
    }
    return out;
  }

  /** These settings with the silence settings neutral: the key of the raw scores they share. */
  ContextualConfig memoryKey() {
    return new ContextualConfig(valueBits, maxLeftFacts, maxActive, 1.0, 0, 0, rangeMargin);
  }
}
