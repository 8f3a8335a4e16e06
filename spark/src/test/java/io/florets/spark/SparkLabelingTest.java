package io.florets.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.DenseDataset;
import io.florets.datasets.Series;
import io.florets.datasets.Window;
import io.florets.datasets.Windowing;
import io.florets.datasets.io.SeriesFiles;
import io.florets.datasets.io.arrow.ArrowSeries;
import io.florets.datasets.io.csv.TimeOrder;
import io.florets.labelers.LabelerSuite;
import io.florets.labelers.batch.BatchLabeling;
import io.florets.labelers.consensus.ConsensusConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spark in local mode (two cores, up to three attempts per task) against one-machine labelling. */
class SparkLabelingTest {
  private static final int WINDOW = 128;
  private static SparkSession spark;
  private static final AtomicInteger FAILED_TASKS = new AtomicInteger();

  @BeforeAll
  static void start() {
    spark = TestSpark.session();
    spark.sparkContext().addSparkListener(new SparkListener() {
      @Override
      public void onTaskEnd(SparkListenerTaskEnd end) {
        if (!end.taskInfo().successful()) {
          FAILED_TASKS.incrementAndGet();
        }
      }
    });
  }

  /** Good series (a trend, a sine with a spike, a step, two channels) and three bad ones. */
  private static List<Row> rows() {
    List<Row> out = new ArrayList<>();
    Random rnd = new Random(7);
    for (int s = 0; s < 4; s++) {
      int n = 300 + 97 * s;
      double[][] v = new double[s == 3 ? 2 : 1][n];
      for (int c = 0; c < v.length; c++) {
        for (int t = 0; t < n; t++) {
          v[c][t] = 0.01 * s * t + Math.sin(2 * Math.PI * t / (16 + 8 * s + c)) + 0.1 * rnd.nextGaussian()
              + (t == n / 2 ? 6 : 0) + (s == 2 && t > n / 3 ? 3 : 0);
        }
        if (s == 1) {
          v[c][40] = Double.NaN;
        }
      }
      out.add(RowFactory.create("s" + s, nested(v)));
    }
    double[][] nan = new double[1][200];
    Arrays.fill(nan[0], Double.NaN);
    out.add(RowFactory.create("all-nan", nested(nan)));
    out.add(RowFactory.create("ragged", nested(new double[][] {new double[200], new double[199]})));
    out.add(RowFactory.create("short", nested(new double[][] {new double[WINDOW - 1]})));
    return out;
  }

  private static List<List<Double>> nested(double[][] v) {
    List<List<Double>> out = new ArrayList<>();
    for (double[] c : v) {
      List<Double> ch = new ArrayList<>();
      for (double x : c) {
        ch.add(x);
      }
      out.add(ch);
    }
    return out;
  }

  private static Dataset<Row> input() {
    StructType schema = new StructType().add("series_id", DataTypes.StringType)
        .add("values", DataTypes.createArrayType(DataTypes.createArrayType(DataTypes.DoubleType)));
    return spark.createDataFrame(rows(), schema);
  }

  /** What BatchLabeling writes for the good series, one list per annotation, in window order. */
  private static List<List<Object>> singleMachine(Path dir) throws Exception {
    List<Window> windows = new ArrayList<>();
    SparkLabeling.Options o = SparkLabeling.Options.defaults(WINDOW);
    for (Row r : rows().subList(0, 4)) {
      @SuppressWarnings("unchecked")
      List<List<Double>> v = (List<List<Double>>) r.get(1);
      float[][] f = new float[v.size()][];
      for (int c = 0; c < f.length; c++) {
        f[c] = new float[v.get(c).size()];
        for (int t = 0; t < f[c].length; t++) {
          f[c][t] = v.get(c).get(t).floatValue();
        }
      }
      windows.addAll(o.windowing().apply(Series.builder(r.getString(0), f).build()));
    }
    DenseDataset d = BatchLabeling.run(windows, LabelerSuite.defaults(), dir.resolve("one.arrow"),
        new BatchLabeling.Options(1, 16, ConsensusConfig.DEFAULTS, 0L), Map.of(), null).dataset();
    return FlatRows.of(d);
  }

  @Test
  void annotationsEqualBatchLabelingRowForRowAndBadRowsAreReported(@TempDir Path dir) throws Exception {
    List<List<Object>> expected = singleMachine(dir);
    try (SparkLabeling.Result r = SparkLabeling.label(input(), SparkLabeling.Options.defaults(WINDOW))) {
      List<List<Object>> actual = FlatRows.of(r.annotations().collectAsList());
      assertTrue(expected.size() > 100, "a real workload: " + expected.size() + " annotations");
      assertEquals(expected.size(), actual.size());
      for (int i = 0; i < expected.size(); i++) {
        assertEquals(expected.get(i), actual.get(i), "annotation row " + i);
      }
      Map<String, String> errors = new TreeMap<>();
      for (Row e : r.errors().collectAsList()) {
        errors.put(e.getString(2), e.getString(3));
      }
      assertEquals(List.of("all-nan", "ragged", "short"), new ArrayList<>(errors.keySet()));
      assertTrue(errors.get("all-nan").contains("missing"), errors.get("all-nan"));
      assertTrue(errors.get("ragged").contains("ragged") && errors.get("ragged").contains("[200, 199]"), errors.get("ragged"));
      assertTrue(errors.get("short").contains("too short: 127 samples"), errors.get("short"));
      assertEquals(4, r.seriesCount());
    }
  }

  @Test
  void aTaskThatFailsHalfWayIsRetriedWithoutLostOrDuplicateRows(@TempDir Path dir) throws Exception {
    List<List<Object>> expected = singleMachine(dir);
    int failedBefore = FAILED_TASKS.get();
    Path out = dir.resolve("out");
    try (SparkLabeling.Result r = SparkLabeling.label(input(),
        SparkLabeling.Options.defaults(WINDOW).withFailFirstAttempt(true).withPartitions(3))) {
      r.annotations().write().parquet(out.toString());
    }
    List<List<Object>> actual = FlatRows.of(spark.read().parquet(out.toString()).collectAsList());
    assertEquals(expected, actual);
    spark.sparkContext().listenerBus().waitUntilEmpty();
    assertEquals(2, FAILED_TASKS.get() - failedBefore, "one failed attempt in the labelling stage, one in the writing stage");
  }

  @Test
  void aFolderOfCsvFilesReadsAsTheCommandLineReadsEachFile(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.csv"), "timestamp,value\n2024-01-01 00:00:00,1.5\n2024-01-01 00:05:00,\n"
        + "2024-01-01 00:10:00,2.25\n");
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("sub/b.csv"), "timestamp,x,y\n2024-01-01 00:00:00,1,2\n2024-01-01 00:00:00,3,4\n");
    Files.writeString(dir.resolve("sub/broken.csv"), "timestamp,value\n2024-01-01 00:00:00,abc\n");
    Series twoChannels = Series.builder("arrow-series", new float[][] {{1, 2, Float.NaN}, {4, 5, 6}})
        .classLabel("up").build();
    ArrowSeries.write(dir.resolve("c.arrow"), List.of(twoChannels));
    List<Row> rows = SeriesSources.files(spark, dir.toString()).collectAsList();
    Map<String, Row> byId = new TreeMap<>();
    for (Row r : rows) {
      byId.put(r.getString(SeriesRows.ID), r);
    }
    assertEquals(List.of("a", "arrow-series", "b", "broken"), new ArrayList<>(byId.keySet()));
    assertEquals(Windowing.whole().apply(twoChannels), Windowing.whole().apply(SeriesRows.series(byId.get("arrow-series"))));
    for (String id : List.of("a", "sub/b")) {
      Series expected = SeriesFiles.read(dir.resolve(id + ".csv"), TimeOrder.KEEP_SAMPLES).series().get(0);
      // what labelling sees of a series: its windows (id, values, timestamps, channel names, label)
      assertEquals(Windowing.whole().apply(expected), Windowing.whole().apply(
          SeriesRows.series(byId.get(id.substring(id.indexOf('/') + 1)))));
    }
    assertTrue(byId.get("broken").getString(SeriesRows.ERROR).contains("abc"),
        byId.get("broken").getString(SeriesRows.ERROR));
  }

  @Test
  void oneRowPerSampleIsGroupedIntoSeriesOrderedByTime() {
    StructType schema = new StructType().add("id", DataTypes.StringType).add("timestamp", DataTypes.LongType)
        .add("x", DataTypes.DoubleType).add("y", DataTypes.DoubleType).add("label", DataTypes.StringType);
    List<Row> samples = List.of(RowFactory.create("p", 2000L, 3.0, 30.0, "hot"), RowFactory.create("p", 1000L, 1.0, null, "hot"),
        RowFactory.create("q", 5L, 7.0, 8.0, null), RowFactory.create("q", 5L, 9.0, 9.0, null));
    Map<String, Row> byId = new TreeMap<>();
    for (Row r : SeriesSources.fromLong(spark.createDataFrame(samples, schema)).collectAsList()) {
      byId.put(r.getString(SeriesRows.ID), r);
    }
    Series p = Series.builder("p", new float[][] {{1, 3}, {Float.NaN, 30}}).timestamps(new long[] {1000, 2000})
        .channelNames(List.of("x", "y")).classLabel("hot").build();
    assertEquals(Windowing.whole().apply(p), Windowing.whole().apply(SeriesRows.series(byId.get("p"))));
    assertTrue(byId.get("q").getString(SeriesRows.ERROR).contains("increasing"), byId.get("q").getString(SeriesRows.ERROR));
  }
}
