package io.florets.labelers.consensus;

import java.util.Arrays;
import java.util.List;

/**
 * The Dawid–Skene label model: each source j has a confusion matrix {@code pi_j[true][said]} and
 * the classes a prior; both are fitted by expectation–maximisation on unlabelled votes, starting
 * from the (weighted) majority vote. The posterior of an item's class then weights every source by
 * what it is estimated to get right, and learns which sources confuse which classes.
 *
 * <p>Immutable after {@link #fit}; thread-safe. Serializable, so that a model fitted in one JVM
 * can be used in others (e.g. Spark executors, see {@link Consensus#of}).
 */
public final class LabelModel implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  /** A vote of {@code ABSTAIN} means the source said nothing about the item. */
  public static final int ABSTAIN = -1;

  private final int classes;
  private final int sources;
  private final double[] prior;
  private final double[][][] confusion;

  private LabelModel(int classes, int sources, double[] prior, double[][][] confusion) {
    this.classes = classes;
    this.sources = sources;
    this.prior = prior;
    this.confusion = confusion;
  }

  /**
   * Fits the model.
   *
   * @param votes one row per item, one column per source: a class index or {@link #ABSTAIN}
   * @param classes number of classes (&ge; 2)
   * @param sources number of sources (columns)
   * @param iterations EM iterations (&ge; 1)
   * @param smoothing Dirichlet pseudo-count added to every confusion cell and prior (&gt; 0)
   */
  public static LabelModel fit(List<int[]> votes, int classes, int sources, int iterations,
      double smoothing) {
    return fit(votes, classes, sources, iterations, smoothing, null, null);
  }

  /**
   * Fits the model by maximum a posteriori EM, with measured counts as Dirichlet pseudo-counts:
   * every M-step adds {@code priorConfusion[j][k][l]} to source j's count of answering l when the
   * truth is k, and {@code priorClass[k]} to the count of class k (both on top of
   * {@code smoothing}).
   *
   * @param priorConfusion {@code [source][truth][answer]} pseudo-counts, or null for none
   * @param priorClass per class pseudo-counts, or null for none
   */
  public static LabelModel fit(List<int[]> votes, int classes, int sources, int iterations,
      double smoothing, double[][][] priorConfusion, double[] priorClass) {
    if (priorConfusion != null && (priorConfusion.length != sources || priorConfusion[0].length != classes
        || priorConfusion[0][0].length != classes)) {
      throw new IllegalArgumentException("prior confusion counts must be [" + sources + "][" + classes
          + "][" + classes + "]");
    }
    if (priorClass != null && priorClass.length != classes) {
      throw new IllegalArgumentException("prior class counts must have " + classes + " entries, got "
          + priorClass.length);
    }
    if (classes < 2 || sources < 1 || iterations < 1 || !(smoothing > 0)) {
      throw new IllegalArgumentException("label model needs classes >= 2, sources >= 1, iterations >= 1,"
          + " smoothing > 0; got " + classes + ", " + sources + ", " + iterations + ", " + smoothing);
    }
    int m = votes.size();
    double[][] q = new double[m][classes];
    for (int i = 0; i < m; i++) {
      int[] v = check(votes.get(i), classes, sources, i);
      double total = 0;
      for (int j = 0; j < sources; j++) {
        if (v[j] != ABSTAIN) {
          q[i][v[j]] += 1;
          total += 1;
        }
      }
      for (int k = 0; k < classes; k++) {
        q[i][k] = total > 0 ? q[i][k] / total : 1.0 / classes;
      }
    }
    double[] prior = new double[classes];
    double[][][] conf = new double[sources][classes][classes];
    for (int it = 0; it < iterations; it++) {
      // M-step
      Arrays.fill(prior, smoothing);
      for (double[][] c : conf) {
        for (double[] row : c) {
          Arrays.fill(row, smoothing);
        }
      }
      for (int j = 0; j < sources; j++) {
        for (int k = 0; k < classes; k++) {
          conf[j][k][k] += smoothing * classes; // a mild prior that sources beat chance
          if (priorConfusion != null) {
            for (int l = 0; l < classes; l++) {
              conf[j][k][l] += priorConfusion[j][k][l];
            }
          }
        }
      }
      if (priorClass != null) {
        for (int k = 0; k < classes; k++) {
          prior[k] += priorClass[k];
        }
      }
      for (int i = 0; i < m; i++) {
        int[] v = votes.get(i);
        for (int k = 0; k < classes; k++) {
          prior[k] += q[i][k];
          for (int j = 0; j < sources; j++) {
            if (v[j] != ABSTAIN) {
              conf[j][k][v[j]] += q[i][k];
            }
          }
        }
      }
      normalise(prior);
      for (double[][] c : conf) {
        for (double[] row : c) {
          normalise(row);
        }
      }
      // E-step
      LabelModel model = new LabelModel(classes, sources, prior, conf);
      for (int i = 0; i < m; i++) {
        q[i] = model.posterior(votes.get(i));
      }
    }
    return new LabelModel(classes, sources, prior.clone(), deepCopy(conf));
  }

  private static int[] check(int[] v, int classes, int sources, int row) {
    if (v.length != sources) {
      throw new IllegalArgumentException("vote row " + row + " has " + v.length + " columns, expected " + sources);
    }
    for (int x : v) {
      if (x < ABSTAIN || x >= classes) {
        throw new IllegalArgumentException("vote row " + row + " holds class " + x + " outside [-1, " + classes + ")");
      }
    }
    return v;
  }

  private static void normalise(double[] p) {
    double s = 0;
    for (double x : p) {
      s += x;
    }
    for (int k = 0; k < p.length; k++) {
      p[k] /= s;
    }
  }

  private static double[][][] deepCopy(double[][][] a) {
    double[][][] c = new double[a.length][][];
    for (int i = 0; i < a.length; i++) {
      c[i] = new double[a[i].length][];
      for (int k = 0; k < a[i].length; k++) {
        c[i][k] = a[i][k].clone();
      }
    }
    return c;
  }

  /**
   * This model with the sources flagged in {@code ignored} made uninformative (every answer
   * equally likely under every class), so that their votes no longer move the posterior.
   *
   * @param ignored per source, {@code true} to ignore it
   * @throws IllegalArgumentException if its length is not the number of sources
   */
  public LabelModel ignoring(boolean[] ignored) {
    if (ignored.length != sources) {
      throw new IllegalArgumentException("need one flag per source (" + sources + "), got "
          + ignored.length);
    }
    double[][][] conf = deepCopy(confusion);
    for (int j = 0; j < sources; j++) {
      if (ignored[j]) {
        for (double[] row : conf[j]) {
          Arrays.fill(row, 1.0 / classes);
        }
      }
    }
    return new LabelModel(classes, sources, prior.clone(), conf);
  }

  /** The posterior class distribution of an item given its votes (log-space, normalised). */
  public double[] posterior(int[] votes) {
    check(votes, classes, sources, 0);
    double[] lp = new double[classes];
    for (int k = 0; k < classes; k++) {
      lp[k] = Math.log(prior[k]);
      for (int j = 0; j < sources; j++) {
        if (votes[j] != ABSTAIN) {
          lp[k] += Math.log(confusion[j][k][votes[j]]);
        }
      }
    }
    double max = Double.NEGATIVE_INFINITY;
    for (double v : lp) {
      max = Math.max(max, v);
    }
    double s = 0;
    double[] p = new double[classes];
    for (int k = 0; k < classes; k++) {
      p[k] = Math.exp(lp[k] - max);
      s += p[k];
    }
    for (int k = 0; k < classes; k++) {
      p[k] /= s;
    }
    return p;
  }

  /** Estimated accuracy of source j: {@code sum_k prior_k pi_j[k][k]}. */
  public double accuracy(int j) {
    double a = 0;
    for (int k = 0; k < classes; k++) {
      a += prior[k] * confusion[j][k][k];
    }
    return a;
  }

  /** The fitted class prior (a copy). */
  public double[] prior() {
    return prior.clone();
  }

  public int classes() {
    return classes;
  }

  public int sources() {
    return sources;
  }
}
