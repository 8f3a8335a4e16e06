package io.florets.cli;

import java.io.IOException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.florets.datasets.DenseDataset;
import io.florets.datasets.synthetic.SyntheticConfig;
import io.florets.datasets.synthetic.SyntheticGenerator;
import io.florets.engine.EngineConfig;
import io.florets.engine.series.SeriesFrontEndConfig;
import io.florets.labelers.Labeler;
import io.florets.labelers.Labelers;
import io.florets.prompt.PromptHead;
import io.florets.prompt.dataengine.DataEngine;
import io.florets.prompt.dataengine.DataEngineConfig;
import io.florets.prompt.dataengine.DataEngineListener;
import io.florets.prompt.dataengine.DataEngineResult;
import io.florets.prompt.dataengine.DegradedLabeler;
import io.florets.prompt.dataengine.RoundReport;
import io.florets.prompt.facade.bundle.ModelBundle;
import io.florets.prompt.facade.train.Recipe;
import io.florets.prompt.vocab.Vocabulary;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code florets engine --synthetic 3000 --degrade-labelers 0.3 --rounds 3 --seed 11 --json}: runs
 * the data-engine loop on synthetic windows with exact truth, with deliberately degraded labelers,
 * and prints per round the label quality against truth. Progress goes to standard error.
 */
@Command(name = "engine", mixinStandardHelpOptions = true,
    description = "Run the data-engine loop on synthetic windows with degraded labelers and report "
        + "label quality per round against the generator's truth.")
public final class EngineCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--synthetic", required = true, description = "Number of synthetic windows.")
  int windows;

  @Option(names = "--length", defaultValue = "128", description = "Window length (default: ${DEFAULT-VALUE}).")
  int length;

  @Option(names = "--degrade-labelers", defaultValue = "0",
      description = "Fraction of labeler outputs dropped, of outputs jittered, and chance of a false "
          + "event per window and labeler (default: ${DEFAULT-VALUE}).")
  double degrade;

  @Option(names = "--rounds", defaultValue = "3", description = "Rounds, round 0 included (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--seed", defaultValue = "11", description = "Seed of data, noise, split and training (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--model", defaultValue = "tiny",
      description = "Engine shape: tiny or compact (default: ${DEFAULT-VALUE}).")
  String modelShape;

  @Option(names = "--steps", defaultValue = "600", description = "Training steps before round 1 (default: ${DEFAULT-VALUE}).")
  long firstSteps;

  @Option(names = "--round-steps", defaultValue = "300", description = "Warm-start steps before each later round (default: ${DEFAULT-VALUE}).")
  long roundSteps;

  @Option(names = "--batch", defaultValue = "32", description = "Batch size (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--lr", defaultValue = "2e-3", description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
  double lr;

  @Option(names = "--threads", defaultValue = "2", description = "Labelling threads (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Override
  public Integer call() throws IOException, io.florets.prompt.facade.bundle.BundleException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SyntheticConfig sc = SyntheticConfig.builder().count(windows).length(length).seed(seed)
        .events(0, 3).build();
    DenseDataset data = SyntheticGenerator.generate(sc);
    List<Labeler> labelers = DegradedLabeler.all(Labelers.defaultSuite(), degrade, seed);
    EngineConfig ec = "compact".equals(modelShape) ? Recipe.compact()
        : EngineConfig.tiny().withMaxLengths(32, 128);
    DataEngineConfig cfg = DataEngineConfig.defaults(rounds, seed)
        .withSteps(firstSteps, roundSteps, 0).withOptimizer(batch, lr).withThreads(threads);
    PromptHead head = PromptHead.of(Vocabulary.standard());
    long t0 = System.nanoTime();
    DataEngineListener progress = new DataEngineListener() {
      private String last = "";

      @Override
      public void progress(int round, String phase, long done, long total) {
        long step = Math.max(1, total / 10);
        String key = round + phase;
        if (done % step == 0 || done == total || !key.equals(last)) {
          last = key;
          err.printf(Locale.ROOT, "round %d %s %d/%d  (%.0f s)%n", round, phase, done, total,
              (System.nanoTime() - t0) / 1e9);
          err.flush();
        }
      }

      @Override
      public void roundDone(RoundReport r) {
        err.printf(Locale.ROOT, "round %d done: eventF1 %s shapeTagAccuracy %s numericScore %s%n",
            r.round(), r.toMap().get("eventF1"), r.toMap().get("shapeTagAccuracy"),
            r.toMap().get("numericScore"));
        err.flush();
      }
    };
    DataEngineResult res;
    try (ModelBundle b = ModelBundle.create(ec, SeriesFrontEndConfig.defaults(ec.dModel()), head,
        seed)) {
      res = DataEngine.of(labelers, cfg).run(data, b.model(), head, progress);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("windows", windows);
    m.put("length", length);
    m.put("degradeLabelers", degrade);
    m.put("seed", seed);
    m.put("model", ec.name());
    m.put("labelers", labelers.stream().map(Labeler::name).toList());
    m.putAll(res.toMap());
    m.put("seconds", Math.round((System.nanoTime() - t0) / 1e8) / 10.0);
    if (json) {
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(m));
    } else {
      for (RoundReport r : res.rounds()) {
        Map<String, Object> x = r.toMap();
        out.printf(Locale.ROOT, "round %d: eventF1 %s  shapeTagAccuracy %s  numericScore %s  "
            + "kept %d changed %d flagged %d overridden %d%n", r.round(), x.get("eventF1"),
            x.get("shapeTagAccuracy"), x.get("numericScore"), r.kept(), r.changed(), r.flagged(),
            r.overridden());
      }
    }
    out.flush();
    return 0;
  }
}
