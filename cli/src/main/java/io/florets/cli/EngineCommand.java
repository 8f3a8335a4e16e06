package io.florets.cli;

import java.io.IOException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.florets.datasets.DenseDataset;
import io.florets.datasets.synthetic.SyntheticConfig;
import io.florets.datasets.synthetic.SyntheticGenerator;
import io.florets.engine.EngineConfig;
import io.florets.labelers.Labeler;
import io.florets.labelers.Labelers;
import io.florets.labelers.eval.Scorecard;
import io.florets.prompt.PromptHead;
import io.florets.dataengine.DataEngine;
import io.florets.dataengine.DataEngineConfig;
import io.florets.dataengine.DataEngineListener;
import io.florets.dataengine.DataEngineResult;
import io.florets.dataengine.DegradedLabeler;
import io.florets.dataengine.LabelQuality;
import io.florets.dataengine.RoundReport;
import io.florets.prompt.facade.bundle.ModelBundle;
import io.florets.dataengine.train.Recipe;
import io.florets.prompt.vocab.Vocabulary;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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

  @Option(names = "--length", defaultValue = "256", description = "Window length (default: ${DEFAULT-VALUE}).")
  int length;

  @Option(names = "--degrade-labelers", defaultValue = "0",
      description = "Fraction of labeler outputs dropped, of outputs jittered, and chance of a false "
          + "event per window and labeler (default: ${DEFAULT-VALUE}).")
  double degrade;

  @Option(names = "--rounds", defaultValue = "3", description = "Rounds, round 0 included (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--seed", defaultValue = "11", description = "Seed of data, noise, split and training (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--init", defaultValue = "default", paramLabel = "default|none|DIR",
      description = "Model the loop starts from: the shipped default model, a model folder, or "
          + "none (a fresh model of the --model shape trained only on this run's labels; "
          + "default: ${DEFAULT-VALUE}).")
  String init;

  @Option(names = "--model", defaultValue = "tiny",
      description = "Engine shape with --init none: tiny, compact or small (default: ${DEFAULT-VALUE}).")
  String modelShape;

  @Option(names = "--steps", description = "Training steps before round 1 (default: 200 from a "
      + "trained model, 600 with --init none).")
  Long firstSteps;

  @Option(names = "--round-steps", description = "Warm-start steps before each later round "
      + "(default: 100 from a trained model, 300 with --init none).")
  Long roundSteps;

  @Option(names = "--batch", description = "Batch size (default: 16 from a trained model, 32 with "
      + "--init none).")
  Integer batch;

  @Option(names = "--lr", description = "Peak learning rate (default: 3e-4 from a trained model, "
      + "so that fine-tuning on machine labels does not wash out what it knows; 2e-3 with --init "
      + "none).")
  Double lr;

  @Option(names = "--threads", defaultValue = "2", description = "Labelling threads (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--torch-threads", defaultValue = "1",
      description = "PyTorch intra-op threads for training and decoding (default: ${DEFAULT-VALUE}).")
  int torchThreads;

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
    io.florets.engine.GradMode.setIntraOpThreads(torchThreads);
    boolean fresh = "none".equals(init);
    EngineConfig ec = Recipe.engine(modelShape).withMaxLengths(32, 128);
    DataEngineConfig cfg = DataEngineConfig.defaults(rounds, seed)
        .withSteps(firstSteps != null ? firstSteps : fresh ? 600 : 200,
            roundSteps != null ? roundSteps : fresh ? 300 : 100, 0)
        .withOptimizer(batch != null ? batch : fresh ? 32 : 16,
            lr != null ? lr : fresh ? 2e-3 : 3e-4)
        .withThreads(threads);
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
        Scorecard.Headline h = r.labelFigures();
        err.printf(Locale.ROOT, "round %d done: eventF1 %s shapeTagAccuracy %s numericScore %s%n",
            r.round(), h.eventF1(), h.shapeTagAccuracy(), h.numericScore());
        err.flush();
      }
    };
    DataEngineResult res;
    String modelName;
    try (ModelBundle b = fresh
        ? ModelBundle.create(ec, io.florets.dataengine.train.Recipe.seriesFrontEnd(ec.dModel()),
            PromptHead.of(io.florets.dataengine.train.Recipe.seriesVocabulary()), seed)
        : ModelOption.bundle(init)) {
      err.printf(Locale.ROOT, "data engine: %d windows of %d samples, labelers degraded by %s, "
          + "%d rounds, model %s (%s engine)%n", windows, length, degrade, rounds, init,
          b.model().config().name());
      err.flush();
      modelName = b.model().config().name();
      res = DataEngine.of(labelers, cfg).run(data, b.model(), b.head(), progress);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("windows", windows);
    m.put("length", length);
    m.put("degradeLabelers", degrade);
    m.put("seed", seed);
    m.put("init", init);
    m.put("model", modelName);
    m.put("labelers", labelers.stream().map(Labeler::name).toList());
    m.putAll(JsonFields.of(res));
    Optional<Scorecard.Scores> baseline = res.rounds().get(0).labelQuality()
        .flatMap(LabelQuality::mergingOnlyBaseline);
    baseline.ifPresent(b -> m.put("mergingOnlyBaseline", b));
    m.put("seconds", Math.round((System.nanoTime() - t0) / 1e8) / 10.0);
    if (json) {
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(m));
    } else {
      for (RoundReport r : res.rounds()) {
        Scorecard.Headline x = r.labelFigures();
        out.printf(Locale.ROOT, "round %d: eventF1 %s  shapeTagAccuracy %s  numericScore %s  "
            + "kept %d changed %d flagged %d overridden %d%n", r.round(), x.eventF1(),
            x.shapeTagAccuracy(), x.numericScore(), r.kept(), r.changed(), r.flagged(),
            r.overridden());
      }
      baseline.ifPresent(b -> out.printf(Locale.ROOT, "round-0 labels under the model rounds' "
          + "merging rule, without the model: eventF1 %s  shapeTagAccuracy %s%n", b.eventF1(),
          b.shapeTagAccuracy()));
    }
    out.flush();
    return 0;
  }
}
