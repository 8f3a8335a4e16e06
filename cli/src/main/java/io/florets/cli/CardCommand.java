package io.florets.cli;

import io.florets.dataengine.eval.ModelCardEvaluation;
import io.florets.dataengine.train.Recipe;
import io.florets.datasets.synthetic.SyntheticConfig;
import io.florets.datasets.synthetic.SyntheticGenerator;
import io.florets.prompt.calibration.ModelFingerprint;
import io.florets.prompt.card.ModelCard;
import io.florets.prompt.card.ModelCardFormatException;
import io.florets.prompt.facade.Florets;
import io.florets.prompt.facade.bundle.BundleException;
import io.florets.prompt.facade.bundle.ModelBundle;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code florets card --model DIR --windows 1000 --seed 4242 [--json]}: measures the model card of
 * a model folder ({@link ModelCardEvaluation}: {@code eval synthetic} on fresh windows of a seed
 * that is not an evaluation seed), writes {@code DIR/card.json} and prints it. Without
 * {@code --windows} and {@code --seed} it prints the card the folder (or the shipped
 * {@code default} model) already has.
 */
@Command(name = "card", mixinStandardHelpOptions = true,
    description = {"Print a model's card: its figures beside the labelers' on the same synthetic "
        + "windows, the data it was trained on and what it was not trained on.",
        "With --windows or --seed, measure the card of a model folder on fresh synthetic windows "
        + "first and write DIR/card.json."})
public final class CardCommand implements Callable<Integer> {
  static final int DEFAULT_WINDOWS = 1000;
  static final long DEFAULT_SEED = 4242;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--model", defaultValue = "default", paramLabel = "DIR|default",
      description = "A model folder, or 'default' for the shipped model (printing only) "
          + "(default: ${DEFAULT-VALUE}).")
  String model;

  @Option(names = "--windows",
      description = "Measure on this many fresh synthetic windows (with --seed; default "
          + DEFAULT_WINDOWS + ").")
  Integer windows;

  @Option(names = "--seed",
      description = "Generator seed of the windows to measure on; not an evaluation seed (99, 123) "
          + "(with --windows; default " + DEFAULT_SEED + ").")
  Long seed;

  @Option(names = "--threads", defaultValue = "2",
      description = "Labelling threads (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--json", description = "Print the card as JSON (the content of card.json).")
  boolean json;

  @Override
  public Integer call() throws IOException, BundleException {
    PrintWriter out = spec.commandLine().getOut();
    if (windows == null && seed == null) {
      return printExisting(out);
    }
    Path dir = ModelOption.writableFolder(spec.commandLine(), model, "measured for its card");
    int w = windows == null ? DEFAULT_WINDOWS : windows;
    long s = seed == null ? DEFAULT_SEED : seed;
    if (w < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--windows must be at least 1, "
          + "got " + w);
    }
    if (CalibrateCommand.EVALUATION_SEEDS.contains(s)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--seed " + s
          + " is an evaluation seed of florets eval synthetic (99, 123); measure the card on "
          + "other windows");
    }
    if (threads < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1, "
          + "got " + threads);
    }
    ModelCard card = measure(dir, w, s);
    String sum = card.write(dir.resolve(ModelCard.FILE));
    if (json) {
      out.println(card.toJson());
    } else {
      CardText.print(out, dir.toString(), card);
      out.println("wrote " + dir.resolve(ModelCard.FILE) + " (sha256 " + sum + ")");
    }
    out.flush();
    return 0;
  }

  private ModelCard measure(Path dir, int w, long s) throws IOException, BundleException {
    PrintWriter err = spec.commandLine().getErr();
    ModelFingerprint fp = ModelBundle.fingerprint(dir);
    dropStaleCard(dir, fp, err);
    SyntheticConfig cfg = Recipe.defaultRecipe(1).data().toBuilder().count(w).seed(s).build();
    ModelCardEvaluation.Setup setup = new ModelCardEvaluation.Setup(
        SyntheticGenerator.generate(cfg), "synthetic generator v" + SyntheticGenerator.VERSION
        + " " + cfg, s, "florets card --model " + model + " --windows " + w + " --seed " + s,
        threads);
    long t0 = System.nanoTime();
    try (Florets f = ModelOption.open(dir.toString())) {
      return ModelCardEvaluation.measure(f, fp, setup, step -> {
        err.printf("card: step %d/6 done (%.0f s)%n", step, (System.nanoTime() - t0) / 1e9);
        err.flush();
      });
    }
  }

  /**
   * Removes a {@code card.json} that cannot be read for these weights (edited, or measured with
   * other weights), saying so: the folder would not load with it, and a new one replaces it.
   */
  private static void dropStaleCard(Path dir, ModelFingerprint fp, PrintWriter err)
      throws IOException {
    Path file = dir.resolve(ModelCard.FILE);
    if (!Files.exists(file)) {
      return;
    }
    try {
      ModelCard.read(file, fp);
    } catch (ModelCardFormatException e) {
      err.println("card: replacing an unusable card: " + e.getMessage());
      err.flush();
      Files.delete(file);
    }
  }

  /** Prints the card {@code --model} has; 1 (and a hint on stderr) when it has none. */
  private int printExisting(PrintWriter out) throws IOException, BundleException {
    Optional<ModelCard> card;
    if (model.equals("default")) {
      try (ModelBundle b = ModelOption.bundle(model)) {
        card = b.card();
      }
    } else {
      Path dir = Path.of(model);
      Path file = dir.resolve(ModelCard.FILE);
      card = Files.exists(file) ? Optional.of(ModelCard.read(file, ModelBundle.fingerprint(dir)))
          : Optional.empty();
    }
    if (card.isEmpty()) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("florets card: " + model + " has no model card (" + ModelCard.FILE + "); measure "
          + "one with: florets card --model DIR --windows " + DEFAULT_WINDOWS + " --seed "
          + DEFAULT_SEED);
      err.flush();
      return 1;
    }
    if (json) {
      out.println(card.get().toJson());
    } else {
      CardText.print(out, model, card.get());
    }
    out.flush();
    return 0;
  }
}
