package io.florets.cli;

import io.florets.engine.train.TrainingListener;
import io.florets.vision.data.Digits;
import io.florets.vision.data.VisionSources;
import io.florets.vision.model.VisionModel;
import io.florets.vision.model.VisionRecipe;
import io.florets.vision.model.VisionTraining;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code florets train-vision --recipe small --steps 3000 --out DIR}: trains the vision model on synthetic
 * scenes, training-split digits and digit canvases, and writes a model folder with provenance.
 */
@Command(name = "train-vision", mixinStandardHelpOptions = true,
    description = "Train a vision model (image tasks) and write a model folder with provenance.")
public final class TrainVisionCommand implements Callable<Integer> {
  @Option(names = "--recipe", defaultValue = "small", description = "small or tiny (default: ${DEFAULT-VALUE}).")
  String recipe;

  @Option(names = "--steps", defaultValue = "3000", description = "Optimisation steps (default: ${DEFAULT-VALUE}).")
  long steps;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Model folder to write.")
  Path out;

  @Option(names = "--digits", paramLabel = "FILE",
      description = "digits.csv.gz (default: images/digits.csv.gz of the shared data folder).")
  Path digits;

  @Option(names = "--metrics", paramLabel = "FILE", description = "JSON Lines metrics log.")
  Path metrics;

  @Option(names = "--save-every", defaultValue = "0", paramLabel = "STEPS",
      description = "Also write the model folder every STEPS steps (a snapshot; 0 = only at the end).")
  long saveEvery;

  @Option(names = "--threads", defaultValue = "1",
      description = "PyTorch intra-op threads (default: ${DEFAULT-VALUE}; one thread is much faster than"
          + " several on a machine whose cores are busy with other work).")
  int threads;

  @Option(names = "--batch", paramLabel = "ROWS", description = "Rows per step (default: the recipe's).")
  Integer batch;

  @Option(names = "--lr", paramLabel = "RATE", description = "Peak learning rate (default: the recipe's).")
  Double lr;

  @Option(names = "--scene-share", paramLabel = "P",
      description = "Probability that a row is a synthetic scene (default: the recipe's).")
  Double sceneShare;

  @Option(names = "--digit-share", paramLabel = "P",
      description = "Probability that a row is a digit for <CLASSIFY>; the rest are digit canvases"
          + " (default: the recipe's).")
  Double digitShare;

  @Option(names = "--task-weight", split = ",", paramLabel = "TASK=WEIGHT",
      description = "Weight of an image task when one of an image's training pairs is drawn, comma-separated (for"
          + " example IMAGE_CAPTION=3; the recipe gives OD 6 and every other task 1).")
  java.util.Map<String, Double> taskWeights;

  @Option(names = "--location-sigma", paramLabel = "BINS",
      description = "Train box coordinates against a Gaussian of this many location bins around the true one"
          + " (the 1,000 bins span the image; default: the recipe's, 0 = one-hot).")
  Double locationSigma;

  @Option(names = "--init", paramLabel = "default|DIR",
      description = "Continue training this vision model (the shipped one, or a model folder) instead of a fresh"
          + " one; its shape must be the recipe's. The optimiser starts afresh with the recipe's warm-up.")
  String init;

  @Option(names = "--digit-focus", paramLabel = "STEPS:P",
      description = "The first STEPS steps draw digits for <CLASSIFY> with probability P (default: none).")
  String digitFocus;

  @Override
  public Integer call() throws IOException {
    if (saveEvery < 0) {
      throw new IllegalArgumentException("--save-every must be >= 0, got " + saveEvery);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
    }
    // read by the PyTorch engine when it starts (it has not started yet in this process)
    System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
    System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    VisionRecipe r = VisionRecipe.preset(recipe, steps);
    if (batch != null) {
      r = r.withBatchSize(batch);
    }
    if (lr != null) {
      r = r.withLearningRate(lr);
    }
    if (sceneShare != null || digitShare != null) {
      r = r.withShares(sceneShare != null ? sceneShare : r.sceneShare(),
          digitShare != null ? digitShare : r.digitShare());
    }
    if (taskWeights != null) {
      r = r.withTaskWeights(taskWeights);
    }
    if (locationSigma != null) {
      r = r.withLocationSigma(locationSigma);
    }
    if (digitFocus != null) {
      String[] f = digitFocus.split(":");
      if (f.length != 2) {
        throw new IllegalArgumentException("--digit-focus must be STEPS:P, e.g. 600:0.85, got " + digitFocus);
      }
      try {
        r = r.withDigitFocus(Long.parseLong(f[0].trim()), Double.parseDouble(f[1].trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--digit-focus must be STEPS:P, e.g. 600:0.85, got " + digitFocus, e);
      }
    }
    Digits d = Digits.read(digits != null ? digits : VisionSources.digitsFile());
    VisionModel start = null;
    String startFrom = null;
    if (init != null) {
      if ("default".equals(init)) {
        start = VisionModel.defaultModel();
        startFrom = "the shipped default vision model";
      } else {
        Path dir = Path.of(init);
        start = VisionModel.load(dir);
        startFrom = dir.toAbsolutePath().toString();
      }
      System.out.printf(Locale.ROOT, "continuing %s%n", startFrom);
    }
    VisionTraining.Result res;
    try (ConsoleProgress bar = ConsoleProgress.start("train-vision", r.steps())) {
      res = VisionTraining.train(r, start, startFrom, d, new TrainingListener() {
        @Override
        public void onStep(StepMetrics m) {
          bar.extra(String.format(Locale.ROOT, "loss %.3f", m.loss()));
          bar.stepTo(m.step());
        }
      }, metrics, saveEvery > 0 ? out : null, saveEvery);
    }
    try {
      res.save(out);
      System.out.printf(Locale.ROOT, "trained %s: %d steps in %.0f s, last loss %.4f, %d parameters -> %s%n",
          r.name(), res.result().steps(), res.result().seconds(), res.result().lastLoss(),
          res.model().engine().parameterCount(), out);
    } finally {
      res.model().close();
    }
    return 0;
  }
}
