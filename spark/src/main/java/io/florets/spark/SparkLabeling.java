package io.florets.spark;

import io.florets.datasets.Series;
import io.florets.datasets.Window;
import io.florets.datasets.Windowing;
import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.CaptionText;
import io.florets.datasets.target.ShapeTag;
import io.florets.labelers.LabelerSuite;
import io.florets.labelers.consensus.Consensus;
import io.florets.labelers.consensus.ConsensusConfig;
import io.florets.labelers.consensus.ConsensusResult;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code florets label} on Spark: cuts series into windows, labels every window with the labeler
 * suite on the executors, fits the consensus label models on the driver, merges and captions every
 * window on the executors. The result equals, row for row, what
 * {@code io.florets.labelers.batch.BatchLabeling} writes on one machine for the same windows in the
 * same order (series ordered by source, position in the source and id, see {@link SeriesRows};
 * windows by start).
 *
 * <p>Steps: (1) series rows are checked ({@link SeriesRows#problem}) and bad ones set aside as
 * errors; (2) the driver collects one (series, window count) pair per series and numbers the
 * windows (a series whose source, position and id repeat is an error: its windows could not be
 * numbered); (3) the windows are spread over partitions by number and labelled, and the raw
 * annotations are kept ({@code MEMORY_AND_DISK}); (4) the driver collects the shape-tag votes only
 * and fits the label models exactly as {@code Consensus.fit} does on one machine; (5) the fitted
 * models are broadcast and every window is merged and captioned, captions seeded by the window's
 * number. Every step is a pure function of its input partition, so a task that Spark retries
 * produces the same rows again: nothing is lost or written twice.
 */
public final class SparkLabeling {
  private static final Logger LOG = LoggerFactory.getLogger(SparkLabeling.class);

  /**
   * Settings.
   *
   * @param window window length in samples (&ge; 1)
   * @param stride samples between window starts (&ge; 1); a last window ending at the last sample is
   *     added, as in {@code florets label}
   * @param labelers labeler names, or {@code null} for the default suite
   * @param consensus consensus settings
   * @param captionSeed seed of the caption phrasing
   * @param minLength a series shorter than this is an error (&ge; 1; {@code florets label} pads a
   *     series shorter than a window with NaN, which {@code minLength = 1} reproduces)
   * @param partitions partitions of the labelling stage, or 0 for four per core
   * @param failFirstAttempt for tests of Spark's retries: the first attempt of partition 0 of the
   *     labelling and the merging stages fails after half of its rows
   */
  public record Options(int window, int stride, List<String> labelers, ConsensusConfig consensus,
      long captionSeed, int minLength, int partitions, boolean failFirstAttempt) implements Serializable {
    private static final long serialVersionUID = 1L;

    public Options {
      if (window < 1 || stride < 1 || minLength < 1 || partitions < 0) {
        throw new IllegalArgumentException("need window, stride, minLength >= 1 and partitions >= 0; got "
            + window + ", " + stride + ", " + minLength + ", " + partitions);
      }
      labelers = labelers == null ? null : List.copyOf(labelers);
      Objects.requireNonNull(consensus, "consensus");
    }

    /** {@code florets label}'s defaults for this window length: stride = window, default suite. */
    public static Options defaults(int window) {
      return new Options(window, window, null, ConsensusConfig.DEFAULTS, 0L, window, 0, false);
    }

    public Options withStride(int s) {
      return new Options(window, s, labelers, consensus, captionSeed, minLength, partitions, failFirstAttempt);
    }

    public Options withLabelers(List<String> names) {
      return new Options(window, stride, names, consensus, captionSeed, minLength, partitions, failFirstAttempt);
    }

    public Options withMinLength(int m) {
      return new Options(window, stride, labelers, consensus, captionSeed, m, partitions, failFirstAttempt);
    }

    public Options withPartitions(int p) {
      return new Options(window, stride, labelers, consensus, captionSeed, minLength, p, failFirstAttempt);
    }

    public Options withFailFirstAttempt(boolean f) {
      return new Options(window, stride, labelers, consensus, captionSeed, minLength, partitions, f);
    }

    Windowing windowing() {
      return Windowing.fixed(window, stride, Windowing.Tail.SHIFT_BACK);
    }
  }

  /**
   * What a run produced. The datasets are lazy; the raw annotations behind them stay cached until
   * {@link #close()}.
   *
   * @param windows one row per window with its annotations ({@link DenseRows#WINDOW})
   * @param errors one row per series left out ({@link SeriesRows#ERRORS})
   * @param windowCount windows labelled
   * @param seriesCount series labelled
   * @param cached the intermediate datasets kept in Spark's cache, released by {@link #close()}
   */
  public record Result(Dataset<Row> windows, Dataset<Row> errors, long windowCount, long seriesCount,
      List<Dataset<Row>> cached) implements AutoCloseable {

    /** One row per annotation, columns {@link DenseRows#FLAT_COLUMNS}, in no particular order. */
    public Dataset<Row> annotations() {
      return flat(windows);
    }

    /** Releases the cached intermediate data. */
    @Override
    public void close() {
      for (Dataset<Row> d : cached) {
        d.unpersist();
      }
    }
  }

  private SparkLabeling() {
  }

  /**
   * Labels every window of {@code series}: rows of {@link SeriesRows#SCHEMA} (e.g. from
   * {@link SeriesSources}) or of the layouts {@link SeriesSources#normalise} takes. Runs the labelling and the consensus fit (two Spark jobs) before
   * returning; the merged windows are computed when the result is read or written.
   */
  public static Result label(Dataset<Row> series, Options options) {
    SparkSession spark = series.sparkSession();
    int minLength = options.minLength();
    // (1) check every series once; bad rows become errors
    Options o = options;
    Dataset<Row> checked = SeriesSources.normalise(series).map((org.apache.spark.api.java.function.MapFunction<Row, Row>) r -> check(r, o),
        Encoders.row(CHECKED)).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> good = checked.filter(functions.col("error").isNull());
    // (2) number the windows on the driver (only the small columns are read from the cache)
    List<Row> counts = good.select("source", "position", "series_id", "windows").collectAsList();
    List<Row> sorted = new ArrayList<>(counts);
    sorted.sort(Comparator.<Row, String>comparing(r -> r.getString(0)).thenComparingInt(r -> r.getInt(1))
        .thenComparing(r -> r.getString(2)));
    Map<String, Long> offsets = new HashMap<>();
    List<Row> duplicates = new ArrayList<>();
    long total = 0;
    for (int i = 0; i < sorted.size(); i++) {
      Row r = sorted.get(i);
      String key = key(r.getString(0), r.getInt(1), r.getString(2));
      boolean dup = (i > 0 && key.equals(key(sorted.get(i - 1).getString(0), sorted.get(i - 1).getInt(1),
          sorted.get(i - 1).getString(2)))) || (i + 1 < sorted.size() && key.equals(key(sorted.get(i + 1).getString(0),
          sorted.get(i + 1).getInt(1), sorted.get(i + 1).getString(2))));
      if (dup) {
        duplicates.add(RowFactory.create(r.getString(0), r.getInt(1), r.getString(2),
            "duplicate series id '" + r.getString(2) + "' in " + (r.getString(0).isEmpty() ? "the input" : r.getString(0))
            + ": its windows cannot be numbered; give every series its own id"));
        continue;
      }
      offsets.put(key, total);
      total += r.getInt(3);
    }
    Dataset<Row> errors = checked.filter(functions.col("error").isNotNull()).drop("windows")
        .map((org.apache.spark.api.java.function.MapFunction<Row, Row>) SeriesRows::errorRow, Encoders.row(SeriesRows.ERRORS))
        .union(spark.createDataFrame(duplicates, SeriesRows.ERRORS));
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<Map<String, Long>> numbers = jsc.broadcast(offsets);
    int partitions = options.partitions() > 0 ? options.partitions() : 4 * jsc.defaultParallelism();
    partitions = (int) Math.max(1, Math.min(partitions, total));
    // (3) windows, spread by number, labelled
    Dataset<Row> windows = good.drop("windows").flatMap((org.apache.spark.api.java.function.FlatMapFunction<Row, Row>) r -> windowRows(r, o,
        numbers.value()).iterator(), Encoders.row(DenseRows.WINDOW));
    Dataset<Row> raw = windows.repartition(partitions, functions.col("window_index"))
        .mapPartitions((MapPartitionsFunction<Row, Row>) it -> failing(SeriesSources.flat(it, w -> List.of(labelRow(w, o)).iterator()), o),
            Encoders.row(DenseRows.WINDOW))
        .persist(StorageLevel.MEMORY_AND_DISK());
    // (4) the shape-tag votes, in window order, fit the label models as on one machine
    StructType voteSchema = new StructType().add("window_index", DataTypes.LongType)
        .add("annotations", DataTypes.createArrayType(DenseRows.ANNOTATION, false));
    List<Row> votes = new ArrayList<>(raw.flatMap((org.apache.spark.api.java.function.FlatMapFunction<Row, Row>) SparkLabeling::votes,
        Encoders.row(voteSchema)).collectAsList());
    votes.sort(Comparator.comparingLong(r -> r.getLong(0)));
    List<List<Annotation>> tags = new ArrayList<>(votes.size());
    for (Row v : votes) {
      List<Annotation> list = new ArrayList<>();
      for (Row a : Cells.rows(v, 1)) {
        list.add(DenseRows.annotation(a));
      }
      tags.add(list);
    }
    LabelerSuite suite = ExecutorCache.suite(options.labelers());
    Consensus consensus = Consensus.fit(suite.labelers(), tags, options.consensus());
    Broadcast<FittedConsensus> fitted = jsc.broadcast(new FittedConsensus(consensus));
    LOG.info("labelled {} windows of {} series on {} partitions; consensus fitted on {} windows' shape tags",
        total, offsets.size(), partitions, votes.size());
    // (5) merge and caption every window
    Dataset<Row> merged = raw.mapPartitions((MapPartitionsFunction<Row, Row>) it -> failing(SeriesSources.flat(it,
        w -> List.of(mergeRow(w, o, fitted)).iterator()), o), Encoders.row(DenseRows.WINDOW));
    return new Result(merged, errors, total, offsets.size(), List.of(checked, raw));
  }

  private static String key(String source, int position, String id) {
    return source + '\u0000' + position + '\u0000' + id;
  }

  /** Series rows with their window count (0 for an error). */
  private static final StructType CHECKED = SeriesRows.SCHEMA.add("windows", DataTypes.IntegerType, false);

  private static Row check(Row r, Options o) {
    String problem = r.isNullAt(SeriesRows.ERROR) ? null : r.getString(SeriesRows.ERROR);
    int windows = 0;
    if (problem == null) {
      try {
        Series s = SeriesRows.series(r);
        problem = SeriesRows.problem(s, o.minLength());
        windows = problem == null ? o.windowing().apply(s).size() : 0;
      } catch (IllegalArgumentException e) {
        problem = e.getMessage();
      }
    }
    Object[] v = new Object[CHECKED.size()];
    if (problem == null) {
      for (int i = 0; i < SeriesRows.SCHEMA.size(); i++) {
        v[i] = r.get(i);
      }
    } else {
      v[SeriesRows.SOURCE] = r.getString(SeriesRows.SOURCE);
      v[SeriesRows.POSITION] = r.getInt(SeriesRows.POSITION);
      v[SeriesRows.ID] = r.getString(SeriesRows.ID);
      v[SeriesRows.ERROR] = problem;
    }
    v[CHECKED.size() - 1] = windows;
    return RowFactory.create(v);
  }

  private static List<Row> windowRows(Row r, Options o, Map<String, Long> numbers) {
    Long first = numbers.get(key(r.getString(SeriesRows.SOURCE), r.getInt(SeriesRows.POSITION), r.getString(SeriesRows.ID)));
    if (first == null) {
      return List.of();
    }
    List<Window> ws = o.windowing().apply(SeriesRows.series(r));
    List<Row> out = new ArrayList<>(ws.size());
    for (int k = 0; k < ws.size(); k++) {
      out.add(windowRow(first + k, ws.get(k), List.of()));
    }
    return out;
  }

  /** A window and its annotations as a {@link DenseRows#WINDOW} row. */
  static Row windowRow(long index, Window w, List<Annotation> annotations) {
    return RowFactory.create(index, w.seriesId(), w.start(), w.channels(), SeriesRows.flatten(w.values()),
        w.timestamps().orElse(null), Cells.seq(w.channelNames()), w.classLabel().orElse(null),
        Cells.seq(DenseRows.rows(annotations)));
  }

  /** The window of a {@link DenseRows#WINDOW} row. */
  static Window window(Row r) {
    int channels = r.getInt(DenseRows.W_CHANNELS);
    float[] flat = Cells.floats(r, DenseRows.W_VALUES);
    int n = flat.length / channels;
    float[][] v = new float[channels][n];
    for (int c = 0; c < channels; c++) {
      System.arraycopy(flat, c * n, v[c], 0, n);
    }
    long[] ts = r.isNullAt(DenseRows.W_TIMESTAMPS) ? null : SeriesRows.longs(Cells.list(r, DenseRows.W_TIMESTAMPS));
    return Window.of(r.getString(DenseRows.W_SERIES), r.getInt(DenseRows.W_START), v, ts,
        Cells.strings(r, DenseRows.W_NAMES), r.getString(DenseRows.W_LABEL));
  }

  private static Row labelRow(Row w, Options o) {
    LabelerSuite suite = ExecutorCache.suite(o.labelers());
    return DenseRows.withAnnotations(w, suite.label(window(w)));
  }

  private static Iterator<Row> votes(Row w) {
    List<Row> tags = new ArrayList<>();
    for (Row a : Cells.rows(w, DenseRows.W_ANNOTATIONS)) {
      if (DenseRows.annotation(a).target() instanceof ShapeTag) {
        tags.add(a);
      }
    }
    return tags.isEmpty() ? java.util.Collections.emptyIterator()
        : List.of(RowFactory.create(w.getLong(DenseRows.W_INDEX), Cells.seq(tags))).iterator();
  }

  private static Row mergeRow(Row w, Options o, Broadcast<FittedConsensus> fitted) {
    LabelerSuite suite = ExecutorCache.suite(o.labelers());
    Consensus consensus = ExecutorCache.consensus(fitted.id(), id -> fitted.value().rebuild(suite.labelers()));
    int length = Cells.list(w, DenseRows.W_VALUES).size() / w.getInt(DenseRows.W_CHANNELS);
    long index = w.getLong(DenseRows.W_INDEX);
    ConsensusResult r = consensus.apply(length, DenseRows.annotations(w));
    List<Annotation> anns = new ArrayList<>(r.kept());
    for (CaptionText cap : ExecutorCache.composer(o.captionSeed()).compose(r.kept(), length, index)) {
      anns.add(new Annotation(cap, "caption.composer", "1", 1.0));
    }
    return DenseRows.withAnnotations(w, anns);
  }

  /** For retry tests: the first attempt of partition 0 fails half way through. */
  private static Iterator<Row> failing(Iterator<Row> in, Options o) {
    TaskContext task = TaskContext.get();
    if (!o.failFirstAttempt() || task == null || task.partitionId() != 0 || task.attemptNumber() != 0) {
      return in;
    }
    List<Row> rows = new ArrayList<>();
    in.forEachRemaining(rows::add);
    int half = rows.size() / 2;
    return new Iterator<>() {
      private int i;

      @Override
      public boolean hasNext() {
        return i < rows.size();
      }

      @Override
      public Row next() {
        if (i == half) {
          throw new IllegalStateException("failure injected into the first attempt of partition 0 after "
              + half + " of " + rows.size() + " rows");
        }
        return rows.get(i++);
      }
    };
  }

  /** One row per annotation of every window ({@link DenseRows#FLAT_COLUMNS}). */
  public static Dataset<Row> flat(Dataset<Row> windows) {
    Dataset<Row> e = windows.select(functions.col("series_id"), functions.col("window_start"),
        functions.col("window_index"), functions.posexplode(functions.col("annotations")).as(new String[] {"annotation_index", "a"}));
    List<org.apache.spark.sql.Column> cols = new ArrayList<>(List.of(functions.col("series_id"),
        functions.col("window_start"), functions.col("window_index"), functions.col("annotation_index")));
    for (String f : io.florets.datasets.io.AnnotationFields.NAMES) {
      cols.add(functions.col("a." + f));
    }
    return e.select(cols.toArray(new org.apache.spark.sql.Column[0]));
  }
}
