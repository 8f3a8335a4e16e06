package io.florets.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.florets.spark.SparkBench;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code florets spark bench --json}: windows per second of Spark labelling with {@code local[1]}
 * and {@code local[2]} on the same input, and whether the annotations equal one machine's.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Spark labelling throughput with local[1] and local[2] on the same series files, and a "
        + "row-for-row check against one-machine labelling.")
public final class SparkBenchCommand implements Callable<Integer> {
  @Option(names = "--input", paramLabel = "DIR",
      description = "a folder of series files (default: NAB's data folder in ../shared/data/nab/data)")
  Path input;

  @Option(names = "--window", defaultValue = "" + LabelCommand.DEFAULT_WINDOW, paramLabel = "L",
      description = "window length (default ${DEFAULT-VALUE})")
  int window;

  @Option(names = "--stride", defaultValue = "8", paramLabel = "S",
      description = "window stride (default ${DEFAULT-VALUE}: 21,627 windows of NAB's series, enough that "
          + "the few seconds of each run that do not scale (scheduling, the driver's consensus fit, "
          + "the Parquet commit) do not dominate)")
  int stride;

  @Option(names = "--repeat", defaultValue = "2", paramLabel = "N",
      description = "timed runs per master, the fastest counts (default ${DEFAULT-VALUE})")
  int repeat;

  @Option(names = "--work", defaultValue = "florets-out/spark-bench", paramLabel = "DIR",
      description = "folder for the outputs (default ${DEFAULT-VALUE})")
  Path work;

  @Option(names = "--json", description = "print JSON (the only output format)")
  boolean json;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    SparkCommand.requireSpark();
    Path in = input != null ? input : defaultInput();
    Map<String, Object> m = SparkBench.run(in, window, stride, repeat, work);
    PrintWriter w = spec.commandLine().getOut();
    w.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
    w.flush();
    return 0;
  }

  private static Path defaultInput() {
    String home = System.getProperty("florets.home", ".");
    Path nab = Path.of(home).resolve("../shared/data/nab/data").normalize();
    if (!Files.isDirectory(nab)) {
      throw new IllegalArgumentException("no input: " + nab + " does not exist; give a folder of series files with --input");
    }
    return nab;
  }
}
