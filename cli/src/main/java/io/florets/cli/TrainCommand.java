package io.florets.cli;

import java.io.IOException;
import io.florets.engine.train.TrainingListener;
import io.florets.prompt.facade.bundle.BundleProvenance;
import io.florets.prompt.facade.bundle.ModelBundle;
import io.florets.prompt.facade.train.Recipe;
import io.florets.prompt.facade.train.TrainOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code florets train --recipe default --out DIR}: trains a model and writes a model folder with
 * provenance (the command line included).
 */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Train a model and write a model folder (engine checkpoint, vocabulary, provenance).")
public final class TrainCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--recipe", defaultValue = "default",
      description = "Training recipe on synthetic data: default or tiny (default: ${DEFAULT-VALUE}).")
  String recipe;

  @Option(names = "--out", required = true, description = "Model folder to write.")
  Path out;

  @Option(names = "--steps", defaultValue = "3000",
      description = "Optimisation steps (default: ${DEFAULT-VALUE}).")
  long steps;

  @Option(names = "--windows", description = "Override the number of synthetic training windows.")
  Integer windows;

  @Option(names = "--batch", description = "Override the batch size.")
  Integer batch;

  @Option(names = "--lr", description = "Override the peak learning rate.")
  Double learningRate;

  @Option(names = "--seed", description = "Override the seed (data and training).")
  Long seed;

  @Option(names = "--metrics", description = "Write per-step metrics as JSON Lines to this file.")
  Path metrics;

  @Option(names = "--save-every", defaultValue = "0", paramLabel = "STEPS",
      description = "Also write the model folder every STEPS steps (a snapshot of a run in "
      + "progress; 0 = only at the end).")
  long saveEvery;

  @Option(names = "--engine", description = "Override the recipe's engine shape: tiny, compact, "
      + "small or base.")
  String engine;

  @Option(names = "--threads", defaultValue = "1",
      description = "PyTorch intra-op threads (default: ${DEFAULT-VALUE}; on a busy two-core "
      + "machine 1 is usually fastest).")
  int threads;

  @Override
  public Integer call() throws IOException, io.florets.prompt.facade.bundle.BundleException {
    PrintWriter o = spec.commandLine().getOut();
    io.florets.engine.GradMode.setIntraOpThreads(threads);
    Recipe r = Recipe.named(recipe, steps);
    if (engine != null) {
      r = r.withEngine(Recipe.engine(engine));
    }
    TrainOptions opt = r.options();
    if (batch != null) {
      opt = opt.withBatchSize(batch);
    }
    if (learningRate != null) {
      opt = opt.withLearningRate(learningRate);
    }
    if (seed != null) {
      opt = opt.withSeed(seed);
      r = r.withData(r.data().toBuilder().seed(seed).build());
    }
    if (metrics != null) {
      opt = opt.withMetricsLog(metrics);
    }
    if (windows != null) {
      r = r.withData(r.data().toBuilder().count(windows).build());
    }
    r = r.withOptions(opt);
    String command = "florets " + String.join(" ", spec.commandLine().getParseResult()
        .originalArgs());
    o.printf(Locale.ROOT, "training recipe '%s': %s engine, %d windows of %d samples, %d steps, "
        + "batch %d%n", r.name(), r.engine().name(), r.data().count(), r.data().length(),
        opt.steps(), opt.batchSize());
    o.flush();
    long t0 = System.nanoTime();
    long every = Math.max(1, steps / 50);
    TrainingListener progress = new TrainingListener() {
      @Override
      public void onStep(StepMetrics m) {
        if (m.step() % every == 0 || m.step() == m.totalSteps()) {
          double s = (System.nanoTime() - t0) / 1e9;
          o.printf(Locale.ROOT, "step %d/%d loss %.4f lr %.2e  %.0f s elapsed, ~%.0f s left%n",
              m.step(), m.totalSteps(), m.loss(), m.learningRate(), s,
              s / m.step() * (m.totalSteps() - m.step()));
          o.flush();
        }
      }
    };
    java.util.function.Consumer<ModelBundle> snapshot = s -> {
      try {
        s.save(out);
        o.printf(Locale.ROOT, "snapshot at step %d written to %s%n", s.provenance().steps(), out);
        o.flush();
      } catch (io.florets.prompt.facade.bundle.BundleException e) {
        throw new java.io.UncheckedIOException(new IOException("cannot write snapshot to " + out, e));
      }
    };
    if (saveEvery < 0) {
      throw new IllegalArgumentException("--save-every must be >= 0, got " + saveEvery);
    }
    try (ModelBundle b = r.train(command, progress, saveEvery, snapshot)) {
      b.save(out);
      BundleProvenance p = b.provenance();
      o.printf(Locale.ROOT, "wrote %s: %d parameters, %d steps in %.0f s, final loss %.4f, "
          + "data %s%n", out, b.model().parameterCount(), p.steps(), p.trainSeconds(),
          p.finalLoss(), p.dataHash().substring(0, 12));
    }
    o.flush();
    return 0;
  }
}
