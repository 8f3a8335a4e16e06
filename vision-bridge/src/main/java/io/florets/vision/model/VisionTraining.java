package io.florets.vision.model;

import io.florets.engine.checkpoint.Provenance;
import io.florets.engine.train.TrainConfig;
import io.florets.prompt.vocab.Quantizer;
import io.florets.engine.train.Trainer;
import io.florets.engine.train.TrainingListener;
import io.florets.engine.train.TrainingResult;
import io.florets.vision.data.Digits;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a vision model by a {@link VisionRecipe} with the engine's trainer on
 * {@link VisionBatchSource} batches, and saves the model folder with provenance (data description,
 * seed, steps, train settings and recipe, versions, commit).
 */
public final class VisionTraining {
  private static final Logger LOG = LoggerFactory.getLogger(VisionTraining.class);

  private VisionTraining() {
  }

  /**
   * Trains a fresh model.
   *
   * @param recipe what to build and how long to train
   * @param digits the digits data (its training split is used)
   * @param listener progress callbacks (e.g. a progress bar), or {@code null}
   * @param metricsLog a JSON Lines metrics file, or {@code null}
   * @return the trained model (caller closes it) and the run's outcome
   */
  public static Result train(VisionRecipe recipe, Digits digits, TrainingListener listener, Path metricsLog) {
    try {
      return train(recipe, digits, listener, metricsLog, null, 0);
    } catch (IOException e) {
      throw new IllegalStateException("no snapshot was asked for, yet saving failed: " + e.getMessage(), e);
    }
  }

  /**
   * Trains a fresh model, saving a snapshot of the model folder every {@code snapshotEvery} steps (so a
   * long run that must be cut short still leaves a model; its provenance records the steps done and the
   * planned schedule).
   *
   * @param snapshotDir folder the snapshots are written to (replaced each time), or {@code null}
   * @param snapshotEvery steps between snapshots; 0 = none
   * @throws IOException if a snapshot cannot be written
   */
  public static Result train(VisionRecipe recipe, Digits digits, TrainingListener listener, Path metricsLog,
      Path snapshotDir, long snapshotEvery) throws IOException {
    return train(recipe, null, null, digits, listener, metricsLog, snapshotDir, snapshotEvery);
  }

  /**
   * Trains {@code init} further by {@code recipe} (fresh optimiser state, the recipe's warm-up and
   * schedule), or a fresh model when {@code init} is {@code null}. The result's model shares
   * {@code init}'s weights: close one of the two.
   *
   * @param init a model to continue (its shape must be the recipe's), or {@code null}
   * @param initFrom what {@code init} is (recorded in the provenance, e.g. its folder and steps), or
   *     {@code null}
   * @throws IllegalArgumentException if {@code init}'s front end or engine shape is not the recipe's
   * @throws IOException if a snapshot cannot be written
   */
  public static Result train(VisionRecipe recipe, VisionModel init, String initFrom, Digits digits,
      TrainingListener listener, Path metricsLog, Path snapshotDir, long snapshotEvery) throws IOException {
    if (snapshotEvery < 0 || (snapshotEvery > 0 && snapshotDir == null)) {
      throw new IllegalArgumentException("snapshots need a folder and snapshotEvery >= 1, got " + snapshotDir
          + ", " + snapshotEvery);
    }
    Objects.requireNonNull(recipe, "recipe");
    VisionModel model = init == null ? VisionModel.create(recipe) : init.withRecipe(recipe);
    VisionBatchSource source = new VisionBatchSource(recipe, model.vocabulary(), digits);
    TrainConfig.Builder cb = TrainConfig.builder(recipe.steps()).learningRate(recipe.learningRate())
        .seed(recipe.seed()).validateEvery(0).labelSmoothing(0.05).logEvery(100);
    if (metricsLog != null) {
      cb.metricsLog(metricsLog);
    }
    if (recipe.locationSigma() > 0) {
      cb.softOrdinalTargets(model.vocabulary().locId(0), Quantizer.BINS, recipe.locationSigma());
    }
    TrainConfig config = cb.build();
    String startedFrom = init == null ? "" : " init=" + (initFrom == null ? "a given model" : initFrom);
    Trainer.Builder<io.florets.vision.image.RasterImage> tb = Trainer.builder(model.engine(), config, source);
    if (listener != null) {
      tb.listener(listener);
    }
    try (Trainer<io.florets.vision.image.RasterImage> trainer = tb.build()) {
      LOG.info("training vision recipe {} ({} parameters) for {} steps", recipe.name(),
          model.engine().parameterCount(), recipe.steps());
      TrainingResult r;
      long started = System.nanoTime();
      if (snapshotEvery > 0) {
        do {
          r = trainer.fitUntil(Math.min(recipe.steps(), trainer.stepsDone() + snapshotEvery));
          model.save(snapshotDir, Provenance.of(source.dataHash(), recipe.seed(), r.steps(),
              config + " recipe=" + recipe.toJson() + startedFrom));
          LOG.info("snapshot at step {} (loss {}) saved to {}", r.steps(), r.lastLoss(), snapshotDir);
        } while (trainer.stepsDone() < recipe.steps());
      } else {
        r = trainer.fit();
      }
      // each fitUntil call times only itself: the run's time is the wall time of all of them (and snapshots)
      r = new TrainingResult(r.steps(), r.lastLoss(), r.validationLoss(), r.validationTokenAccuracy(),
          r.stoppedEarly(), (System.nanoTime() - started) / 1e9);
      Provenance p = Provenance.of(source.dataHash(), recipe.seed(), r.steps(),
          config + " recipe=" + recipe.toJson() + startedFrom);
      return new Result(model, r, p);
    } catch (IOException | RuntimeException e) {
      if (init == null) {
        model.close();
      }
      throw e;
    }
  }

  /**
   * A finished run.
   *
   * @param model the trained model
   * @param result steps, last loss, and seconds: wall time of the whole run, snapshots included
   * @param provenance what to save with it
   */
  public record Result(VisionModel model, TrainingResult result, Provenance provenance) {
    /** Saves the model folder. */
    public void save(Path dir) throws IOException {
      model.save(dir, provenance);
    }
  }
}
