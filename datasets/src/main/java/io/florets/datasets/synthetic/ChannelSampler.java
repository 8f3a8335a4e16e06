package io.florets.datasets.synthetic;

import java.util.ArrayList;
import java.util.List;

/**
 * Draws a channel's categorical attributes (trend, seasonality, noise level, noise kind) from the
 * configuration, honouring a forced class value. The only combination ruled out is a channel with
 * neither trend nor seasonality at a noise level other than HIGH: such a channel is pure noise, and
 * its noise share is 1 (see {@link NoiseLevel}).
 */
final class ChannelSampler {

  /** The drawn attributes of one channel. */
  record Attributes(TrendKind trend, SeasonalityKind seasonality, NoiseLevel noiseLevel,
      NoiseKind noiseKind) {
  }

  private ChannelSampler() {
  }

  /**
   * Draws the class value of a window for {@code attribute} (the tag of the drawn kind), uniformly
   * among the values that can occur; {@code null} for {@link ClassAttribute#NONE}.
   */
  static String drawClass(SeededRandom rng, SyntheticConfig c) {
    List<String> options = classOptions(c.trends(), c.seasonalities(), c.noiseLevels(), c.classAttribute());
    return options.isEmpty() ? null : rng.pick(options);
  }

  /** Draws one channel's attributes; {@code forcedClass} is a tag value or {@code null}. */
  static Attributes draw(SeededRandom rng, SyntheticConfig c, String forcedClass) {
    ClassAttribute a = c.classAttribute();
    List<NoiseLevel> levels = new ArrayList<>();
    for (NoiseLevel l : c.noiseLevels()) {
      if (a != ClassAttribute.NOISE || l.tag().equals(forcedClass)) {
        levels.add(l);
      }
    }
    NoiseLevel level = rng.pick(levels);
    List<TrendKind> trends = new ArrayList<>();
    for (TrendKind t : c.trends()) {
      if (a != ClassAttribute.TREND || t.tag().equals(forcedClass)) {
        trends.add(t);
      }
    }
    List<SeasonalityKind> seasons = new ArrayList<>();
    for (SeasonalityKind s : c.seasonalities()) {
      if (a != ClassAttribute.SEASONALITY || s.tag().equals(forcedClass)) {
        seasons.add(s);
      }
    }
    List<Attributes> pairs = pairs(trends, seasons, level);
    if (pairs.isEmpty()) {
      // Only the pure-noise pair is possible: its level is HIGH (validation guarantees HIGH is allowed).
      level = NoiseLevel.HIGH;
      pairs = pairs(trends, seasons, level);
    }
    Attributes p = rng.pick(pairs);
    return new Attributes(p.trend(), p.seasonality(), level, rng.pick(c.noiseKinds()));
  }

  private static List<Attributes> pairs(List<TrendKind> trends, List<SeasonalityKind> seasons,
      NoiseLevel level) {
    List<Attributes> out = new ArrayList<>();
    for (TrendKind t : trends) {
      for (SeasonalityKind s : seasons) {
        if (level == NoiseLevel.HIGH || !(t == TrendKind.STEADY && s == SeasonalityKind.NONE)) {
          out.add(new Attributes(t, s, level, NoiseKind.GAUSSIAN));
        }
      }
    }
    return out;
  }

  private static List<String> classOptions(List<TrendKind> trends, List<SeasonalityKind> seasons,
      List<NoiseLevel> levels, ClassAttribute a) {
    List<String> out = new ArrayList<>();
    if (a == ClassAttribute.TREND) {
      trends.forEach(t -> out.add(t.tag()));
    } else if (a == ClassAttribute.SEASONALITY) {
      seasons.forEach(s -> out.add(s.tag()));
    } else if (a == ClassAttribute.NOISE) {
      levels.forEach(l -> out.add(l.tag()));
    }
    return out;
  }

  /**
   * Why no channel can be drawn for some class value, or {@code null} if every value is feasible.
   * Used by {@link SyntheticConfig}'s validation.
   */
  static String infeasibility(List<TrendKind> trends, List<SeasonalityKind> seasons,
      List<NoiseLevel> levels, ClassAttribute a) {
    boolean onlySteady = trends.equals(List.of(TrendKind.STEADY));
    boolean onlyNone = seasons.equals(List.of(SeasonalityKind.NONE));
    if (a == ClassAttribute.NOISE && onlySteady && onlyNone && !levels.equals(List.of(NoiseLevel.HIGH))) {
      return "with only a steady trend and no seasonality every channel is pure noise (level HIGH), "
          + "so the noise classes " + levels + " other than HIGH cannot occur";
    }
    if (levels.contains(NoiseLevel.HIGH)) {
      return null;
    }
    boolean infeasible;
    if (a == ClassAttribute.TREND) {
      infeasible = trends.contains(TrendKind.STEADY) && onlyNone;
    } else if (a == ClassAttribute.SEASONALITY) {
      infeasible = seasons.contains(SeasonalityKind.NONE) && onlySteady;
    } else {
      infeasible = onlySteady && onlyNone;
    }
    if (infeasible) {
      return "a channel with a steady trend and no seasonality is pure noise and needs noise level "
          + "HIGH, which noiseLevels " + levels + " excludes (trends " + trends + ", seasonalities "
          + seasons + ", class attribute " + a + ")";
    }
    return null;
  }
}
