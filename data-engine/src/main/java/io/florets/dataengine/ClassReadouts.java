package io.florets.dataengine;

import io.florets.datasets.Window;
import io.florets.engine.series.ClassReadout;
import io.florets.labelers.minirocket.RidgeClassifierCV;
import io.florets.prompt.facade.bundle.ModelBundle;
import io.florets.prompt.vocab.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The class readout of an adapted model ({@link ClassReadout}): attaching its frozen transform to
 * a model and fitting its linear weights to labelled windows.
 *
 * <p>The weights are a ridge classifier on the transform's features (one-vs-rest targets ±1, the
 * regularisation chosen by exact leave-one-out error, as MiniRocket's), times a temperature chosen
 * so that the softmax of the leave-one-out scores fits the labels best: the scores then enter the
 * class names' logits on the scale of log-odds, where the decoder's own logits add to them (a
 * product of the two experts' probabilities).
 */
public final class ClassReadouts {
  /**
   * Most labelled windows the weights are fitted on (a seeded random subset beyond it): the ridge
   * decomposes an n &times; n matrix, which stays under a few seconds up to this size.
   */
  public static final int MAX_EXAMPLES = 2000;

  private ClassReadouts() {
  }

  /**
   * A copy of {@code bundle} with a class readout over {@code classNames} whose transform is fitted
   * to {@code windows} (weights zero until {@link #fit}); every other weight is copied.
   *
   * @throws IllegalArgumentException if a class name is not in the model's vocabulary
   */
  public static ModelBundle attach(ModelBundle bundle, List<String> classNames,
      List<Window> windows, long seed) {
    Vocabulary v = bundle.head().vocabulary();
    int[] ids = new int[classNames.size()];
    for (int k = 0; k < ids.length; k++) {
      ids[k] = v.find(classNames.get(k)).orElseThrow(() -> new IllegalArgumentException(
          "class readout: the model's vocabulary has no token for a class name"));
    }
    ClassReadout r = ClassReadout.fit(channels(windows), ids, seed);
    return bundle.withFrontEnd(bundle.frontEndConfig().withReadout(r), seed);
  }

  /**
   * Fits the readout's weights of {@code bundle} (in place) to labelled windows.
   *
   * @param classNames the readout's classes, in the order of its class ids
   * @param windows labelled windows
   * @param labels their class names
   * @return what was fitted, for the model's provenance
   * @throws IllegalArgumentException if the model has no readout or a label is not a class name
   */
  public static String fit(ModelBundle bundle, List<String> classNames, List<Window> windows,
      List<String> labels) {
    ClassReadout r = bundle.frontEndConfig().readout();
    if (r == null) {
      throw new IllegalArgumentException("the model has no class readout");
    }
    if (r.classes() != classNames.size()) {
      throw new IllegalArgumentException("the model's class readout has " + r.classes()
          + " classes, got " + classNames.size() + " names");
    }
    List<Integer> use = subset(windows.size(), MAX_EXAMPLES, 0L);
    float[][] x = new float[use.size()][];
    int[] y = new int[use.size()];
    for (int i = 0; i < use.size(); i++) {
      Window w = windows.get(use.get(i));
      x[i] = r.transform(channels(List.of(w)).get(0));
      y[i] = classNames.indexOf(labels.get(use.get(i)));
      if (y[i] < 0) {
        throw new IllegalArgumentException("class readout: label '" + labels.get(use.get(i))
            + "' of " + w + " is not one of " + classNames);
      }
    }
    RidgeClassifierCV ridge = RidgeClassifierCV.fit(x, y, classNames.size(),
        RidgeClassifierCV.defaultAlphas());
    double t = temperature(ridge.looScores(), y);
    int k = classNames.size();
    int f = r.features();
    double[][] w = ridge.weights();
    double[] b = ridge.intercepts();
    float[] weight = new float[k * f];
    float[] bias = new float[k];
    for (int c = 0; c < k; c++) {
      for (int j = 0; j < f; j++) {
        weight[c * f + j] = (float) (t * w[c][j]);
      }
      bias[c] = (float) (t * b[c]);
    }
    bundle.model().setParameter("readoutWeight", weight);
    bundle.model().setParameter("readoutBias", bias);
    return String.format(Locale.ROOT, "%d features (dilations %s, %d thresholds each), ridge "
        + "alpha %.4g on %d labelled windows, temperature %.3g", f,
        java.util.Arrays.toString(r.dilations()), r.biasesPerKernel(), ridge.alpha(), x.length, t);
  }

  /**
   * Sets the factor on the decoder's own logits of the class names ({@code readoutDecoderScale})
   * to the temperature that fits labelled windows the decoder did not train on best
   * ({@link #temperature}, on a log grid from 0.01 to 3): a decoder fine-tuned on a few dozen
   * series is sure of itself beyond what it gets right on series it has not seen, and this puts
   * its answer on the same footing as the readout's. With no such windows the factor stays 1.
   * Call it on a model whose readout weights are still zero (just {@link #attach attached}).
   *
   * @param windows labelled windows the decoder did not train on
   * @param labels their class names
   * @return the factor
   */
  public static double scaleDecoder(ModelBundle bundle, List<String> classNames,
      List<Window> windows, List<String> labels) {
    ClassReadout r = bundle.frontEndConfig().readout();
    if (r == null) {
      throw new IllegalArgumentException("the model has no class readout");
    }
    if (windows.isEmpty()) {
      bundle.model().setParameter("readoutDecoderScale", new float[] {1f});
      return 1;
    }
    int[] prompt = bundle.head().promptTokens(io.florets.prompt.task.Tasks.CLASSIFY.prompt());
    int[][] prompts = new int[windows.size()][];
    int[][] none = new int[windows.size()][0];
    java.util.Arrays.fill(prompts, prompt);
    bundle.model().setParameter("readoutDecoderScale", new float[] {1f});
    float[][][] logits = bundle.model().teacherForcedLogits(windows, prompts, none);
    int[] ids = r.classIds();
    double[][] scores = new double[windows.size()][ids.length];
    int[] y = new int[windows.size()];
    for (int i = 0; i < windows.size(); i++) {
      for (int k = 0; k < ids.length; k++) {
        scores[i][k] = logits[i][0][ids[k]];
      }
      y[i] = classNames.indexOf(labels.get(i));
      if (y[i] < 0) {
        throw new IllegalArgumentException("class readout: label '" + labels.get(i) + "' of "
            + windows.get(i) + " is not one of " + classNames);
      }
    }
    double t = temperature(scores, y, -2, 0.5);
    bundle.model().setParameter("readoutDecoderScale", new float[] {(float) t});
    return t;
  }

  /** {@link #temperature(double[][], int[], double, double)} on the grid 0.1 to 300. */
  static double temperature(double[][] loo, int[] y) {
    return temperature(loo, y, -1, 2.5);
  }

  /**
   * The factor on the scores whose softmax fits the scores' labels best, searched on a log grid
   * of 71 points from {@code 10^lo} to {@code 10^hi}: the highest log-likelihood of labels
   * smoothed by Laplace's rule (each example's label weighs {@code 1 - 1/(n + 2)}, the other
   * classes share {@code 1/(n + 2)}), so that scores that are all right give a finite factor, not
   * the largest one.
   */
  static double temperature(double[][] loo, int[] y, double lo, double hi) {
    double best = 1;
    double bestLoss = Double.POSITIVE_INFINITY;
    int n = loo.length;
    double eps = 1.0 / (n + 2);
    for (int g = 0; g <= 70; g++) {
      double t = Math.pow(10, lo + (hi - lo) * g / 70);
      double loss = 0;
      for (int i = 0; i < n; i++) {
        int k = loo[i].length;
        double max = Double.NEGATIVE_INFINITY;
        for (double s : loo[i]) {
          max = Math.max(max, t * s);
        }
        double sum = 0;
        for (double s : loo[i]) {
          sum += Math.exp(t * s - max);
        }
        double logZ = max + Math.log(sum);
        for (int c = 0; c < k; c++) {
          double w = c == y[i] ? 1 - eps : eps / (k - 1);
          loss -= w * (t * loo[i][c] - logZ);
        }
      }
      if (loss < bestLoss) {
        bestLoss = loss;
        best = t;
      }
    }
    return best;
  }

  /** All of {@code 0..n-1}, or a seeded random {@code max} of them in order. */
  private static List<Integer> subset(int n, int max, long seed) {
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      all.add(i);
    }
    if (n <= max) {
      return all;
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      Integer tmp = all.get(i);
      all.set(i, all.get(j));
      all.set(j, tmp);
    }
    List<Integer> out = new ArrayList<>(all.subList(0, max));
    java.util.Collections.sort(out);
    return out;
  }

  /** Each window's channels. */
  private static List<float[][]> channels(List<Window> windows) {
    List<float[][]> out = new ArrayList<>(windows.size());
    for (Window w : windows) {
      float[][] c = new float[w.channels()][];
      for (int i = 0; i < c.length; i++) {
        c[i] = w.channelView(i);
      }
      out.add(c);
    }
    return out;
  }
}
