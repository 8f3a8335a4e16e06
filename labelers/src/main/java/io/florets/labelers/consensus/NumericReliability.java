package io.florets.labelers.consensus;

import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.NumericProperty;
import io.florets.datasets.target.Property;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which labelers' values of each numeric property the consensus should merge, chosen on the
 * reliability windows ({@link ReliabilityPrior}) against the generator's truth, the way
 * {@link ReliabilityPrior.Counts#ignored()} chooses the voters of a shape facet.
 *
 * <p>For each property, every non-empty subset of the labelers that report it is scored: in each
 * window the consensus rule ({@link Consensus}: the median, dropped when two values spread by
 * more than {@link ConsensusConfig#maxRelativeSpread()}) is applied to the subset's values (to all
 * values when none of the subset reported), and the answer gets the numeric score of the
 * evaluation ({@code max(0, 1 - |p - t| / |t|)}, 0 for no answer). The subset with the highest mean
 * is kept when it beats all the labelers by more than {@link #SUBSET_MARGIN}.
 *
 * <p>Why: with two labelers the median is their mean, and two values that disagree are dropped; a
 * period read from the periodogram was right far more often than one read from the
 * autocorrelation, and merging them made the consensus's period worse than the periodogram's
 * alone.
 */
final class NumericReliability {
  /** How much better a subset's mean score must be than all the labelers'. */
  static final double SUBSET_MARGIN = 0.005;
  /** Most sources of one property whose subsets are searched (more: all are merged). */
  static final int MAX_SOURCES = 6;

  /** Per property, the reporting sources in suite order, and per window their values (NaN: none) and the truth. */
  private final Map<Property, List<String>> sources = new EnumMap<>(Property.class);
  private final Map<Property, List<double[]>> rows = new EnumMap<>(Property.class);
  private final double maxRelativeSpread;
  private Map<Property, Set<String>> kept;

  NumericReliability(List<String> names, Map<String, Set<Property>> reports, double maxRelativeSpread) {
    for (String n : names) {
      for (Property p : reports.get(n)) {
        sources.computeIfAbsent(p, k -> new ArrayList<>()).add(n);
      }
    }
    this.maxRelativeSpread = maxRelativeSpread;
  }

  /**
   * Counts one window: for each property and channel the truth has, the values the sources gave.
   *
   * @param raw the suite's annotations of the window
   * @param truth the window's true annotations
   */
  void add(List<Annotation> raw, List<Annotation> truth) {
    Map<String, double[]> byKey = new HashMap<>();
    for (Annotation a : raw) {
      if (a.target() instanceof NumericProperty p && sources.containsKey(p.property())) {
        List<String> s = sources.get(p.property());
        int j = s.indexOf(a.source());
        if (j >= 0) {
          double[] row = byKey.computeIfAbsent(p.property().token() + "@" + p.channel(), k -> {
            double[] r = new double[s.size() + 1];
            Arrays.fill(r, Double.NaN);
            return r;
          });
          row[j] = p.value();
        }
      }
    }
    for (Annotation t : truth) {
      if (t.target() instanceof NumericProperty p && sources.containsKey(p.property())) {
        double[] row = byKey.get(p.property().token() + "@" + p.channel());
        if (row == null) {
          row = new double[sources.get(p.property()).size() + 1];
          Arrays.fill(row, Double.NaN);
        }
        row[row.length - 1] = p.value();
        rows.computeIfAbsent(p.property(), k -> new ArrayList<>()).add(row);
      }
    }
  }

  /** Chooses each property's sources; call once all windows are added. */
  NumericReliability finish() {
    Map<Property, Set<String>> out = new EnumMap<>(Property.class);
    for (Map.Entry<Property, List<double[]>> e : rows.entrySet()) {
      List<String> s = sources.get(e.getKey());
      if (s.size() > MAX_SOURCES) {
        continue;
      }
      int full = (1 << s.size()) - 1;
      double fullScore = meanScore(e.getValue(), full);
      int best = full;
      double bestScore = fullScore;
      for (int mask = 1; mask < full; mask++) {
        double sc = meanScore(e.getValue(), mask);
        if (sc > bestScore && sc > fullScore + SUBSET_MARGIN) {
          bestScore = sc;
          best = mask;
        }
      }
      java.util.Set<String> keep = new java.util.LinkedHashSet<>();
      for (int j = 0; j < s.size(); j++) {
        if ((best & (1 << j)) != 0) {
          keep.add(s.get(j));
        }
      }
      out.put(e.getKey(), java.util.Collections.unmodifiableSet(keep));
    }
    kept = out;
    return this;
  }

  /**
   * The sources whose values of {@code p} the consensus merges, or null when all of them (no
   * measurement, or no subset did better).
   */
  Set<String> sources(Property p) {
    Set<String> s = kept == null ? null : kept.get(p);
    return s == null || s.size() == sources.get(p).size() ? null : s;
  }

  private double meanScore(List<double[]> rs, int mask) {
    double sum = 0;
    for (double[] r : rs) {
      double truth = r[r.length - 1];
      double[] v = values(r, mask);
      if (v.length == 0) {
        v = values(r, (1 << (r.length - 1)) - 1);
      }
      double answer = merge(v, maxRelativeSpread);
      sum += Double.isNaN(answer) ? 0 : score(answer, truth);
    }
    return rs.isEmpty() ? 0 : sum / rs.size();
  }

  private static double[] values(double[] r, int mask) {
    double[] v = new double[r.length - 1];
    int k = 0;
    for (int j = 0; j + 1 < r.length; j++) {
      if ((mask & (1 << j)) != 0 && !Double.isNaN(r[j])) {
        v[k++] = r[j];
      }
    }
    return Arrays.copyOf(v, k);
  }

  /**
   * The consensus's merged value of {@code v}: the median, or NaN when there is none or two values
   * spread by more than {@code maxRelativeSpread} of it (as {@link Consensus} drops them).
   */
  static double merge(double[] v, double maxRelativeSpread) {
    if (v.length == 0) {
      return Double.NaN;
    }
    double[] mr = Consensus.medianAndSpread(v);
    return mr[1] > maxRelativeSpread && v.length < 3 ? Double.NaN : mr[0];
  }

  /** The evaluation's numeric score ({@code Scorecard.score}, ChatTS's). */
  private static double score(double pred, double truth) {
    if (truth == 0) {
      return pred == 0 ? 1 : 0;
    }
    return Math.max(0, 1 - Math.abs(pred - truth) / Math.abs(truth));
  }
}
