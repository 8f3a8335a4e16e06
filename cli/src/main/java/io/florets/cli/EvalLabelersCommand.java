package io.florets.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.florets.datasets.DenseDataset;
import io.florets.datasets.synthetic.SyntheticConfig;
import io.florets.datasets.synthetic.SyntheticGenerator;
import io.florets.labelers.LabelerSuite;
import io.florets.labelers.Labelers;
import io.florets.labelers.consensus.ConsensusConfig;
import io.florets.labelers.eval.LabelerEvaluation;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code florets eval labelers}: every labeler and the consensus against synthetic truth. */
@Command(name = "labelers", mixinStandardHelpOptions = true,
    description = "Score the labelers and their consensus against the synthetic generator's truth.")
public final class EvalLabelersCommand implements Callable<Integer> {
  @Option(names = "--synthetic", defaultValue = "2000", paramLabel = "N",
      description = "number of synthetic windows (default ${DEFAULT-VALUE})")
  int count;

  @Option(names = "--length", defaultValue = "256", description = "window length (default ${DEFAULT-VALUE})")
  int length;

  @Option(names = "--seed", defaultValue = "7", description = "generator seed (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--threads", defaultValue = "2", description = "threads (default ${DEFAULT-VALUE})")
  int threads;

  @Option(names = "--labelers", split = ",", paramLabel = "NAME",
      description = "labelers to run, comma-separated; 'default' stands for the default suite "
          + "(e.g. default,discord.mp; 'fast' is the default suite without shape.structural) (default: the default suite)")
  List<String> labelers;

  @Option(names = "--json", description = "print one JSON object")
  boolean json;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  @SuppressWarnings("unchecked")
  public Integer call() throws IOException {
    LabelerSuite suite = labelers == null ? LabelerSuite.defaults() : LabelerSuite.of(Labelers.byNames(labelers));
    DenseDataset data = SyntheticGenerator.generate(SyntheticConfig.of(count, length, seed));
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("synthetic", Map.of("windows", count, "length", length, "seed", seed));
    m.put("tolerance", ConsensusConfig.DEFAULTS.tolerance(length));
    m.putAll(JsonFields.of(LabelerEvaluation.run(data, suite, ConsensusConfig.DEFAULTS, threads)));
    PrintWriter w = spec.commandLine().getOut();
    if (json) {
      w.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m));
      return 0;
    }
    Map<String, Object> c = (Map<String, Object>) m.get("consensus");
    w.printf("%-22s %9s %9s %9s%n", "system", "eventF1", "shapeAcc", "numeric");
    w.printf("%-22s %9s %9s %9s%n", "consensus", c.get("eventF1"), c.get("shapeTagAccuracy"), c.get("numericScore"));
    Map<String, Object> med = (Map<String, Object>) m.get("medianLabeler");
    w.printf("%-22s %9s %9s %9s%n", "median labeler", med.get("eventF1"), med.get("shapeTagAccuracy"),
        med.get("numericScore"));
    for (Map.Entry<String, Object> e : ((Map<String, Object>) m.get("labelers")).entrySet()) {
      Map<String, Object> l = (Map<String, Object>) e.getValue();
      w.printf("%-22s %9s %9s %9s%n", e.getKey(), l.get("eventF1"), l.get("shapeTagAccuracy"), l.get("numericScore"));
    }
    return 0;
  }
}
