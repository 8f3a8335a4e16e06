package io.florets.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.florets.labelers.LabelerSuite;
import io.florets.labelers.Labelers;
import io.florets.labelers.batch.Throughput;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code florets bench labelers}: labelling throughput of the default suite (discords off). */
@Command(name = "labelers", mixinStandardHelpOptions = true,
    description = "Windows per second of the labeler suite on synthetic windows.")
public final class BenchLabelersCommand implements Callable<Integer> {
  @Option(names = "--length", defaultValue = "256", description = "window length (default ${DEFAULT-VALUE})")
  int length;

  @Option(names = "--windows", defaultValue = "20000", description = "windows timed (default ${DEFAULT-VALUE})")
  int windows;

  @Option(names = "--threads", defaultValue = "2", description = "threads (default ${DEFAULT-VALUE})")
  int threads;

  @Option(names = "--seed", defaultValue = "1", description = "generator seed (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--labelers", split = ",", paramLabel = "NAME",
      description = "labelers to run, comma-separated ('fast' is the default suite without shape.structural) (default: the default suite)")
  List<String> labelers;

  @Option(names = "--json", description = "print one JSON object")
  boolean json;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    LabelerSuite suite = labelers == null ? LabelerSuite.defaults() : LabelerSuite.of(Labelers.byNames(labelers));
    Throughput.Measurement m = Throughput.measure(suite, length, windows, threads, seed);
    if (json) {
      spec.commandLine().getOut().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(m));
    } else {
      spec.commandLine().getOut().printf("%s windows/s (length %d, %d threads, %d windows, %s s)%n",
          m.windowsPerSecond(), length, threads, windows, m.seconds());
    }
    return 0;
  }
}
