package io.florets.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.florets.datasets.io.DatasetSummary;
import io.florets.datasets.io.SeriesFiles;
import io.florets.datasets.io.SeriesFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code florets inspect PATH [--json] [--time-order POLICY]}: summarises any readable series file (.ts, .arff, UCR
 * .tsv/.txt, CSV, Arrow series) or dense dataset (.arrow): format, number of series, channels,
 * lengths, classes with counts, missing values, time span, and annotation counts.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
    description = "Summarise a series file or a dense dataset: format, series, channels, lengths, "
        + "classes, missing values, time span, annotations.")
public final class InspectCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "PATH", description = "the file to inspect")
  Path path;

  @Option(names = "--json", description = "print the summary as one JSON object")
  boolean json;

  @CommandLine.Mixin
  TimeOrderOption timeOrder;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    DatasetSummary s = SeriesFiles.detect(path) == SeriesFormat.ARROW_DENSE
        ? SeriesFiles.summarize(path)
        : DatasetSummary.of(timeOrder.read(path, spec.commandLine().getErr()));
    if (json) {
      ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      spec.commandLine().getOut().println(m.writeValueAsString(s.report()));
    } else {
      spec.commandLine().getOut().println(s.describe());
    }
    spec.commandLine().getOut().flush();
    return 0;
  }
}
