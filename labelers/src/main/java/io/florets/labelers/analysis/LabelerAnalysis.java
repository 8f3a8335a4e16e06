package io.florets.labelers.analysis;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.Event;
import io.florets.datasets.target.EventType;
import io.florets.datasets.target.NumericProperty;
import io.florets.datasets.target.Property;
import io.florets.datasets.target.ShapeFacet;
import io.florets.datasets.target.ShapeTag;
import io.florets.datasets.target.Target;
import io.florets.labelers.Labeler;
import io.florets.labelers.consensus.EventMatching;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Measures labelers against each other (and against gold where it exists): coverage, overlap,
 * conflict and empirical accuracy per labeler, printable as a table and as JSON-ready maps.
 *
 * <p>A slot is one (window, channel, facet | property | event type) that a labeler can speak to.
 * Agreement: shape tags agree when equal; numbers when they differ by at most
 * {@code relativeTolerance} of the larger magnitude; events of a type when every event of each
 * list matches one of the other within the event tolerance (an empty list from a labeler able to
 * report the type says "none here"). Gold judges a tag by equality, a number by the same relative
 * tolerance, an event by a match within the tolerance.
 */
public final class LabelerAnalysis {
  private final List<LabelerSummary> summaries;

  private LabelerAnalysis(List<LabelerSummary> summaries) {
    this.summaries = List.copyOf(summaries);
  }

  /**
   * Analyses the labelers' annotations.
   *
   * @param labelers the suite (defines each labeler's scope)
   * @param raw per window, the suite's annotations
   * @param gold per window, the gold annotations (any source), or {@code null} if there is none
   * @param tolerance event matching tolerance in samples
   * @param relativeTolerance numeric agreement tolerance (fraction), e.g. 0.1
   */
  public static LabelerAnalysis of(List<Labeler> labelers, List<List<Annotation>> raw,
      List<List<Annotation>> gold, int tolerance, double relativeTolerance) {
    if (gold != null && gold.size() != raw.size()) {
      throw new IllegalArgumentException("gold has " + gold.size() + " windows, annotations " + raw.size());
    }
    int k = labelers.size();
    long[] slots = new long[k];
    long[] covered = new long[k];
    long[] overlapped = new long[k];
    long[] conflicted = new long[k];
    long[] judged = new long[k];
    long[] correct = new long[k];
    for (int w = 0; w < raw.size(); w++) {
      Set<Integer> channels = new TreeSet<>();
      for (Annotation a : raw.get(w)) {
        channels.add(a.target().channel());
      }
      List<Annotation> g = gold == null ? List.of() : gold.get(w);
      for (int ch : channels) {
        List<Map<Object, List<Target>>> said = new ArrayList<>();
        for (Labeler l : labelers) {
          said.add(bySlot(raw.get(w), l.name(), ch));
        }
        Map<Object, List<Target>> truth = bySlot(g, null, ch);
        for (int i = 0; i < k; i++) {
          for (Object slot : scope(labelers.get(i))) {
            slots[i]++;
            List<Target> mine = said.get(i).getOrDefault(slot, List.of());
            if (mine.isEmpty()) {
              continue;
            }
            covered[i]++;
            boolean ov = false;
            boolean cf = false;
            for (int j = 0; j < k; j++) {
              if (j == i || !scope(labelers.get(j)).contains(slot)) {
                continue;
              }
              List<Target> theirs = said.get(j).getOrDefault(slot, List.of());
              boolean isEvent = slot instanceof EventType;
              if (theirs.isEmpty() && !isEvent) {
                continue;
              }
              ov |= !theirs.isEmpty();
              cf |= !agree(mine, theirs, tolerance, relativeTolerance);
            }
            overlapped[i] += ov ? 1 : 0;
            conflicted[i] += cf ? 1 : 0;
            if (gold != null && (truth.containsKey(slot) || slot instanceof EventType)) {
              List<Target> t = truth.getOrDefault(slot, List.of());
              for (Target m : mine) {
                judged[i]++;
                correct[i] += judge(m, t, tolerance, relativeTolerance) ? 1 : 0;
              }
            }
          }
        }
      }
    }
    List<LabelerSummary> out = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      double s = Math.max(1, slots[i]);
      out.add(new LabelerSummary(labelers.get(i).name(), labelers.get(i).version(), slots[i],
          covered[i] / s, overlapped[i] / s, conflicted[i] / s,
          judged[i] == 0 ? Double.NaN : (double) correct[i] / judged[i], judged[i]));
    }
    return new LabelerAnalysis(out);
  }

  private static Set<Object> scope(Labeler l) {
    Set<Object> s = new java.util.HashSet<>();
    s.addAll(l.facets());
    s.addAll(l.properties());
    s.addAll(l.eventTypes());
    return s;
  }

  private static Map<Object, List<Target>> bySlot(List<Annotation> as, String source, int ch) {
    Map<Object, List<Target>> m = new HashMap<>();
    for (Annotation a : as) {
      Target t = a.target();
      if ((source != null && !source.equals(a.source())) || t.channel() != ch) {
        continue;
      }
      Object slot = t instanceof ShapeTag st ? st.facet()
          : t instanceof NumericProperty np ? np.property()
          : t instanceof Event e ? e.type() : null;
      if (slot != null) {
        m.computeIfAbsent(slot, x -> new ArrayList<>()).add(t);
      }
    }
    return m;
  }

  static boolean agree(List<Target> a, List<Target> b, int tol, double rel) {
    if (a.isEmpty() || b.isEmpty()) {
      return a.isEmpty() && b.isEmpty();
    }
    if (a.get(0) instanceof Event) {
      return covers(a, b, tol) && covers(b, a, tol);
    }
    return judge(a.get(0), b, tol, rel);
  }

  private static boolean covers(List<Target> a, List<Target> b, int tol) {
    for (Target x : a) {
      boolean hit = false;
      for (Target y : b) {
        hit |= EventMatching.matches((Event) x, (Event) y, tol);
      }
      if (!hit) {
        return false;
      }
    }
    return true;
  }

  static boolean judge(Target m, List<Target> truth, int tol, double rel) {
    for (Target t : truth) {
      if (m instanceof ShapeTag a && t instanceof ShapeTag b && a.value().equals(b.value())) {
        return true;
      }
      if (m instanceof NumericProperty a && t instanceof NumericProperty b) {
        double scale = Math.max(Math.abs(a.value()), Math.abs(b.value()));
        return Math.abs(a.value() - b.value()) <= rel * scale;
      }
      if (m instanceof Event a && t instanceof Event b && EventMatching.matches(a, b, tol)) {
        return true;
      }
    }
    return false;
  }

  /** One summary per labeler, in suite order. */
  public List<LabelerSummary> summaries() {
    return summaries;
  }

  /** Whether gold judged at least one statement of at least one labeler. */
  public boolean hasGold() {
    for (LabelerSummary s : summaries) {
      if (s.goldStatements() > 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * A fixed-width text table (one line per labeler). The accuracy column appears only when gold
   * judged some statement ({@link #hasGold()}); without gold it would be empty on every line.
   */
  public String toTable() {
    boolean gold = hasGold();
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-22s %8s %9s %8s %9s",
        "labeler", "slots", "coverage", "overlap", "conflict"));
    b.append(gold ? String.format(Locale.ROOT, " %9s%n", "accuracy") : System.lineSeparator());
    for (LabelerSummary s : summaries) {
      b.append(String.format(Locale.ROOT, "%-22s %8d %9.3f %8.3f %9.3f", s.name(), s.slots(),
          s.coverage(), s.overlap(), s.conflict()));
      b.append(!gold ? System.lineSeparator() : String.format(Locale.ROOT, " %9s%n",
          Double.isNaN(s.accuracy()) ? "-" : String.format(Locale.ROOT, "%.3f", s.accuracy())));
    }
    return b.toString();
  }

  /** One row per labeler, in suite order, as written to JSON. */
  public List<Row> rows() {
    List<Row> out = new ArrayList<>();
    for (LabelerSummary s : summaries) {
      out.add(new Row(s.name(), s.version(), s.slots(), s.coverage(), s.overlap(), s.conflict(),
          Double.isNaN(s.accuracy()) ? null : s.accuracy(), s.goldStatements()));
    }
    return out;
  }

  /**
   * A labeler's summary as written to JSON ({@link LabelerSummary} with the accuracy
   * {@code null} instead of NaN).
   *
   * @param labeler labeler name
   * @param version labeler version
   * @param slots number of slots in its scope
   * @param coverage fraction of slots where it said something
   * @param overlap fraction of slots where it and at least one other labeler said something
   * @param conflict fraction of slots where it said something and another labeler disagreed
   * @param accuracy fraction of its statements that agree with gold; left out of the JSON without
   *     gold (a file has no gold labels: {@code florets label} leaves it out on every row)
   * @param goldStatements number of its statements that gold could judge
   */
  public record Row(String labeler, String version, long slots, double coverage, double overlap,
      double conflict, @JsonInclude(JsonInclude.Include.NON_NULL) Double accuracy,
      long goldStatements) {
  }
}
