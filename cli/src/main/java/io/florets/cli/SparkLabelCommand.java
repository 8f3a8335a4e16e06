package io.florets.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.florets.spark.FloretsSparkJob;
import io.florets.spark.SparkSessions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code florets spark label INPUT --out OUT --master local[2]}: {@code florets label} on Spark in
 * local mode; writes Parquet folders {@code OUT/annotations}, {@code OUT/windows} and
 * {@code OUT/errors}.
 */
@Command(name = "label", mixinStandardHelpOptions = true,
    description = "Label every window of a folder of series files (or Parquet series) on Spark in local mode; "
        + "write Parquet: OUT/annotations (one row per annotation), OUT/windows, OUT/errors.")
public final class SparkLabelCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "INPUT",
      description = "a folder of series files (CSV, Arrow, UCR/UEA; searched recursively) or Parquet series")
  Path input;

  @Option(names = "--out", required = true, paramLabel = "OUT", description = "output folder (replaced)")
  Path out;

  @Option(names = "--master", defaultValue = "local[2]", paramLabel = "MASTER",
      description = "Spark master (default ${DEFAULT-VALUE})")
  String master;

  @Option(names = "--window", defaultValue = "" + LabelCommand.DEFAULT_WINDOW, paramLabel = "L",
      description = "window length in samples (default ${DEFAULT-VALUE})")
  int window;

  @Option(names = "--stride", paramLabel = "S", description = "samples between window starts (default: the window)")
  Integer stride;

  @Option(names = "--labelers", split = ",", paramLabel = "NAME", description = "labelers (default: the default suite)")
  List<String> labelers;

  @Option(names = "--min-length", paramLabel = "M",
      description = "series shorter than this go to OUT/errors (default: the window; 1 pads them with NaN like 'florets label')")
  Integer minLength;

  @Option(names = "--partitions", paramLabel = "P", description = "partitions of the labelling stage (default: 4 per core)")
  Integer partitions;

  @Option(names = "--format", paramLabel = "FORMAT", description = "parquet or files (default: told from INPUT)")
  String format;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    SparkCommand.requireSpark();
    List<String> args = new ArrayList<>(List.of("label", input.toString(), out.toAbsolutePath().toString(),
        "--window", Integer.toString(window)));
    add(args, "stride", stride);
    add(args, "labelers", labelers == null ? null : String.join(",", labelers));
    add(args, "min-length", minLength);
    add(args, "partitions", partitions);
    add(args, "format", format);
    SparkSession spark = SparkSessions.local(master, "florets spark label");
    Map<String, Object> summary;
    try {
      summary = FloretsSparkJob.run(spark, args.toArray(new String[0]));
    } finally {
      spark.stop();
    }
    PrintWriter w = spec.commandLine().getOut();
    w.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(summary));
    w.flush();
    return 0;
  }

  private static void add(List<String> args, String name, Object value) {
    if (value != null) {
      args.add("--" + name);
      args.add(value.toString());
    }
  }
}
