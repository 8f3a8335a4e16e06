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
   * @return the figures
   */
  public static Report run(DenseDataset data, LabelerSuite suite, ConsensusConfig config,
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
    Map<String, Scorecard.Scores> per = new LinkedHashMap<>();
    for (int j = 0; j < labelers.size(); j++) {
      per.put(labelers.get(j).name(), cards.get(j).scores());
    }
    double[] med = {median(cards, 0), median(cards, 1), median(cards, 2)};
    return new Report(data.size(), cons.scores(),
        new Scorecard.Headline(Scorecard.round(med[0]), Scorecard.round(med[1]), Scorecard.round(med[2])),
        new Comparison(better(cons.eventF1(), med[0]), better(cons.shapeTagAccuracy(), med[1]),
            better(cons.numericScore(), med[2])),
        per, labelModelAccuracies(consensus));
  }

  /**
   * Per facet token, the label model's estimated accuracy of each voter (by source name), rounded
   * to 4 decimals ({@code null} for NaN).
   */
  public static Map<String, Map<String, Double>> labelModelAccuracies(Consensus consensus) {
    Map<String, Map<String, Double>> acc = new LinkedHashMap<>();
    for (ShapeFacet f : consensus.models().keySet()) {
      Map<String, Double> a = new LinkedHashMap<>();
      List<String> names = consensus.facetSources(f);
      for (int j = 0; j < names.size(); j++) {
        a.put(names.get(j), Scorecard.round(consensus.models().get(f).accuracy(j)));
      }
      acc.put(f.token(), java.util.Collections.unmodifiableMap(a));
    }
    return java.util.Collections.unmodifiableMap(acc);
  }

  /**
   * The figures of an evaluation.
   *
   * @param windows windows scored
   * @param consensus the consensus against truth, over the union of the labelers' scopes
   * @param medianLabeler per headline figure, the median over the labelers that produce that kind
   * @param consensusBeatsMedianLabeler per headline figure, whether the consensus is above the
   *     median labeler ({@code null} when either is not measured)
   * @param labelers per labeler name, its scorecard over its own scope
   * @param labelModelAccuracies per facet, the label model's voter accuracies
   */
  public record Report(int windows, Scorecard.Scores consensus, Scorecard.Headline medianLabeler,
      Comparison consensusBeatsMedianLabeler, Map<String, Scorecard.Scores> labelers,
      Map<String, Map<String, Double>> labelModelAccuracies) {
    /** Copies the maps, keeping their order. */
    public Report {
      labelers = Scorecard.ordered(labelers);
      labelModelAccuracies = Scorecard.ordered(labelModelAccuracies);
    }
  }

  /**
   * Whether the consensus is above the median labeler, per headline figure ({@code null} when
   * either side is not measured).
   *
   * @param eventF1 on event F1
   * @param shapeTagAccuracy on shape-tag accuracy
   * @param numericScore on the numeric score
   */
  public record Comparison(Boolean eventF1, Boolean shapeTagAccuracy, Boolean numericScore) {
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
