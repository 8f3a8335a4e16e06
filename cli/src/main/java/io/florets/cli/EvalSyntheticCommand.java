package io.florets.cli;

import java.io.IOException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.florets.datasets.DenseDataset;
import io.florets.datasets.synthetic.SyntheticConfig;
import io.florets.datasets.synthetic.SyntheticGenerator;
import io.florets.prompt.facade.Florets;
import io.florets.dataengine.eval.SyntheticEvaluation;
import io.florets.dataengine.train.Recipe;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code florets eval synthetic --model default --windows 1000 --seed 99 --json}: the model and
 * the labeler consensus against exact synthetic truth, side by side.
 */
@Command(name = "synthetic", mixinStandardHelpOptions = true,
    description = "Score a model and the labeler consensus on fresh synthetic windows with exact truth.")
public final class EvalSyntheticCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--model", defaultValue = "default",
      description = "default (the shipped model) or a model folder (default: ${DEFAULT-VALUE}).")
  String model;

  @Option(names = "--windows", defaultValue = "1000", description = "Windows (default: ${DEFAULT-VALUE}).")
  int windows;

  @Option(names = "--seed", defaultValue = "99", description = "Generator seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--threads", defaultValue = "2", description = "Labelling threads (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() throws IOException, io.florets.prompt.facade.bundle.BundleException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SyntheticConfig cfg = Recipe.defaultRecipe(1).data().toBuilder().count(windows).seed(seed)
        .build();
    DenseDataset data = SyntheticGenerator.generate(cfg);
    long t0 = System.nanoTime();
    SyntheticEvaluation.Report r;
    try (Florets f = ModelOption.open(model)) {
      r = SyntheticEvaluation.run(f, data, threads, step -> {
        err.printf("eval synthetic: step %d/6 done (%.0f s)%n", step, (System.nanoTime() - t0) / 1e9);
        err.flush();
      });
    }
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("model", model);
    all.put("seed", seed);
    all.put("seconds", Math.round((System.nanoTime() - t0) / 1e7) / 100.0);
    all.putAll(JsonFields.of(r));
    if (json) {
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(all));
    } else {
      SyntheticEvaluation.ConsensusFigures c = r.consensus();
      out.printf("%-24s %10s %10s%n", "figure", "model", "consensus");
      out.printf("%-24s %10s %10s%n", "shapeTagAccuracy", r.shapeTagAccuracy(), c.shapeTagAccuracy());
      out.printf("%-24s %10s %10s%n", "eventF1", r.eventF1(), c.eventF1());
      out.printf("%-24s %10s %10s%n", "numericScore", r.numericScore(), c.numericScore());
      out.printf("%-24s %10s %10s%n", "captionKeywordMatch", r.captionKeywordMatch(),
          c.captionKeywordMatch());
      out.printf("%-24s %10s %10s%n", "classificationAccuracy", r.classificationAccuracy(),
          c.classificationAccuracy());
      out.printf("%-24s %10s%n", "captionAgreement", r.captionAgreement());
      out.printf("%-24s %10s%n", "parseRate", r.parseRate());
    }
    out.flush();
    return 0;
  }
}
