package io.florets.labelers.consensus;

import io.florets.datasets.DenseDataset;
import io.florets.datasets.synthetic.SyntheticConfig;
import io.florets.datasets.synthetic.SyntheticGenerator;
import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.Event;
import io.florets.datasets.target.ShapeFacet;
import io.florets.datasets.target.ShapeTag;
import io.florets.labelers.Labeler;
import io.florets.labelers.LabelerSuite;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each labeler's shape tags and event reports are worth, measured once against the synthetic
 * generator's truth. Events: see {@link SoloReliability}; numeric properties: see
 * {@link NumericReliability}. Shape tags: per facet, how often each labeler answers each tag when the truth is each tag (a confusion
 * matrix of counts) and how often each truth occurs. {@link Consensus#fit} adds these counts to the
 * label model as Dirichlet pseudo-counts, so the model starts from measured reliabilities and the
 * dataset's own votes update them.
 *
 * <p>Why: with two labelers tagging a facet, votes alone cannot say which one is right when they
 * disagree (Dawid&ndash;Skene is not identifiable there), and the fit without this prior gave a
 * consensus below its best labeler on three of the four facets. The windows are the default
 * synthetic recipe's, of seed {@link #SEED} (no evaluation uses that seed), labelled by the very
 * labelers of the suite (their settings included); measured once per suite and JVM.
 */
final class ReliabilityPrior {
  /** Generator seed of the windows the reliabilities are measured on. */
  static final long SEED = 4242;
  /** Length of those windows. */
  static final int LENGTH = 256;

  private static final Map<String, Measured> CACHE = new ConcurrentHashMap<>();

  /** Everything measured on the windows: per facet the tag counts, and the solo event reports. */
  record Measured(Map<ShapeFacet, Counts> facets, SoloReliability solo, NumericReliability numeric) {
  }

  private ReliabilityPrior() {
  }

  /**
   * Counts of one facet.
   *
   * @param confusion {@code [source][truth][answer]} counts, sources in suite order
   * @param truth per truth class, the windows with that truth
   */
  record Counts(double[][][] confusion, double[] truth, List<int[]> votes, List<Integer> truths) {

    /**
     * The sources worth listening to on this facet: of every non-empty subset of the sources, the
     * one whose naive-Bayes vote (class prior and confusions from these counts, one pseudo-count
     * per cell) is right most often on the measured windows; the full set unless a subset is right
     * more often by more than {@link #SUBSET_MARGIN}. Labelers that err together (they share the
     * same analysis) are counted as independent by the label model, and can outvote a better one
     * that sees the window differently; this is where that shows.
     *
     * @return per source, {@code true} if the label model should ignore it
     */
    boolean[] ignored() {
      int s = confusion.length;
      int c = truth.length;
      double[][][] logConf = new double[s][c][c];
      for (int j = 0; j < s; j++) {
        for (int k = 0; k < c; k++) {
          double tot = 0;
          for (int l = 0; l < c; l++) {
            tot += confusion[j][k][l] + 1;
          }
          for (int l = 0; l < c; l++) {
            logConf[j][k][l] = Math.log((confusion[j][k][l] + 1) / tot);
          }
        }
      }
      double totalTruth = 0;
      for (double t : truth) {
        totalTruth += t + 1;
      }
      double[] logPrior = new double[c];
      for (int k = 0; k < c; k++) {
        logPrior[k] = Math.log((truth[k] + 1) / totalTruth);
      }
      int full = (1 << s) - 1;
      int bestMask = full;
      double fullAcc = accuracy(full, logConf, logPrior);
      double bestAcc = fullAcc;
      for (int mask = 1; mask < full; mask++) {
        double a = accuracy(mask, logConf, logPrior);
        if (a > bestAcc && a > fullAcc + SUBSET_MARGIN) {
          bestAcc = a;
          bestMask = mask;
        }
      }
      boolean[] out = new boolean[s];
      for (int j = 0; j < s; j++) {
        out[j] = (bestMask & (1 << j)) == 0;
      }
      return out;
    }

    private double accuracy(int mask, double[][][] logConf, double[] logPrior) {
      int c = logPrior.length;
      int right = 0;
      for (int i = 0; i < votes.size(); i++) {
        int[] v = votes.get(i);
        int best = -1;
        double bestLp = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < c; k++) {
          double lp = logPrior[k];
          for (int j = 0; j < v.length; j++) {
            if ((mask & (1 << j)) != 0 && v[j] != LabelModel.ABSTAIN) {
              lp += logConf[j][k][v[j]];
            }
          }
          if (lp > bestLp) {
            bestLp = lp;
            best = k;
          }
        }
        right += best == truths.get(i) ? 1 : 0;
      }
      return votes.isEmpty() ? 0 : (double) right / votes.size();
    }
  }

  /** How much more often a subset of a facet's sources must be right than all of them. */
  static final double SUBSET_MARGIN = 0.005;

  /**
   * The counts of every facet some labeler tags, and the reliability of unconfirmed event reports
   * (measured on first use, then cached).
   *
   * @param labelers the suite
   * @param windows synthetic windows to measure on (&ge; 1)
   * @param tol event matching tolerance for windows of {@link #LENGTH} samples
   * @param maxRelativeSpread the consensus's {@link ConsensusConfig#maxRelativeSpread()}
   */
  static Measured of(List<Labeler> labelers, int windows, int tol, double maxRelativeSpread) {
    StringBuilder key = new StringBuilder().append(windows).append(" tol ").append(tol)
        .append(" spread ").append(maxRelativeSpread);
    for (Labeler l : labelers) {
      key.append('|').append(l.name()).append(' ').append(l.version()).append(' ').append(l);
    }
    return CACHE.computeIfAbsent(key.toString(), k -> measure(labelers, windows, tol, maxRelativeSpread));
  }

  private static Measured measure(List<Labeler> labelers, int windows, int tol, double maxRelativeSpread) {
    DenseDataset data = SyntheticGenerator.generate(SyntheticConfig.of(windows, LENGTH, SEED));
    LabelerSuite suite = LabelerSuite.of(labelers);
    Map<ShapeFacet, List<String>> sources = Consensus.facetSources(labelers);
    Map<ShapeFacet, Counts> out = new EnumMap<>(ShapeFacet.class);
    for (Map.Entry<ShapeFacet, List<String>> e : sources.entrySet()) {
      if (!e.getValue().isEmpty()) {
        int c = e.getKey().allowed().size();
        out.put(e.getKey(), new Counts(new double[e.getValue().size()][c][c], new double[c],
            new ArrayList<>(), new ArrayList<>()));
      }
    }
    SoloReliability solo = new SoloReliability();
    List<String> names = new ArrayList<>();
    Map<String, java.util.Set<io.florets.datasets.target.Property>> reports = new HashMap<>();
    for (Labeler l : labelers) {
      names.add(l.name());
      reports.put(l.name(), l.properties());
    }
    NumericReliability numeric = new NumericReliability(names, reports, maxRelativeSpread);
    for (int i = 0; i < data.size(); i++) {
      DenseDataset.Entry e = data.get(i);
      Map<ShapeFacet, Map<Integer, Integer>> truth = new EnumMap<>(ShapeFacet.class);
      List<Event> trueEvents = new ArrayList<>();
      for (Annotation a : e.annotations()) {
        if (Annotation.TRUTH.equals(a.source()) && a.target() instanceof Event ev) {
          trueEvents.add(ev);
        }
        if (Annotation.TRUTH.equals(a.source()) && a.target() instanceof ShapeTag t && out.containsKey(t.facet())) {
          truth.computeIfAbsent(t.facet(), x -> new HashMap<>()).put(t.channel(), t.facet().allowed().indexOf(t.value()));
        }
      }
      List<Annotation> labelled = suite.label(e.window());
      solo.add(labelled, trueEvents, tol);
      numeric.add(labelled, e.annotations());
      for (Map.Entry<ShapeFacet, Counts> fc : out.entrySet()) {
        Map<Integer, Integer> tr = truth.get(fc.getKey());
        if (tr == null) {
          continue;
        }
        Map<Integer, int[]> votes = Consensus.facetVotes(labelled, fc.getKey(), sources.get(fc.getKey()));
        for (Map.Entry<Integer, Integer> t : tr.entrySet()) {
          int k = t.getValue();
          if (k < 0) {
            continue;
          }
          fc.getValue().truth()[k] += 1;
          int[] v = votes.get(t.getKey());
          if (v == null) {
            continue;
          }
          fc.getValue().votes().add(v);
          fc.getValue().truths().add(k);
          for (int j = 0; j < v.length; j++) {
            if (v[j] != LabelModel.ABSTAIN) {
              fc.getValue().confusion()[j][k][v[j]] += 1;
            }
          }
        }
      }
    }
    return new Measured(out, solo, numeric.finish());
  }
}
