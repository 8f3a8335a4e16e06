package io.florets.spark;

import io.florets.datasets.Series;
import io.florets.datasets.io.SeriesFile;
import io.florets.datasets.io.SeriesFiles;
import io.florets.datasets.io.csv.TimeOrder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;

/**
 * Series from where they live, as rows of {@link SeriesRows#SCHEMA}. A row that is not a series
 * (ragged channel arrays, no values, a file that does not parse, timestamps that do not increase)
 * becomes an error row; nothing here fails the job. Stateless.
 *
 * <ul>
 *   <li>{@link #fromWide}: one row per series: an id ({@code series_id} or {@code id}), a
 *       {@code values} array (one channel) or array of arrays (channels), and optionally
 *       {@code timestamps} (epoch ms or timestamps), {@code channel_names} and a class label
 *       ({@code class_label}, {@code label} or {@code class});</li>
 *   <li>{@link #fromLong}: one row per sample: an id, a time column ({@code timestamp}, {@code time},
 *       {@code datetime} or {@code date}), one numeric column per channel, optionally a class label;</li>
 *   <li>{@link #parquet}: either layout, told apart by the type of {@code values};</li>
 *   <li>{@link #files}: a folder (searched recursively) of the files {@code florets label} reads,
 *       each parsed by the same reader ({@link SeriesFiles}, CSV timestamps that repeat or step back
 *       handled as {@link TimeOrder#KEEP_SAMPLES}): NAB-style CSV ({@code timestamp,value}), the
 *       project's Arrow series files, UCR/UEA files. A series is named as on one machine (a CSV
 *       file's series by the file name without extension).</li>
 * </ul>
 */
public final class SeriesSources {
  /** The files {@link #files(SparkSession, String)} picks up. */
  public static final String DEFAULT_GLOB = "*.{csv,CSV,arrow,feather,ipc,ts,arff,tsv,txt}";

  private static final List<String> ID_NAMES = List.of("series_id", "id");
  private static final List<String> LABEL_NAMES = List.of("class_label", "label", "class");
  private static final List<String> TIME_NAMES = List.of("timestamp", "time", "datetime", "date");

  private SeriesSources() {
  }

  /** Every series file under {@code dir} (recursively) matching {@link #DEFAULT_GLOB}. */
  public static Dataset<Row> files(SparkSession spark, String dir) {
    return files(spark, dir, DEFAULT_GLOB);
  }

  /**
   * Every file under {@code dir} (recursively) whose name matches {@code glob}, read on the
   * executors with the single-machine readers.
   */
  public static Dataset<Row> files(SparkSession spark, String dir, String glob) {
    Dataset<Row> bytes = spark.read().format("binaryFile").option("recursiveFileLookup", "true")
        .option("pathGlobFilter", glob).load(dir).select("path", "content");
    // a few large partitions of whole files would leave cores idle: spread the files (their bytes,
    // not yet parsed) over four partitions per core
    int parts = 4 * spark.sparkContext().defaultParallelism();
    return bytes.repartition(parts).mapPartitions((org.apache.spark.api.java.function.MapPartitionsFunction<Row, Row>)
        it -> flat(it, r -> readFile(r).iterator()), Encoders.row(SeriesRows.SCHEMA));
  }

  private static List<Row> readFile(Row r) {
    String source = r.getString(0);
    String name = source.substring(source.lastIndexOf('/') + 1);
    List<Row> out = new ArrayList<>();
    Path dir = null;
    try {
      dir = Files.createTempDirectory("florets-spark-");
      Path file = dir.resolve(name);
      Files.write(file, (byte[]) r.get(1));
      SeriesFile f = SeriesFiles.read(file, TimeOrder.KEEP_SAMPLES);
      for (int i = 0; i < f.series().size(); i++) {
        out.add(SeriesRows.row(source, i, f.series().get(i)));
      }
    } catch (IOException | RuntimeException e) {
      String message = e.getMessage() == null ? e.toString() : e.getMessage();
      out.clear();
      out.add(SeriesRows.error(source, 0, stem(name), message.replace(dir == null ? "\u0000" : dir.toString(), "")));
    } finally {
      deleteQuietly(dir);
    }
    return out;
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (var s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | UncheckedIOException e) {
      dir.toFile().deleteOnExit();
    }
  }

  private static String stem(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  /**
   * Series rows of {@link SeriesRows#SCHEMA} from any of the layouts: rows of that schema as they
   * are, else {@link #fromWide} when {@code values} is an array column, else {@link #fromLong}.
   */
  public static Dataset<Row> normalise(Dataset<Row> df) {
    if (df.schema().equals(SeriesRows.SCHEMA)) {
      return df;
    }
    return isWide(df) ? fromWide(df) : fromLong(df);
  }

  /** Parquet files of series in either layout ({@link #fromWide} when {@code values} is an array). */
  public static Dataset<Row> parquet(SparkSession spark, String path) {
    return normalise(spark.read().parquet(path));
  }

  /** True if {@code df} has an array column {@code values} (one row per series). */
  public static boolean isWide(Dataset<Row> df) {
    return Arrays.asList(df.columns()).contains("values")
        && df.schema().apply("values").dataType() instanceof ArrayType;
  }

  /**
   * One row per series.
   *
   * @throws IllegalArgumentException if no id column or no array column {@code values} exists
   */
  public static Dataset<Row> fromWide(Dataset<Row> df) {
    String id = column(df, ID_NAMES, true);
    if (!isWide(df)) {
      throw new IllegalArgumentException("no array column 'values' among " + Arrays.toString(df.columns()));
    }
    DataType vt = df.schema().apply("values").dataType();
    boolean nested = ((ArrayType) vt).elementType() instanceof ArrayType;
    Column flat = nested ? functions.flatten(functions.col("values")) : functions.col("values");
    Column sizes = nested ? functions.expr("transform(`values`, c -> size(c))")
        : functions.array(functions.size(functions.col("values")));
    String ts = Arrays.asList(df.columns()).contains("timestamps") ? "timestamps" : null;
    String names = Arrays.asList(df.columns()).contains("channel_names") ? "channel_names" : null;
    String label = column(df, LABEL_NAMES, false);
    Dataset<Row> sel = df.select(
        functions.col(id).cast(DataTypes.StringType),
        flat,
        sizes,
        ts == null ? functions.lit(null) : functions.col(ts),
        names == null ? functions.lit(null) : functions.col(names),
        label == null ? functions.lit(null).cast(DataTypes.StringType) : functions.col(label).cast(DataTypes.StringType));
    return sel.mapPartitions((org.apache.spark.api.java.function.MapPartitionsFunction<Row, Row>)
        it -> flat(it, r -> wideRow(r).iterator()), Encoders.row(SeriesRows.SCHEMA));
  }

  private static List<Row> wideRow(Row r) {
    String id = r.getString(0);
    if (id == null) {
      return List.of(SeriesRows.error("", 0, null, "the series id is null"));
    }
    if (r.isNullAt(1) || r.isNullAt(2)) {
      return List.of(SeriesRows.error("", 0, id, "no values (the values array or one of its channels is null)"));
    }
    float[] flat = Cells.floats(r, 1);
    List<?> sizes = Cells.list(r, 2);
    int n = sizes.isEmpty() || sizes.get(0) == null ? 0 : ((Number) sizes.get(0)).intValue();
    for (Object s : sizes) {
      if (s == null || ((Number) s).intValue() != n) {
        return List.of(SeriesRows.error("", 0, id, "ragged arrays: channel lengths " + sizes
            + " differ; every channel needs the same number of samples"));
      }
    }
    if (sizes.isEmpty() || n == 0) {
      return List.of(SeriesRows.error("", 0, id, "too short: 0 samples"));
    }
    float[][] v = new float[sizes.size()][n];
    for (int c = 0; c < v.length; c++) {
      System.arraycopy(flat, c * n, v[c], 0, n);
    }
    return build(id, v, r.isNullAt(3) ? null : SeriesRows.longs(Cells.list(r, 3)),
        r.isNullAt(4) ? null : Cells.strings(r, 4), r.getString(5));
  }

  private static List<Row> build(String id, float[][] v, long[] ts, List<String> names, String label) {
    try {
      Series.Builder b = Series.builder(id, v);
      if (ts != null) {
        b.timestamps(ts);
      }
      if (names != null) {
        b.channelNames(names);
      }
      if (label != null) {
        b.classLabel(label);
      }
      return List.of(SeriesRows.row("", 0, b.build()));
    } catch (IllegalArgumentException e) {
      return List.of(SeriesRows.error("", 0, id, e.getMessage()));
    }
  }

  /**
   * One row per sample, grouped into series by id and ordered by time.
   *
   * @throws IllegalArgumentException if the id, time or value columns are missing
   */
  public static Dataset<Row> fromLong(Dataset<Row> df) {
    String id = column(df, ID_NAMES, true);
    String time = column(df, TIME_NAMES, true);
    String label = column(df, LABEL_NAMES, false);
    List<String> values = new ArrayList<>();
    for (StructField f : df.schema().fields()) {
      if (f.dataType() instanceof NumericType && !Set.of(id, time).contains(f.name())
          && !f.name().equals(label)) {
        values.add(f.name());
      }
    }
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no numeric value column among " + Arrays.toString(df.columns())
          + " besides the id '" + id + "' and the time '" + time + "'");
    }
    Column t = df.schema().apply(time).dataType() == DataTypes.StringType
        ? functions.to_timestamp(functions.col(time)) : functions.col(time);
    List<Column> fields = new ArrayList<>();
    fields.add(t.as("t"));
    for (String v : values) {
      fields.add(functions.col(v).cast(DataTypes.DoubleType));
    }
    Column labelAgg = label == null ? functions.lit(null).cast(DataTypes.StringType)
        : functions.first(functions.col(label).cast(DataTypes.StringType), true);
    Dataset<Row> grouped = df.groupBy(functions.col(id).cast(DataTypes.StringType).as("id")).agg(
        functions.sort_array(functions.collect_list(functions.struct(fields.toArray(new Column[0])))),
        labelAgg);
    List<String> names = List.copyOf(values);
    return grouped.mapPartitions((org.apache.spark.api.java.function.MapPartitionsFunction<Row, Row>)
        it -> flat(it, r -> longRow(r, names).iterator()), Encoders.row(SeriesRows.SCHEMA));
  }

  private static List<Row> longRow(Row r, List<String> names) {
    String id = r.getString(0);
    if (id == null) {
      return List.of(SeriesRows.error("", 0, null, "the series id is null"));
    }
    List<Row> samples = Cells.rows(r, 1);
    int n = samples.size();
    float[][] v = new float[names.size()][n];
    long[] ts = new long[n];
    try {
      for (int i = 0; i < n; i++) {
        Row s = samples.get(i);
        if (s.isNullAt(0)) {
          return List.of(SeriesRows.error("", 0, id, "sample " + i + " has no time"));
        }
        ts[i] = epochMillis(s.get(0));
        for (int c = 0; c < v.length; c++) {
          v[c][i] = s.isNullAt(c + 1) ? Float.NaN : (float) s.getDouble(c + 1);
        }
      }
    } catch (IllegalArgumentException e) {
      return List.of(SeriesRows.error("", 0, id, e.getMessage()));
    }
    return build(id, v, ts, names, r.getString(2));
  }

  /** Epoch milliseconds of a time cell (a number of ms, a timestamp, a date or an instant). */
  static long epochMillis(Object o) {
    if (o instanceof Number x) {
      return x.longValue();
    }
    if (o instanceof java.util.Date d) {
      return d.getTime();
    }
    if (o instanceof java.time.Instant i) {
      return i.toEpochMilli();
    }
    if (o instanceof java.time.LocalDate d) {
      return d.toEpochDay() * 86_400_000L;
    }
    throw new IllegalArgumentException("time value " + o + " (" + (o == null ? "null" : o.getClass().getSimpleName())
        + ") is not epoch ms, a timestamp or a date");
  }

  private static String column(Dataset<Row> df, List<String> names, boolean required) {
    for (String c : df.columns()) {
      if (names.contains(c.toLowerCase(Locale.ROOT))) {
        return c;
      }
    }
    if (required) {
      throw new IllegalArgumentException("no column named any of " + names + " among " + Arrays.toString(df.columns()));
    }
    return null;
  }

  /** Applies {@code f} to every row and concatenates the results, lazily. */
  static Iterator<Row> flat(Iterator<Row> in, FlatMapFunction<Row, Row> f) {
    return new Iterator<>() {
      private Iterator<Row> cur = java.util.Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!cur.hasNext() && in.hasNext()) {
          try {
            cur = f.call(in.next());
          } catch (RuntimeException e) {
            throw e;
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }
        return cur.hasNext();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new java.util.NoSuchElementException();
        }
        return cur.next();
      }
    };
  }
}
