package io.florets.labelers.eval;

import io.florets.datasets.DenseDataset;
import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.EventType;
import io.florets.datasets.target.Property;
import io.florets.datasets.target.ShapeFacet;
import io.florets.labelers.Labeler;
import io.florets.labelers.LabelerSuite;
import io.florets.labelers.batch.ParallelLabeling;
import io.florets.labelers.consensus.Consensus;
import io.florets.labelers.consensus.ConsensusConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores every labeler of a suite and their consensus against ground truth (a dataset whose
 * annotations with source {@link Annotation#TRUTH} are the truth, e.g. the synthetic generator's).
 * Each labeler is scored on its own scope (the event types, facets and properties it can
 * produce); the consensus on the union. For each kind (events, shape tags, numerics) the result
 * also gives the median of the labelers that produce that kind, to compare the consensus with.
 */
public final class LabelerEvaluation {
  private LabelerEvaluation() {
  }

  /**
   * Runs the evaluation.
   *
   * @param data windows with truth annotations
   * @param suite the labelers
   * @param config consensus settings
   * @param threads labelling threads (&ge; 1)
   * @return figures as nested maps, ready for JSON
   */
  public static Map<String, Object> run(DenseDataset data, LabelerSuite suite, ConsensusConfig config,
      int threads) {
    List<List<Annotation>> raw = ParallelLabeling.label(data.windows(), suite, threads, null);
    List<Labeler> labelers = suite.labelers();
    Consensus consensus = Consensus.fit(labelers, raw, config);
    Set<EventType> allTypes = EnumSet.noneOf(EventType.class);
    Set<ShapeFacet> allFacets = EnumSet.noneOf(ShapeFacet.class);
    Set<Property> allProps = EnumSet.noneOf(Property.class);
    List<Scorecard> cards = new ArrayList<>();
    for (Labeler l : labelers) {
      allTypes.addAll(l.eventTypes());
      allFacets.addAll(l.facets());
      allProps.addAll(l.properties());
      cards.add(new Scorecard(l.eventTypes(), l.facets(), l.properties()));
    }
    Scorecard cons = new Scorecard(allTypes, allFacets, allProps);
    for (int i = 0; i < data.size(); i++) {
      int len = data.get(i).window().length();
      int tol = config.tolerance(len);
      List<Annotation> truth = new ArrayList<>();
      for (Annotation a : data.get(i).annotations()) {
        if (Annotation.TRUTH.equals(a.source())) {
          truth.add(a);
        }
      }
      List<Annotation> r = raw.get(i);
      for (int j = 0; j < labelers.size(); j++) {
        String name = labelers.get(j).name();
        List<Annotation> mine = new ArrayList<>();
        for (Annotation a : r) {
          if (a.source().equals(name)) {
            mine.add(a);
          }
        }
        cards.get(j).add(mine, truth, tol);
      }
      cons.add(consensus.apply(len, r).kept(), truth, tol);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("windows", data.size());
    Map<String, Object> c = cons.toMap();
    out.put("consensus", c);
    Map<String, Object> med = new LinkedHashMap<>();
    med.put("eventF1", Scorecard.round(median(cards, 0)));
    med.put("shapeTagAccuracy", Scorecard.round(median(cards, 1)));
    med.put("numericScore", Scorecard.round(median(cards, 2)));
    out.put("medianLabeler", med);
    Map<String, Object> beats = new LinkedHashMap<>();
    beats.put("eventF1", better(cons.eventF1(), median(cards, 0)));
    beats.put("shapeTagAccuracy", better(cons.shapeTagAccuracy(), median(cards, 1)));
    beats.put("numericScore", better(cons.numericScore(), median(cards, 2)));
    out.put("consensusBeatsMedianLabeler", beats);
    Map<String, Object> per = new LinkedHashMap<>();
    for (int j = 0; j < labelers.size(); j++) {
      per.put(labelers.get(j).name(), cards.get(j).toMap());
    }
    out.put("labelers", per);
    Map<String, Object> acc = new LinkedHashMap<>();
    for (ShapeFacet f : consensus.models().keySet()) {
      Map<String, Object> a = new LinkedHashMap<>();
      List<String> names = consensus.facetSources(f);
      for (int j = 0; j < names.size(); j++) {
        a.put(names.get(j), Scorecard.round(consensus.models().get(f).accuracy(j)));
      }
      acc.put(f.token(), a);
    }
    out.put("labelModelAccuracies", acc);
    return out;
  }

  private static Boolean better(double consensus, double median) {
    if (Double.isNaN(consensus) || Double.isNaN(median)) {
      return null;
    }
    return consensus > median;
  }

  private static double median(List<Scorecard> cards, int which) {
    double[] v = new double[cards.size()];
    int k = 0;
    for (Scorecard s : cards) {
      double x = which == 0 ? s.eventF1() : (which == 1 ? s.shapeTagAccuracy() : s.numericScore());
      if (!Double.isNaN(x)) {
        v[k++] = x;
      }
    }
    if (k == 0) {
      return Double.NaN;
    }
    double[] s = Arrays.copyOf(v, k);
    Arrays.sort(s);
    return k % 2 == 1 ? s[k / 2] : 0.5 * (s[k / 2 - 1] + s[k / 2]);
  }
}
