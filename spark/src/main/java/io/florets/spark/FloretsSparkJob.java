package io.florets.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code spark-submit} entry point:
 *
 * <pre>
 * spark-submit --class io.florets.spark.FloretsSparkJob --master MASTER JAR label INPUT OUT [options]
 * spark-submit --class io.florets.spark.FloretsSparkJob --master MASTER JAR ask INPUT OUT --prompt P [options]
 * </pre>
 *
 * {@code INPUT} is a Parquet dataset of series (either layout of {@link SeriesSources}) or a folder
 * of series files (CSV, Arrow, UCR/UEA; searched recursively). {@code label} writes
 * {@code OUT/annotations} (one row per annotation), {@code OUT/windows} (one row per window with
 * its annotations) and {@code OUT/errors} (the series left out, with why) as Parquet, replacing
 * what was there; {@code ask} writes {@code OUT/readouts} and {@code OUT/errors}.
 *
 * <p>Options: {@code --window L} (256), {@code --stride S} (the window), {@code --labelers a,b}
 * (the default suite), {@code --min-length M} (the window), {@code --partitions P} (4 per core),
 * {@code --format parquet|files} (told from the input), {@code --glob G} (series file names);
 * for {@code ask}: {@code --prompt P} (repeatable), {@code --model DIR} (the default model),
 * {@code --batch B} (32).
 */
public final class FloretsSparkJob {
  /** The usage text. */
  public static final String USAGE = String.join(System.lineSeparator(),
      "usage: FloretsSparkJob label INPUT OUT [--window L] [--stride S] [--labelers a,b] [--min-length M]",
      "                             [--partitions P] [--format parquet|files] [--glob G]",
      "       FloretsSparkJob ask INPUT OUT --prompt P [--prompt P2 ...] [--model DIR] [--batch B]",
      "                             [--window L] [--stride S] [--format parquet|files] [--glob G]");

  private FloretsSparkJob() {
  }

  /** Runs one job in the session that {@code spark-submit} configured. */
  public static void main(String[] args) throws IOException {
    if (args.length < 3 || !List.of("label", "ask").contains(args[0])) {
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    SparkSession spark = SparkSession.builder().appName("florets " + args[0]).getOrCreate();
    try {
      Map<String, Object> summary = run(spark, args);
      System.out.println(summary);
    } finally {
      spark.stop();
    }
  }

  /**
   * Runs {@code label} or {@code ask} with these arguments in {@code spark}.
   *
   * @return a summary (counts, seconds, output folders)
   * @throws IllegalArgumentException for bad arguments (the message names them)
   */
  public static Map<String, Object> run(SparkSession spark, String[] args) throws IOException {
    Args a = Args.parse(args);
    long t0 = System.nanoTime();
    Dataset<Row> series = read(spark, a.input, a.option("format", null), a.option("glob", SeriesSources.DEFAULT_GLOB));
    int window = a.intOption("window", 256);
    int stride = a.intOption("stride", window);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("input", a.input);
    if (a.command.equals("label")) {
      SparkLabeling.Options o = SparkLabeling.Options.defaults(window).withStride(stride)
          .withMinLength(a.intOption("min-length", window)).withPartitions(a.intOption("partitions", 0))
          .withLabelers(a.option("labelers", null) == null ? null : Arrays.asList(a.option("labelers", null).split(",")));
      try (SparkLabeling.Result r = SparkLabeling.label(series, o)) {
        r.annotations().write().mode(SaveMode.Overwrite).parquet(a.out + "/annotations");
        r.windows().write().mode(SaveMode.Overwrite).parquet(a.out + "/windows");
        r.errors().write().mode(SaveMode.Overwrite).parquet(a.out + "/errors");
        m.put("series", r.seriesCount());
        m.put("windows", r.windowCount());
        m.put("errors", spark.read().parquet(a.out + "/errors").count());
      }
      m.put("annotations", a.out + "/annotations");
      m.put("windowsOut", a.out + "/windows");
    } else {
      List<String> prompts = a.all("prompt");
      if (prompts.isEmpty()) {
        throw new IllegalArgumentException("ask needs at least one --prompt, e.g. --prompt '<EVENTS>'");
      }
      SparkAsk.Options o = new SparkAsk.Options(a.option("model", null), prompts, a.intOption("batch", 32));
      SparkAsk.ask(SparkAsk.windows(series, window, stride), o).write().mode(SaveMode.Overwrite)
          .parquet(a.out + "/readouts");
      SeriesSources.normalise(series).filter(org.apache.spark.sql.functions.col("error").isNotNull())
          .map((org.apache.spark.api.java.function.MapFunction<Row, Row>) SeriesRows::errorRow,
              org.apache.spark.sql.Encoders.row(SeriesRows.ERRORS))
          .write().mode(SaveMode.Overwrite).parquet(a.out + "/errors");
      m.put("readouts", a.out + "/readouts");
    }
    m.put("errorsOut", a.out + "/errors");
    m.put("seconds", Math.round((System.nanoTime() - t0) / 1e6) / 1000.0);
    return m;
  }

  /**
   * Series from {@code input}: Parquet when {@code format} says so, or (format {@code null}) when
   * the input is a {@code .parquet} path or a folder holding {@code .parquet} files; series files
   * otherwise.
   */
  public static Dataset<Row> read(SparkSession spark, String input, String format, String glob) throws IOException {
    String f = format != null ? format : isParquet(spark, input) ? "parquet" : "files";
    switch (f) {
      case "parquet":
        return SeriesSources.parquet(spark, input);
      case "files":
        return SeriesSources.files(spark, input, glob);
      default:
        throw new IllegalArgumentException("--format must be parquet or files, got '" + format + "'");
    }
  }

  private static boolean isParquet(SparkSession spark, String input) throws IOException {
    if (input.endsWith(".parquet")) {
      return true;
    }
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(input);
    FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
    FileStatus st;
    try {
      st = fs.getFileStatus(p);
    } catch (java.io.FileNotFoundException e) {
      throw new IllegalArgumentException("input " + input + " does not exist");
    }
    if (!st.isDirectory()) {
      return false;
    }
    RemoteIterator<LocatedFileStatus> files = fs.listFiles(p, true);
    while (files.hasNext()) {
      if (files.next().getPath().getName().endsWith(".parquet")) {
        return true;
      }
    }
    return false;
  }

  /** Parsed arguments: command, input, output, options (an option may repeat). */
  private record Args(String command, String input, String out, List<String[]> options) {
    static Args parse(String[] args) {
      if (args.length < 3) {
        throw new IllegalArgumentException(USAGE);
      }
      List<String[]> opts = new ArrayList<>();
      for (int i = 3; i < args.length; i++) {
        if (!args[i].startsWith("--") || i + 1 >= args.length) {
          throw new IllegalArgumentException("expected --option VALUE, got '" + args[i] + "'" + System.lineSeparator() + USAGE);
        }
        opts.add(new String[] {args[i].substring(2), args[++i]});
      }
      return new Args(args[0], args[1], args[2], opts);
    }

    String option(String name, String dflt) {
      String v = dflt;
      for (String[] o : options) {
        if (o[0].equals(name)) {
          v = o[1];
        }
      }
      return v;
    }

    List<String> all(String name) {
      List<String> out = new ArrayList<>();
      for (String[] o : options) {
        if (o[0].equals(name)) {
          out.add(o[1]);
        }
      }
      return out;
    }

    int intOption(String name, int dflt) {
      String v = option(name, null);
      if (v == null) {
        return dflt;
      }
      try {
        return Integer.parseInt(v);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--" + name + " must be a whole number, got '" + v + "'");
      }
    }
  }
}
