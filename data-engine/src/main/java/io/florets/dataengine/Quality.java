package io.florets.dataengine;

import io.florets.datasets.Window;
import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.ClassLabel;
import io.florets.datasets.target.EventType;
import io.florets.datasets.target.Property;
import io.florets.datasets.target.ShapeFacet;
import io.florets.datasets.target.ShapeTag;
import io.florets.labelers.Labeler;
import io.florets.labelers.consensus.Consensus;
import io.florets.labelers.consensus.ConsensusConfig;
import io.florets.labelers.eval.LabelerEvaluation;
import io.florets.labelers.eval.Scorecard;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The figures of a round: labeler analysis, model quality on the held-out split, label quality. */
final class Quality {
  private Quality() {
  }

  /**
   * The model against the current targets on the held-out windows: the report, plus the unrounded
   * figures the next merge weighs the model's votes with.
   */
  record Held(ModelQuality report, Map<ShapeFacet, Double> facets, double eventF1) {
    /** Weight of the model's event votes: its held-out event F1 (0.5 when not measurable). */
    double eventWeight() {
      return Double.isNaN(eventF1) ? 0.5 : eventF1;
    }

    /** Held-out agreement of the model's tags of one facet (0 when not measured). */
    double facetAgreement(ShapeFacet f) {
      Double d = facets.get(f);
      return d == null ? 0 : d;
    }

    String summary() {
      Scorecard.Scores c = report.scores();
      return "eventF1 " + c.eventF1() + ", shapeTagAccuracy " + c.shapeTagAccuracy()
          + ", numericScore " + c.numericScore();
    }
  }

  /**
   * The model's answers on the held-out windows: the scorecard against the targets, per facet the
   * tag agreement, and {@code classAccuracy}: on held-out windows with a human class label, the
   * share where the model's class equals it ({@code null} when there is none; {@code classHeldOut}
   * gives the count).
   */
  static Held model(List<List<Annotation>> answers, List<List<Annotation>> targets,
      List<List<Annotation>> human, boolean[] heldOut, List<Window> windows, ConsensusConfig cc) {
    long[] cls = new long[2];
    for (int i = 0; i < heldOut.length; i++) {
      if (!heldOut[i]) {
        continue;
      }
      for (Annotation h : human.get(i)) {
        if (h.target() instanceof ClassLabel l) {
          cls[1]++;
          for (Annotation a : answers.get(i)) {
            if (a.target() instanceof ClassLabel p) {
              cls[0] += p.label().equals(l.label()) ? 1 : 0;
              break;
            }
          }
          break;
        }
      }
    }
    Scorecard card = new Scorecard(EnumSet.allOf(EventType.class), EnumSet.allOf(ShapeFacet.class),
        EnumSet.allOf(Property.class));
    Map<ShapeFacet, long[]> agree = new EnumMap<>(ShapeFacet.class);
    for (int i = 0; i < heldOut.length; i++) {
      if (!heldOut[i]) {
        continue;
      }
      card.add(answers.get(i), targets.get(i), cc.tolerance(windows.get(i).length()));
      for (Annotation t : targets.get(i)) {
        if (t.target() instanceof ShapeTag g) {
          long[] c = agree.computeIfAbsent(g.facet(), k -> new long[2]);
          c[1]++;
          for (Annotation a : answers.get(i)) {
            if (a.target() instanceof ShapeTag p && p.facet() == g.facet()
                && p.channel() == g.channel()) {
              c[0] += p.value().equals(g.value()) ? 1 : 0;
              break;
            }
          }
        }
      }
    }
    Map<ShapeFacet, Double> facets = new EnumMap<>(ShapeFacet.class);
    agree.forEach((f, c) -> facets.put(f, (double) c[0] / c[1]));
    Map<String, Double> rounded = new LinkedHashMap<>();
    facets.forEach((k, v) -> rounded.put(k.token(), round(v)));
    ModelQuality report = new ModelQuality(card.scores(),
        cls[1] == 0 ? null : round((double) cls[0] / cls[1]), cls[1], rounded);
    return new Held(report, facets, card.eventF1());
  }

  /** The targets against truth, over the scope of the labelers (what they can report). */
  static Scorecard.Scores truth(List<Labeler> labelers, List<List<Annotation>> targets,
      List<List<Annotation>> truth, List<Window> windows, ConsensusConfig cc) {
    Set<EventType> types = EnumSet.noneOf(EventType.class);
    Set<ShapeFacet> facets = EnumSet.noneOf(ShapeFacet.class);
    Set<Property> props = EnumSet.noneOf(Property.class);
    for (Labeler l : labelers) {
      types.addAll(l.eventTypes());
      facets.addAll(l.facets());
      props.addAll(l.properties());
    }
    Scorecard card = new Scorecard(types, facets, props);
    for (int i = 0; i < targets.size(); i++) {
      card.add(targets.get(i), truth.get(i), cc.tolerance(windows.get(i).length()));
    }
    return card.scores();
  }

  /** Per labeler: windows covered and outputs; per facet: the label model's voter accuracies. */
  static VoterAnalysis analysis(List<Labeler> labelers, List<List<Annotation>> raw,
      Consensus consensus) {
    Map<String, VoterAnalysis.Coverage> per = new LinkedHashMap<>();
    for (Labeler l : labelers) {
      long covered = 0;
      long outputs = 0;
      for (List<Annotation> w : raw) {
        long k = w.stream().filter(a -> a.source().equals(l.name())).count();
        outputs += k;
        covered += k > 0 ? 1 : 0;
      }
      per.put(l.name(), new VoterAnalysis.Coverage(round((double) covered / Math.max(1, raw.size())),
          outputs));
    }
    return new VoterAnalysis(per, LabelerEvaluation.labelModelAccuracies(consensus));
  }

  /** Rounded to 4 decimals; {@code null} for NaN (JSON has no NaN). */
  static Double round(double v) {
    return Double.isNaN(v) ? null : Math.round(v * 1e4) / 1e4;
  }
}
