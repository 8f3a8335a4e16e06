package io.florets.cli;

import java.io.IOException;
import io.florets.engine.train.TrainingListener;
import io.florets.prompt.facade.bundle.BundleProvenance;
import io.florets.prompt.facade.bundle.ModelBundle;
import io.florets.engine.series.SeriesFrontEndConfig;
import io.florets.dataengine.train.MultitaskData;
import io.florets.dataengine.train.Recipe;
import io.florets.dataengine.train.TrainOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code florets train --recipe default --out DIR}: trains a model on synthetic data and writes a
 * model folder with provenance (the command line included). With {@code --data FILE --window L}
 * it adapts a model to the user's series instead ({@link DataTraining}): the data engine labels
 * the windows (labelers plus the user's partial class labels) and trains a copy of the initial
 * model, whose {@code <CLASSIFY>} then answers with the user's class names.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = {"Train a model and write a model folder (engine checkpoint, vocabulary, "
        + "provenance).",
        "Recipe mode (default): --recipe default|tiny trains on synthetic data.",
        "Data mode: --data FILE --window L [--stride S] [--classes COLUMN|from-file] "
        + "[--init default|none|DIR] adapts a model to your series with the data engine."})
public final class TrainCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--recipe", defaultValue = "default",
      description = "Training recipe on synthetic data: default or tiny (default: ${DEFAULT-VALUE}).")
  String recipe;

  @Option(names = "--out", required = true, description = "Model folder to write.")
  Path out;

  @Option(names = "--steps",
      description = "Optimisation steps (default: 3000 in recipe mode; in data mode the steps "
          + "before round 1, default " + DataTraining.DEFAULT_STEPS + ").")
  Long steps;

  @Option(names = "--windows", description = "Override the number of synthetic training windows.")
  Integer windows;

  @Option(names = "--batch", description = "Override the batch size (data mode: default "
      + DataTraining.DEFAULT_BATCH + ").")
  Integer batch;

  @Option(names = "--lr", description = "Override the peak learning rate (data mode: default "
      + DataTraining.CLASSIFY_LR + " with class labels, " + DataTraining.DEFAULT_LR + " without).")
  Double learningRate;

  @Option(names = "--seed", description = "Override the seed (data and training; data mode: "
      + "default 0).")
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

  @Option(names = "--front-end", split = ",", paramLabel = "LEVER",
      description = "Recipe mode: front-end levers for recipe studies, comma-separated: "
      + "no-pointer, no-stats, dense (a dense per-sample event head; needs the pointer), no-dense, "
      + "patch8, patch32, patch-mlp, no-patch-mlp (a residual perceptron over each patch's values, "
      + "mask and absolute differences), type-scores, no-type-scores (event-type logits read from "
      + "the pointer's per-sample keys), stuck, no-stuck (flags of samples that repeat their "
      + "predecessor exactly or lie in a run of 5 identical values), number-copy, no-number-copy "
      + "(numbers may be copied from statistics computed exactly from the window), copy-signs, "
      + "no-copy-signs (the copy also scores a number's sign and zero tokens), noise-scores, "
      + "no-noise-scores (local differences in units of the window's noise), cycle, no-cycle "
      + "(per channel: a two-piece trend fit and the harmonics and kurtosis of the series folded "
      + "at its period, in the statistics token), structural, no-structural (per channel: trend "
      + "pieces, level steps and the season's waveform fitted together, in the statistics token), "
      + "slope-scores, no-slope-scores (per sample, in the pointer's keys: the change of slope "
      + "between the 8, 16 and 32 samples after and before it, in units of its standard error), "
      + "waveform, no-waveform (per channel: log-likelihood ratios between a sine, a square and a "
      + "triangle season, in the statistics token) (default: the recipe's front end).")
  List<String> frontEndLevers;

  @Option(names = "--task-weight", split = ",", paramLabel = "TASK=FACTOR",
      description = "Recipe mode: a factor on a task's share of training steps, comma-separated "
      + "(for example EVENTS=2,PROPERTIES=1.5; tasks not named keep the recipe's share).")
  Map<String, Double> taskWeights;

  @Option(names = "--objective", split = ",", paramLabel = "NAME=WEIGHT",
      description = "Recipe mode: further training signals with their weights, comma-separated: "
          + "jepa (predict the latents a slowly updated copy of the encoder gives for hidden "
          + "patches), facet (windows that share a shape facet's value embed close together "
          + "under <EMBED> and the facet's token). Example: jepa=0.5")
  Map<String, Double> objectives;

  @Option(names = "--threads", defaultValue = "1",
      description = "PyTorch intra-op threads (default: ${DEFAULT-VALUE}; on a busy two-core "
      + "machine 1 is usually fastest).")
  int threads;

  @Option(names = "--data", description = "Data mode: the series file to adapt to (.ts, .arff, "
      + ".tsv, .txt, .csv or an Arrow series file).")
  Path data;

  @Option(names = "--window", description = "Data mode: window length in samples (required with "
      + "--data; a series shorter than the window is an error).")
  Integer window;

  @Option(names = "--stride", description = "Data mode: distance between window starts "
      + "(default: the window length).")
  Integer stride;

  @Option(names = "--classes", description = "Data mode: where the class labels come from: "
      + "'from-file' (the class of each series in a .ts/.arff/UCR file) or the name of a CSV "
      + "column (per window its most frequent non-empty value). Default: no class labels.")
  String classes;

  @Option(names = "--init", defaultValue = "default", description = "Data mode: the starting "
      + "model: default (the shipped model), none (a fresh model of the default model's shape, "
      + "with the token norm of new models) or a model folder (default: ${DEFAULT-VALUE}). "
      + "Recipe mode: continue from default or a model folder with the recipe's vocabulary "
      + "(parameters of the same name and shape are copied, new front-end parts start fresh; "
      + "default: a fresh model).")
  String init;

  @Option(names = "--rounds", defaultValue = "2", description = "Data mode: data-engine rounds, "
      + "round 0 (labelers and consensus) included (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--round-steps", description = "Data mode: warm-start steps before each later "
      + "round and after the last (default: half of --steps).")
  Long roundSteps;

  @Option(names = "--classify-weight", description = "Data mode: factor on the <CLASSIFY> task's "
      + "share of training steps when class labels are given (default: "
      + "30, about 70%% of the steps).")
  Double classifyWeight;

  @CommandLine.Mixin
  AdaptationOptions adaptation;

  @Option(names = "--json", description = "Data mode: print the summary as one JSON object: the "
      + "data (out, data, dataSha256, series, window, stride, windows, labelledWindows, classes, "
      + "classSource), the model (init, parameters, steps), heldOutLabelled and "
      + "heldOutClassAccuracy (on held-out labelled windows, the last model not trained on them: the "
      + "final model, or with --refit-all the last round's; with a class readout, it is fitted without them, "
      + "the one factor on the decoder's class logits fitted on them), and "
      + "rounds: per data-engine round the targets kept, dropped, changed, flagged and "
      + "overridden, and from round 1 trainingSteps, finalLoss and modelQuality (classAccuracy "
      + "of classHeldOut windows; shapeTagAccuracy, eventF1, numericScore against the targets, "
      + "0 to 1). A figure that cannot be measured is left out, not null.")
  boolean json;

  @Override
  public Integer call() throws IOException, io.florets.prompt.facade.bundle.BundleException {
    if (data != null) {
      if (given("--objective")) {
        throw new IllegalArgumentException("--objective belongs to recipe mode: leave out --data");
      }
      return new DataTraining(this).run();
    }
    checkRecipeMode();
    PrintWriter o = spec.commandLine().getOut();
    io.florets.engine.GradMode.setIntraOpThreads(threads);
    long steps = this.steps == null ? 3000 : this.steps;
    Recipe r = Recipe.named(recipe, steps);
    if (engine != null) {
      r = r.withEngine(Recipe.engine(engine));
    }
    if (frontEndLevers != null) {
      r = r.withFrontEnd(frontEndLevers(r.frontEnd(), frontEndLevers));
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
    if (taskWeights != null) {
      List<String> known = io.florets.prompt.task.Tasks.of(io.florets.prompt.task.Modality.SERIES)
          .stream().map(io.florets.prompt.task.Task::name).toList();
      for (Map.Entry<String, Double> e : taskWeights.entrySet()) {
        if (!known.contains(e.getKey())) {
          throw new IllegalArgumentException("--task-weight: unknown task '" + e.getKey()
              + "', expected one of " + known);
        }
        if (!(e.getValue() > 0) || Double.isInfinite(e.getValue())) {
          throw new IllegalArgumentException("--task-weight " + e.getKey() + "=" + e.getValue()
              + ": the factor must be a positive number");
        }
      }
      opt = opt.withTaskWeights(new java.util.TreeMap<>(taskWeights));
    }
    if (objectives != null) {
      for (Map.Entry<String, Double> e : objectives.entrySet()) {
        if (!e.getKey().equals(TrainOptions.JEPA) && !e.getKey().equals(TrainOptions.FACET)) {
          throw new IllegalArgumentException("--objective: unknown objective '" + e.getKey()
              + "', expected " + TrainOptions.JEPA + " or " + TrainOptions.FACET);
        }
        if (!(e.getValue() > 0) || Double.isInfinite(e.getValue())) {
          throw new IllegalArgumentException("--objective " + e.getKey() + "=" + e.getValue()
              + ": the weight must be a positive number");
        }
      }
      opt = opt.withObjectives(new java.util.TreeMap<>(objectives));
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
    TrainOptions opt0 = opt;
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

      @Override
      public void onObjectives(long step, Map<String, Double> losses) {
        if (step % every == 0 || step == opt0.steps()) {
          StringBuilder b = new StringBuilder("  objectives at step " + step + ":");
          new java.util.TreeMap<>(losses).forEach((k, v) ->
              b.append(String.format(Locale.ROOT, " %s %.4f", k, v)));
          o.println(b);
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
    ModelBundle start = null;
    if (given("--init")) {
      if ("none".equals(init)) {
        throw new IllegalArgumentException("--init none: recipe mode starts fresh without --init; "
            + "give default or a model folder to continue from");
      }
      start = "default".equals(init)
          ? ModelBundle.loadResource(io.florets.prompt.facade.Florets.DEFAULT_MODEL,
              io.florets.prompt.facade.Florets.class.getClassLoader())
          : ModelBundle.load(java.nio.file.Path.of(init));
      o.printf(Locale.ROOT, "starting from %s (%d steps: %s)%n", init, start.provenance().steps(),
          start.provenance().command());
    }
    try (ModelBundle b = r.train(command, progress, saveEvery, snapshot, start)) {
      b.save(out);
      BundleProvenance p = b.provenance();
      o.printf(Locale.ROOT, "wrote %s: %d parameters, %d steps in %.0f s, final loss %.4f, "
          + "data %s%n", out, b.model().parameterCount(), p.steps(), p.trainSeconds(),
          p.finalLoss(), p.dataHash().substring(0, 12));
      if (start != null) {
        o.printf(Locale.ROOT, "parameters not in the starting model (trained from fresh): %s%n",
            p.details().getOrDefault("initialisedFreshParameters", "none"));
      }
    } finally {
      if (start != null) {
        start.close();
      }
    }
    o.flush();
    return 0;
  }

  /** The data-mode options are refused without --data, so that a typo does not go unnoticed. */
  private void checkRecipeMode() {
    for (String n : new String[] {"--window", "--stride", "--classes", "--rounds",
        "--round-steps", "--classify-weight", "--transfer-set", "--conv-features", "--json",
        TimeOrderOption.NAME}) {
      if (given(n)) {
        throw new IllegalArgumentException(n + " belongs to data mode: give --data FILE too");
      }
    }
  }

  /** True if option {@code name} was given on the command line. */
  boolean given(String name) {
    return spec.commandLine().getParseResult().hasMatchedOption(name);
  }

  /** The command line as typed (for provenance). */
  String commandLine() {
    return "florets " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
  }

  private static SeriesFrontEndConfig frontEndLevers(SeriesFrontEndConfig f, List<String> levers) {
    for (String l : levers) {
      switch (l.trim().toLowerCase(Locale.ROOT)) {
        case "no-pointer":
          f = f.withPointer(0, 0);
          break;
        case "no-stats":
          f = f.withStats(false);
          break;
        case "no-dense":
          f = f.withDenseClasses(0);
          break;
        case "dense":
          f = f.withDenseClasses(MultitaskData.DENSE_CLASSES);
          break;
        case "patch8":
          f = f.withPatch(8);
          break;
        case "patch32":
          f = f.withPatch(32);
          break;
        case "patch-mlp":
          f = f.withPatchMlp(true);
          break;
        case "no-patch-mlp":
          f = f.withPatchMlp(false);
          break;
        case "type-scores":
          int[] types = Recipe.eventTypeIds();
          f = f.withTypeScores(types[0], types[1]);
          break;
        case "no-type-scores":
          f = f.withTypeScores(0, 0);
          break;
        case "stuck":
          f = f.withStuck(true);
          break;
        case "no-stuck":
          f = f.withStuck(false);
          break;
        case "number-copy":
          f = f.withNumberCopy(true);
          break;
        case "no-number-copy":
          f = f.withNumberCopy(false);
          break;
        case "copy-signs":
          f = f.withCopySigns(true);
          break;
        case "no-copy-signs":
          f = f.withCopySigns(false);
          break;
        case "noise-scores":
          f = f.withNoiseScores(true);
          break;
        case "no-noise-scores":
          f = f.withNoiseScores(false);
          break;
        case "cycle":
          f = f.withCycleFeatures(true);
          break;
        case "no-cycle":
          f = f.withCycleFeatures(false);
          break;
        case "structural":
          f = f.withStructuralFeatures(true);
          break;
        case "no-structural":
          f = f.withStructuralFeatures(false);
          break;
        case "slope-scores":
          f = f.withSlopeScores(true);
          break;
        case "no-slope-scores":
          f = f.withSlopeScores(false);
          break;
        case "waveform":
          f = f.withWaveformEvidence(true);
          break;
        case "no-waveform":
          f = f.withWaveformEvidence(false);
          break;
        default:
          throw new CommandLine.ParameterException(new CommandLine(new TrainCommand()),
              "--front-end: unknown lever '" + l + "', expected no-pointer, no-stats, dense, "
              + "no-dense, patch8, patch32, patch-mlp, no-patch-mlp, type-scores, no-type-scores, "
              + "stuck, no-stuck, number-copy, no-number-copy, copy-signs, no-copy-signs, "
              + "noise-scores, no-noise-scores, cycle, no-cycle, structural, no-structural, "
              + "slope-scores, no-slope-scores, waveform or no-waveform");
      }
    }
    return f;
  }
}
