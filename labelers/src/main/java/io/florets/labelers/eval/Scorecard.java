package io.florets.labelers.eval;

import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.Event;
import io.florets.datasets.target.EventType;
import io.florets.datasets.target.NumericProperty;
import io.florets.datasets.target.Property;
import io.florets.datasets.target.ShapeFacet;
import io.florets.datasets.target.ShapeTag;
import io.florets.labelers.consensus.EventMatching;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Accumulates one system's scores against ground truth, restricted to a scope (the event types,
 * facets and properties the system can produce). Not thread-safe: one per system, fed in order.
 *
 * <ul>
 *   <li>events: per type, true positives (one-to-one matches within the tolerance), predicted and
 *       true counts; precision, recall, F1 per type and micro-averaged overall;</li>
 *   <li>shape tags: per facet, the fraction of true tags the system got (an abstention is wrong);</li>
 *   <li>numerics: per property, the mean of ChatTS's {@code max(0, 1 - |pred - true| / |true|)}
 *       over true values (an abstention scores 0; a true value of 0 scores 1 only if matched
 *       exactly).</li>
 * </ul>
 */
public final class Scorecard {
  private final Set<EventType> eventTypes;
  private final Set<ShapeFacet> facets;
  private final Set<Property> properties;
  private final Map<EventType, long[]> events = new EnumMap<>(EventType.class);
  private final Map<ShapeFacet, long[]> tags = new EnumMap<>(ShapeFacet.class);
  private final Map<Property, double[]> numerics = new EnumMap<>(Property.class);

  /** A scorecard over the given scope. */
  public Scorecard(Set<EventType> eventTypes, Set<ShapeFacet> facets, Set<Property> properties) {
    this.eventTypes = Set.copyOf(eventTypes);
    this.facets = Set.copyOf(facets);
    this.properties = Set.copyOf(properties);
  }

  /**
   * Scores one window.
   *
   * @param predicted the system's annotations
   * @param truth the true annotations
   * @param tol event matching tolerance in samples
   */
  public void add(List<Annotation> predicted, List<Annotation> truth, int tol) {
    for (EventType t : eventTypes) {
      List<Event> p = events(predicted, t);
      List<Event> g = events(truth, t);
      if (p.isEmpty() && g.isEmpty()) {
        continue;
      }
      long[] c = events.computeIfAbsent(t, k -> new long[3]);
      c[0] += EventMatching.countMatches(p, g, tol);
      c[1] += p.size();
      c[2] += g.size();
    }
    for (Annotation ta : truth) {
      if (ta.target() instanceof ShapeTag g && facets.contains(g.facet())) {
        long[] c = tags.computeIfAbsent(g.facet(), k -> new long[2]);
        c[1]++;
        for (Annotation pa : predicted) {
          if (pa.target() instanceof ShapeTag p && p.facet() == g.facet() && p.channel() == g.channel()) {
            if (p.value().equals(g.value())) {
              c[0]++;
            }
            break;
          }
        }
      } else if (ta.target() instanceof NumericProperty g && properties.contains(g.property())) {
        double[] c = numerics.computeIfAbsent(g.property(), k -> new double[2]);
        c[1]++;
        for (Annotation pa : predicted) {
          if (pa.target() instanceof NumericProperty p && p.property() == g.property()
              && p.channel() == g.channel()) {
            c[0] += score(p.value(), g.value());
            break;
          }
        }
      }
    }
  }

  /** ChatTS's numeric score. */
  public static double score(double pred, double truth) {
    if (truth == 0) {
      return pred == 0 ? 1 : 0;
    }
    return Math.max(0, 1 - Math.abs(pred - truth) / Math.abs(truth));
  }

  private static List<Event> events(List<Annotation> as, EventType t) {
    List<Event> out = new ArrayList<>();
    for (Annotation a : as) {
      if (a.target() instanceof Event e && e.type() == t) {
        out.add(e);
      }
    }
    return out;
  }

  /** Micro-averaged event F1 over the scope's types that occurred (NaN if none). */
  public double eventF1() {
    long tp = 0;
    long pred = 0;
    long gold = 0;
    for (long[] c : events.values()) {
      tp += c[0];
      pred += c[1];
      gold += c[2];
    }
    return f1(tp, pred, gold);
  }

  private static double f1(long tp, long pred, long gold) {
    if (pred + gold == 0) {
      return Double.NaN;
    }
    return 2.0 * tp / (pred + gold);
  }

  /** Mean over facets of the tag accuracy (NaN if no facet was scored). */
  public double shapeTagAccuracy() {
    double s = 0;
    int k = 0;
    for (long[] c : tags.values()) {
      s += (double) c[0] / c[1];
      k++;
    }
    return k == 0 ? Double.NaN : s / k;
  }

  /** Mean over properties of the numeric score (NaN if no property was scored). */
  public double numericScore() {
    double s = 0;
    int k = 0;
    for (double[] c : numerics.values()) {
      s += c[0] / c[1];
      k++;
    }
    return k == 0 ? Double.NaN : s / k;
  }

  /**
   * The figures as a value (for reports and JSON): the overall figures and the per-type, facet and
   * property detail, in the scope's order; figures that cannot be measured are {@code null}.
   */
  public Scores scores() {
    Map<String, EventScores> ev = new LinkedHashMap<>();
    for (Map.Entry<EventType, long[]> e : events.entrySet()) {
      long[] c = e.getValue();
      ev.put(e.getKey().token(), new EventScores(round(c[1] == 0 ? Double.NaN : (double) c[0] / c[1]),
          round(c[2] == 0 ? Double.NaN : (double) c[0] / c[2]), round(f1(c[0], c[1], c[2])), c[0], c[1],
          c[2]));
    }
    Map<String, Double> tg = new LinkedHashMap<>();
    for (Map.Entry<ShapeFacet, long[]> e : tags.entrySet()) {
      tg.put(e.getKey().token(), round((double) e.getValue()[0] / e.getValue()[1]));
    }
    Map<String, Double> nu = new LinkedHashMap<>();
    for (Map.Entry<Property, double[]> e : numerics.entrySet()) {
      nu.put(e.getKey().token(), round(e.getValue()[0] / e.getValue()[1]));
    }
    return new Scores(round(eventF1()), round(shapeTagAccuracy()), round(numericScore()), ev, tg, nu);
  }

  /**
   * A scorecard's figures, rounded to 4 decimals; {@code null} where nothing was scored (JSON has
   * no NaN).
   *
   * @param eventF1 micro-averaged event F1
   * @param shapeTagAccuracy mean over facets of the tag accuracy
   * @param numericScore mean over properties of the numeric score
   * @param events per event type token, in scope order
   * @param shapeTags per facet token, the tag accuracy
   * @param numerics per property token, the numeric score
   */
  public record Scores(Double eventF1, Double shapeTagAccuracy, Double numericScore,
      Map<String, EventScores> events, Map<String, Double> shapeTags, Map<String, Double> numerics) {
    /** Copies the maps, keeping their order. */
    public Scores {
      events = ordered(events);
      shapeTags = ordered(shapeTags);
      numerics = ordered(numerics);
    }

    /** The three headline figures. */
    public Headline headline() {
      return new Headline(eventF1, shapeTagAccuracy, numericScore);
    }
  }

  /**
   * The three headline figures of a scorecard (or a median over scorecards); {@code null} where
   * not measured.
   *
   * @param eventF1 event F1
   * @param shapeTagAccuracy shape-tag accuracy
   * @param numericScore numeric score
   */
  public record Headline(Double eventF1, Double shapeTagAccuracy, Double numericScore) {
  }

  /**
   * The figures of one event type.
   *
   * @param precision true positives over predicted ({@code null} when nothing was predicted)
   * @param recall true positives over true events ({@code null} when there were none)
   * @param f1 F1 ({@code null} when there was nothing to score)
   * @param truePositives one-to-one matches within the tolerance
   * @param predicted predicted events
   * @param truth true events
   */
  public record EventScores(Double precision, Double recall, Double f1, long truePositives,
      long predicted, long truth) {
  }

  static <V> Map<String, V> ordered(Map<String, V> m) {
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(m));
  }

  static Double round(double v) {
    return Double.isNaN(v) ? null : Math.round(v * 10000) / 10000.0;
  }
}
