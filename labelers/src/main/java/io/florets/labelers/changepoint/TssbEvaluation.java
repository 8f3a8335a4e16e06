package io.florets.labelers.changepoint;

import io.florets.labelers.signal.Robust;
import io.florets.labelers.signal.Segmentation;
import io.florets.labelers.signal.SignalConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the change-point segmenters over benchmark series, the number of segments unknown, and scores
 * them by covering and margin F1 ({@link SegmentationScores}; margin 1 % of the series length).
 *
 * <p>The classification segmenter's window is each file's annotated pattern length, its shortest
 * segment {@code minSegmentWindows} windows. Its z threshold is chosen by leave-one-out
 * cross-validation over the series given: each series is segmented with the threshold from
 * {@link #Z_GRID} that gives the best mean covering on all the other series (the larger threshold on a
 * tie), so no series' own annotation chooses its setting. The threshold chosen on all series is
 * reported as the one to use elsewhere. The PELT baseline is the suite's piecewise-line
 * {@link Segmentation} with its documented penalty, the series' standard deviation as the noise
 * sigma (the segments differ in shape, not by noise on a line) and the same shortest segment.
 * Thread-safe.
 */
public final class TssbEvaluation {
  /** The z thresholds tried (increasing). */
  public static final double[] Z_GRID = {3, 4, 5, 6, 7, 8, 10, 12, 14, 17, 20, 25, 30, 40, 50, 70, 100};

  private TssbEvaluation() {
  }

  /**
   * One series' outcome.
   *
   * @param name series name
   * @param length samples
   * @param window annotated window size
   * @param truth true change points
   * @param predicted the classification segmenter's change points
   * @param zThreshold the threshold used for this series (chosen on the other series)
   * @param covering covering of {@code predicted}
   * @param f1 margin F1 of {@code predicted}
   * @param pelt the PELT baseline's change points
   * @param peltCovering covering of the PELT baseline
   * @param peltF1 margin F1 of the PELT baseline
   * @param competitors published covering per method for this series (empty if unknown)
   */
  public record Row(String name, int length, int window, int[] truth, int[] predicted, double zThreshold,
      double covering, double f1, int[] pelt, double peltCovering, double peltF1,
      Map<String, Double> competitors) {
    /** Copies the maps. */
    public Row {
      competitors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(competitors));
    }
  }

  /**
   * The whole outcome.
   *
   * @param rows per series
   * @param covering mean covering of the classification segmenter
   * @param f1 mean margin F1 of the classification segmenter
   * @param peltCovering mean covering of the PELT baseline
   * @param peltF1 mean margin F1 of the PELT baseline
   * @param competitors mean published covering per method over the series that have a score for it
   * @param zThreshold the threshold chosen on all series (for use on other data)
   * @param millis wall time of the segmentation
   */
  public record Result(List<Row> rows, double covering, double f1, double peltCovering, double peltF1,
      Map<String, Double> competitors, double zThreshold, long millis) {
  }

  private record Raw(TssbSeries s, List<ClassificationSegmenter.Candidate> candidates, int[] pelt) {
  }

  /**
   * Evaluates.
   *
   * @param series the benchmark series
   * @param competitors published covering per series name and method (may be empty)
   * @param config the segmenter's settings (its z threshold is replaced by the cross-validated one)
   * @param threads worker threads (&ge; 1)
   */
  public static Result run(List<TssbSeries> series, Map<String, Map<String, Double>> competitors,
      ClassificationSegmenter.Config config, int threads) {
    if (threads < 1 || series.isEmpty()) {
      throw new IllegalArgumentException("need threads >= 1 and at least one series, got " + threads + ", "
          + series.size());
    }
    long t0 = System.nanoTime();
    ClassificationSegmenter seg = ClassificationSegmenter.of(config);
    List<Raw> raws = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Raw>> fs = new ArrayList<>();
      for (TssbSeries s : series) {
        fs.add(pool.submit(() -> new Raw(s, seg.candidates(s.values(), s.window(), Z_GRID[0]), pelt(s, config.minSegmentWindows() * s.window()))));
      }
      for (Future<Raw> f : fs) {
        raws.add(f.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("segmentation interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("segmentation failed: " + e.getCause().getMessage(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    long millis = (System.nanoTime() - t0) / 1_000_000;
    double[][] cov = new double[raws.size()][Z_GRID.length];
    for (int i = 0; i < raws.size(); i++) {
      TssbSeries s = raws.get(i).s();
      for (int g = 0; g < Z_GRID.length; g++) {
        int[] p = ClassificationSegmenter.select(raws.get(i).candidates(), Z_GRID[g]);
        cov[i][g] = SegmentationScores.covering(s.changePoints(), p, s.length());
      }
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < raws.size(); i++) {
      Raw r = raws.get(i);
      TssbSeries s = r.s();
      double z = Z_GRID[bestOnOthers(cov, i)];
      int[] p = ClassificationSegmenter.select(r.candidates(), z);
      int n = s.length();
      int margin = SegmentationScores.margin(n);
      rows.add(new Row(s.name(), n, s.window(), s.changePoints(), p, z,
          SegmentationScores.covering(s.changePoints(), p, n), SegmentationScores.f1(s.changePoints(), p, n, margin),
          r.pelt(), SegmentationScores.covering(s.changePoints(), r.pelt(), n),
          SegmentationScores.f1(s.changePoints(), r.pelt(), n, margin),
          competitors.getOrDefault(s.name(), Map.of())));
    }
    return new Result(List.copyOf(rows), mean(rows, Row::covering), mean(rows, Row::f1),
        mean(rows, Row::peltCovering), mean(rows, Row::peltF1), competitorMeans(rows),
        Z_GRID[bestOnOthers(cov, -1)], millis);
  }

  /** Index in {@link #Z_GRID} of the best mean covering over all series but {@code held} (-1: all). */
  static int bestOnOthers(double[][] cov, int held) {
    int best = 0;
    double bestMean = Double.NEGATIVE_INFINITY;
    for (int g = 0; g < Z_GRID.length; g++) {
      double sum = 0;
      for (int i = 0; i < cov.length; i++) {
        if (i != held) {
          sum += cov[i][g];
        }
      }
      if (sum >= bestMean) {
        bestMean = sum;
        best = g;
      }
    }
    return best;
  }

  /** The PELT baseline's change points: straight-line pieces of at least {@code minSegment} samples. */
  static int[] pelt(TssbSeries s, int minSegment) {
    double[] y = s.values();
    double sigma = Math.max(1e-9, Math.sqrt(Robust.variance(y)));
    Segmentation seg = Segmentation.of(y, sigma, SignalConfig.DEFAULTS.penaltyFactor(), minSegment,
        SignalConfig.DEFAULTS.peltBlock());
    int[] b = seg.bounds();
    return java.util.Arrays.copyOfRange(b, 1, b.length - 1);
  }

  private static double mean(List<Row> rows, java.util.function.ToDoubleFunction<Row> f) {
    return rows.stream().mapToDouble(f).average().orElse(Double.NaN);
  }

  private static Map<String, Double> competitorMeans(List<Row> rows) {
    Map<String, double[]> acc = new LinkedHashMap<>();
    for (Row r : rows) {
      r.competitors().forEach((m, v) -> {
        double[] a = acc.computeIfAbsent(m, x -> new double[2]);
        a[0] += v;
        a[1]++;
      });
    }
    Map<String, Double> out = new LinkedHashMap<>();
    acc.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue()[0] / b.getValue()[1],
        a.getValue()[0] / a.getValue()[1])).forEach(e -> out.put(e.getKey(), e.getValue()[0] / e.getValue()[1]));
    return out;
  }
}
