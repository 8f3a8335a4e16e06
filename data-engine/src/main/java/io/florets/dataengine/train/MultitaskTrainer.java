package io.florets.dataengine.train;

import io.florets.datasets.DenseDataset;
import io.florets.datasets.Window;
import io.florets.engine.EngineModel;
import io.florets.engine.train.BatchSource;
import io.florets.engine.train.ContrastiveEmbedLoss;
import io.florets.engine.train.TrainConfig;
import io.florets.engine.train.Trainer;
import io.florets.engine.train.TrainingBatch;
import io.florets.engine.train.TrainingListener;
import io.florets.prompt.PromptHead;
import io.florets.prompt.task.Tasks;
import java.util.Objects;

/**
 * Trains an {@link EngineModel} on the multitask examples of a {@link DenseDataset}: every step a
 * batch of (window, task prompt, serialized answer) drawn across all time-series tasks
 * ({@link MultitaskData}), label-smoothed token loss plus the contrastive {@code <EMBED>} loss
 * ({@link ContrastiveEmbedLoss}). Warm start: pass a model that is already trained (e.g.
 * {@code ModelBundle.model()}); its weights are the starting point and are updated in place.
 *
 * <p>Not thread-safe: do not ask the model while it trains.
 */
public final class MultitaskTrainer {
  private MultitaskTrainer() {
  }

  /** {@link #train(EngineModel, PromptHead, DenseDataset, TrainOptions, TrainingListener)} without a listener. */
  public static TrainSummary train(EngineModel<Window> model, PromptHead head, DenseDataset data,
      TrainOptions options) {
    return train(model, head, data, options, new TrainingListener() { });
  }

  /**
   * Trains {@code model} in place.
   *
   * @param model the model (fresh or warm)
   * @param head the output contract; its vocabulary must be the model's
   * @param data windows with targets (after consensus, human labels or truth)
   * @param options run settings
   * @param listener per-step progress
   * @return what the run did
   * @throws IllegalArgumentException if the vocabularies differ or no example can be built
   */
  public static TrainSummary train(EngineModel<Window> model, PromptHead head, DenseDataset data,
      TrainOptions options, TrainingListener listener) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(options, "options");
    if (!model.vocab().hash().equals(head.vocabulary().hash())) {
      throw new IllegalArgumentException("model vocabulary " + model.vocab().hash()
          + " differs from the prompt head's " + head.vocabulary().hash());
    }
    MultitaskData examples = MultitaskData.build(data, head, model.frontEnd(), model.config(),
        options.sources());
    TrainConfig.Builder cb = TrainConfig.builder(options.steps())
        .learningRate(options.learningRate()).seed(options.seed())
        .auxiliaryWeight(options.auxiliaryWeight()).validateEvery(0)
        .logEvery(Math.max(1, options.steps() / 20));
    options.metricsLogFile().ifPresent(cb::metricsLog);
    TrainConfig config = cb.build();
    BatchSource<Window> source = new BatchSource<>() {
      @Override
      public TrainingBatch<Window> batch(long step) {
        return examples.sample(options.seed(), step, options.batchSize(),
            options.taskWeights());
      }

      @Override
      public String dataHash() {
        return examples.hash();
      }
    };
    Trainer.Builder<Window> tb = Trainer.builder(model, config, source).listener(listener);
    if (options.auxiliaryWeight() > 0) {
      tb.auxiliaryLoss(new ContrastiveEmbedLoss(head.promptTokens(Tasks.EMBED.prompt()),
          options.contrastiveRows(), 0.1f, options.seed()));
    }
    long tail = Math.max(1, options.steps() / 10);
    double tailSum = 0;
    long t0 = System.nanoTime();
    double last = Double.NaN;
    try (Trainer<Window> trainer = tb.build()) {
      while (trainer.stepsDone() < options.steps()) {
        last = trainer.step();
        if (trainer.stepsDone() > options.steps() - tail) {
          tailSum += last;
        }
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    return new TrainSummary(options.steps(), last, tailSum / tail, seconds, examples.hash(),
        examples.windows(), examples.examplesPerTask(), config.toString());
  }

}
