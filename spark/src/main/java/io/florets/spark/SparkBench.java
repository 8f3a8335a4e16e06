package io.florets.spark;

import io.florets.datasets.DenseDataset;
import io.florets.datasets.Series;
import io.florets.datasets.Window;
import io.florets.datasets.Windowing;
import io.florets.datasets.io.SeriesFiles;
import io.florets.datasets.io.csv.TimeOrder;
import io.florets.labelers.LabelerSuite;
import io.florets.labelers.batch.BatchLabeling;
import io.florets.labelers.consensus.ConsensusConfig;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Throughput of {@link SparkLabeling} with one and with two local cores on the same folder of
 * series files, and whether Spark's annotations equal one machine's ({@link BatchLabeling} on the
 * same windows). Each Spark run gets a fresh session that first labels a few series (start-up and
 * JIT warm-up are not timed); the timed part reads the files, labels, fits, merges and writes the
 * annotations as Parquet, and the fastest of {@code repeat} such runs counts.
 */
public final class SparkBench {
  private SparkBench() {
  }

  /**
   * Runs the benchmark.
   *
   * @param input a folder of series files (e.g. NAB's {@code data})
   * @param window window length
   * @param stride window stride
   * @param repeat timed runs per master; the fastest counts (the machine is shared with other work)
   * @param work a folder for outputs (left for inspection)
   * @return the figures, keys {@code windowsPerSecondLocal1}, {@code windowsPerSecondLocal2},
   *     {@code identicalToSingleMachine} and more
   */
  public static Map<String, Object> run(Path input, int window, int stride, int repeat, Path work) throws IOException {
    if (repeat < 1) {
      throw new IllegalArgumentException("repeat must be >= 1, got " + repeat);
    }
    Files.createDirectories(work);
    List<Window> windows = singleMachineWindows(input, window, stride);
    if (windows.isEmpty()) {
      throw new IllegalArgumentException("no windows of length " + window + " in the series files under " + input);
    }
    int cores = Runtime.getRuntime().availableProcessors();
    long t0 = System.nanoTime();
    DenseDataset one = BatchLabeling.run(windows, LabelerSuite.defaults(), work.resolve("single-machine.arrow"),
        new BatchLabeling.Options(Math.min(2, cores), 1024, ConsensusConfig.DEFAULTS, 0L), Map.of(), null).dataset();
    double oneSeconds = (System.nanoTime() - t0) / 1e9;
    List<List<Object>> expected = FlatRows.of(one);
    SparkLabeling.Options options = SparkLabeling.Options.defaults(window).withStride(stride);
    Run local1 = timed("local[1]", input, options, work.resolve("local1"), repeat);
    Run local2 = timed("local[2]", input, options, work.resolve("local2"), repeat);
    boolean identical = local1.windows == windows.size() && local2.windows == windows.size()
        && expected.equals(local2.rows) && expected.equals(local1.rows);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("windowsPerSecondLocal1", round(local1.windows / local1.seconds));
    m.put("windowsPerSecondLocal2", round(local2.windows / local2.seconds));
    m.put("identicalToSingleMachine", identical);
    m.put("ratioLocal2ToLocal1", round((local2.windows / local2.seconds) / (local1.windows / local1.seconds)));
    m.put("windows", windows.size());
    m.put("annotations", expected.size());
    m.put("secondsLocal1", round(local1.seconds));
    m.put("secondsLocal2", round(local2.seconds));
    m.put("windowsPerSecondSingleMachine", round(windows.size() / oneSeconds));
    m.put("singleMachineThreads", Math.min(2, cores));
    m.put("repeat", repeat);
    m.put("window", window);
    m.put("stride", stride);
    m.put("input", input.toString());
    m.put("cores", cores);
    m.put("loadAverageAfter", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    return m;
  }

  private record Run(long windows, double seconds, List<List<Object>> rows) {
  }

  private static Run timed(String master, Path input, SparkLabeling.Options options, Path out, int repeat) {
    SparkSession spark = SparkSessions.local(master, "florets spark bench " + master);
    try {
      String dir = input.toAbsolutePath().normalize().toString();
      Dataset<Row> all = SeriesSources.files(spark, dir);
      List<String> firstSources = all.select("source").distinct().orderBy("source").limit(3).as(
          org.apache.spark.sql.Encoders.STRING()).collectAsList();
      try (SparkLabeling.Result warm = SparkLabeling.label(all.filter(functions.col("source").isin(firstSources.toArray())),
          options)) {
        warm.annotations().write().mode("overwrite").parquet(out.resolve("warm-up").toString());
      }
      long windows = 0;
      double seconds = Double.POSITIVE_INFINITY;
      for (int k = 0; k < repeat; k++) {
        long t0 = System.nanoTime();
        try (SparkLabeling.Result r = SparkLabeling.label(SeriesSources.files(spark, dir), options)) {
          r.annotations().write().mode("overwrite").parquet(out.resolve("annotations").toString());
          windows = r.windowCount();
        }
        seconds = Math.min(seconds, (System.nanoTime() - t0) / 1e9);
      }
      List<List<Object>> rows = FlatRows.of(spark.read().parquet(out.resolve("annotations").toString()).collectAsList());
      return new Run(windows, seconds, rows);
    } finally {
      spark.stop();
    }
  }

  /** The windows one machine labels: files in path order, series in file order, good series only. */
  static List<Window> singleMachineWindows(Path input, int window, int stride) throws IOException {
    PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + SeriesSources.DEFAULT_GLOB);
    List<Path> files;
    try (Stream<Path> s = Files.walk(input.toAbsolutePath().normalize())) {
      files = new ArrayList<>(s.filter(p -> Files.isRegularFile(p) && glob.matches(p.getFileName())).toList());
    }
    files.sort(Comparator.comparing(Path::toString));
    Windowing w = Windowing.fixed(window, stride, Windowing.Tail.SHIFT_BACK);
    List<Window> out = new ArrayList<>();
    for (Path f : files) {
      List<Series> series;
      try {
        series = SeriesFiles.read(f, TimeOrder.KEEP_SAMPLES).series();
      } catch (IOException | RuntimeException e) {
        continue;
      }
      for (Series s : series) {
        if (SeriesRows.problem(s, window) == null) {
          out.addAll(w.apply(s));
        }
      }
    }
    return out;
  }

  private static double round(double x) {
    return Math.round(x * 100) / 100.0;
  }
}
