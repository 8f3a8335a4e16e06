package io.florets.labelers.minirocket;

import io.florets.datasets.Series;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A UCR/UEA train/test evaluation: 1-NN Euclidean (raw and z-normalised) and MiniRocket, with
 * MiniRocket's fit and predict wall-clock times measured on a cold JVM (first run) and after
 * warm-up (median of the further runs). Every run uses the same seed, so every run gives the same
 * accuracy; a difference is reported as a failure.
 */
public final class UcrEvaluation {

  /**
   * Figures of one evaluation.
   *
   * @param trainSize training series
   * @param testSize test series
   * @param length series length
   * @param channels channels per series
   * @param classes distinct training classes
   * @param oneNnRaw 1-NN Euclidean test accuracy on the series as read
   * @param oneNnZNorm 1-NN Euclidean test accuracy on z-normalised series
   * @param miniRocket MiniRocket test accuracy
   * @param alpha ridge regularisation chosen by leave-one-out
   * @param features MiniRocket features per series
   * @param coldFitSeconds first fit (transform fit, training transform, ridge), seconds
   * @param coldPredictSeconds first prediction of the test set (transform and ridge), seconds
   * @param warmFitSeconds median fit time of the runs after the first (NaN with one run)
   * @param warmPredictSeconds median predict time of the runs after the first (NaN with one run)
   * @param runs number of timed runs
   * @param cpu CPU seconds of the whole process (all threads, JIT and GC included) for the same
   *     four figures, in the order cold fit, cold predict, warm fit, warm predict; shows how much
   *     of the wall-clock time was spent waiting for a busy machine
   */
  public record Result(int trainSize, int testSize, int length, int channels, int classes,
      double oneNnRaw, double oneNnZNorm, double miniRocket, double alpha, int features,
      double coldFitSeconds, double coldPredictSeconds, double warmFitSeconds,
      double warmPredictSeconds, int runs, Cpu cpu) {
  }

  /** Process CPU seconds of a cold and the median warm fit and predict (NaN when not measured). */
  public record Cpu(double coldFit, double coldPredict, double warmFit, double warmPredict) {
  }

  /** CPU time of the whole process in nanoseconds, or -1 where the JVM does not report it. */
  private static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime();
    }
    return -1;
  }

  /** Reference figures measured with the numba MiniRocket on 2 threads of this kind of machine. */
  private static final Map<String, double[]> REFERENCE = Map.of(
      "GunPoint", new double[] {1.000, 0.07, 0.11, 0.9133},
      "ItalyPowerDemand", new double[] {0.965, 0.03, 0.14, 0.9553},
      "ArrowHead", new double[] {0.886, 0.08, 0.20, 0.8000},
      "Chinatown", new double[] {0.983, 0.03, 0.05, 0.9534});

  private UcrEvaluation() {
  }

  /**
   * Reference figures for a dataset, if known: {accuracy, train seconds, predict seconds} of the
   * numba MiniRocket on 2 threads, and the published 1-NN Euclidean accuracy (Chinatown's on
   * z-normalised series).
   */
  public static double[] reference(String dataset) {
    double[] r = REFERENCE.get(dataset);
    return r == null ? new double[0] : r.clone();
  }

  /**
   * Runs the evaluation.
   *
   * @param train labelled training series, equal length
   * @param test labelled test series of the same shape
   * @param config MiniRocket settings
   * @param runs timed MiniRocket runs (&ge; 1): the first is the cold figure, the median of the
   *     rest the warm one
   * @throws IllegalArgumentException for unlabelled or ill-shaped series
   * @throws IllegalStateException if two runs with the same seed disagree
   */
  public static Result evaluate(List<Series> train, List<Series> test, MiniRocketConfig config, int runs) {
    if (runs < 1) {
      throw new IllegalArgumentException("runs must be >= 1, got " + runs);
    }
    float[][][] xtr = values(train, "training");
    float[][][] xte = values(test, "test");
    String[] ytr = labels(train, "training");
    String[] yte = labels(test, "test");
    double nnRaw = NearestNeighbour.accuracy(NearestNeighbour.predict(xtr, ytr, xte, false), yte);
    double nnZ = NearestNeighbour.accuracy(NearestNeighbour.predict(xtr, ytr, xte, true), yte);
    double[] fit = new double[runs];
    double[] pred = new double[runs];
    double[] fitCpu = new double[runs];
    double[] predCpu = new double[runs];
    double acc = Double.NaN;
    MiniRocketClassifier model = null;
    for (int r = 0; r < runs; r++) {
      long c0 = processCpuNanos();
      long t0 = System.nanoTime();
      model = MiniRocketClassifier.fit(xtr, ytr, config);
      long t1 = System.nanoTime();
      long c1 = processCpuNanos();
      String[] p = model.predict(xte);
      long t2 = System.nanoTime();
      long c2 = processCpuNanos();
      fit[r] = (t1 - t0) / 1e9;
      pred[r] = (t2 - t1) / 1e9;
      fitCpu[r] = c0 < 0 ? Double.NaN : (c1 - c0) / 1e9;
      predCpu[r] = c0 < 0 ? Double.NaN : (c2 - c1) / 1e9;
      double a = NearestNeighbour.accuracy(p, yte);
      if (r > 0 && a != acc) {
        throw new IllegalStateException("MiniRocket with seed " + config.seed() + " gave accuracy "
            + acc + " then " + a);
      }
      acc = a;
    }
    return new Result(xtr.length, xte.length, xtr[0][0].length, xtr[0].length,
        model.classes().length, nnRaw, nnZ, acc, model.ridge().alpha(),
        model.transform().numFeatures(), fit[0], pred[0],
        median(Arrays.copyOfRange(fit, 1, runs)).orElse(Double.NaN),
        median(Arrays.copyOfRange(pred, 1, runs)).orElse(Double.NaN), runs,
        new Cpu(fitCpu[0], predCpu[0], median(Arrays.copyOfRange(fitCpu, 1, runs)).orElse(Double.NaN),
            median(Arrays.copyOfRange(predCpu, 1, runs)).orElse(Double.NaN)));
  }

  private static OptionalDouble median(double[] v) {
    if (v.length == 0) {
      return OptionalDouble.empty();
    }
    double[] s = v.clone();
    Arrays.sort(s);
    int m = s.length / 2;
    return OptionalDouble.of(s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2);
  }

  /** Series values as examples &times; channels &times; length. */
  public static float[][][] values(List<Series> series, String what) {
    if (series.isEmpty()) {
      throw new IllegalArgumentException("the " + what + " set has no series");
    }
    float[][][] x = new float[series.size()][][];
    for (int i = 0; i < x.length; i++) {
      x[i] = series.get(i).values();
    }
    return x;
  }

  /** Class labels of the series; every series must have one. */
  public static String[] labels(List<Series> series, String what) {
    String[] y = new String[series.size()];
    for (int i = 0; i < y.length; i++) {
      Series s = series.get(i);
      y[i] = s.classLabel().orElseThrow(() -> new IllegalArgumentException("the " + what
          + " series '" + s.id() + "' has no class label"));
    }
    return y;
  }
}
