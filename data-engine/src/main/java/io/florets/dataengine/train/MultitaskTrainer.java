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
import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.ShapeFacet;
import io.florets.datasets.target.ShapeTag;
import io.florets.datasets.target.Target;
import io.florets.engine.train.FacetContrastiveLoss;
import io.florets.engine.train.JepaLoss;
import io.florets.engine.train.WeightedLosses;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

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
        .auxiliaryWeight(options.objectives().isEmpty() ? options.auxiliaryWeight() : 1.0)
        .validateEvery(0)
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
    JepaLoss jepa = null;
    WeightedLosses<Window> combined = null;
    ContrastiveEmbedLoss contrastive = options.auxiliaryWeight() > 0
        ? new ContrastiveEmbedLoss(head.promptTokens(Tasks.EMBED.prompt()),
            options.contrastiveRows(), 0.1f, options.seed()) : null;
    if (options.objectives().isEmpty()) {
      if (contrastive != null) {
        tb.auxiliaryLoss(contrastive);
      }
    } else {
      List<WeightedLosses.Term<Window>> terms = new ArrayList<>();
      if (contrastive != null) {
        terms.add(new WeightedLosses.Term<>("contrastive", contrastive, options.auxiliaryWeight()));
      }
      Double jw = options.objectives().get(TrainOptions.JEPA);
      if (jw != null) {
        jepa = new JepaLoss(model, head.promptTokens(Tasks.EMBED.prompt()), JEPA_ROWS,
            JEPA_MASK_RATIO, JEPA_BLOCKS, JEPA_MOMENTUM, options.seed(), config);
        terms.add(new WeightedLosses.Term<>(TrainOptions.JEPA, jepa, jw));
      }
      Double fw = options.objectives().get(TrainOptions.FACET);
      if (fw != null) {
        terms.add(new WeightedLosses.Term<>(TrainOptions.FACET, facetLoss(head, data,
            options.sources()), fw));
      }
      combined = new WeightedLosses<>(terms);
      tb.auxiliaryLoss(combined);
    }
    long tail = Math.max(1, options.steps() / 10);
    double tailSum = 0;
    long t0 = System.nanoTime();
    double last = Double.NaN;
    try (Trainer<Window> trainer = tb.build()) {
      while (trainer.stepsDone() < options.steps()) {
        last = trainer.step();
        if (combined != null) {
          listener.onObjectives(trainer.stepsDone(), combined.lastLosses());
        }
        if (trainer.stepsDone() > options.steps() - tail) {
          tailSum += last;
        }
      }
    } finally {
      if (jepa != null) {
        jepa.close();
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    return new TrainSummary(options.steps(), last, tailSum / tail, seconds, examples.hash(),
        examples.windows(), examples.examplesPerTask(), config.toString()
            + (options.objectives().isEmpty() ? "" : " objectives " + new TreeMap<>(
                options.objectives())));
  }

  /** Windows per step of the JEPA objective. */
  static final int JEPA_ROWS = 8;
  /** Share of a window's patches the JEPA objective hides (I-JEPA hides about as much). */
  static final double JEPA_MASK_RATIO = 0.4;
  /** Blocks the hidden patches come in. */
  static final int JEPA_BLOCKS = 2;
  /** Momentum of the JEPA target encoder's moving average (I-JEPA starts at 0.996). */
  static final double JEPA_MOMENTUM = 0.996;
  /** Windows per step of the facet contrastive objective. */
  static final int FACET_ROWS = 12;

  /**
   * The facet contrastive objective over the shape facets: windows are embedded under
   * {@code <EMBED>} followed by the facet's token, and their values of the facet come from the
   * dataset's shape tags of the given sources (the whole window's, or a one-channel window's
   * channel 0).
   */
  static FacetContrastiveLoss facetLoss(PromptHead head, DenseDataset data, Set<String> sources) {
    ShapeFacet[] facets = ShapeFacet.values();
    int[] embed = head.promptTokens(Tasks.EMBED.prompt());
    List<int[]> prompts = new ArrayList<>();
    for (ShapeFacet f : facets) {
      int[] p = Arrays.copyOf(embed, embed.length + 1);
      p[embed.length] = head.vocabulary().id(f.token());
      prompts.add(p);
    }
    Map<Window, int[]> labels = new IdentityHashMap<>();
    for (DenseDataset.Entry e : data.entries()) {
      int[] l = new int[facets.length];
      Arrays.fill(l, -1);
      boolean any = false;
      for (Annotation a : e.annotations()) {
        if ((sources.isEmpty() || sources.contains(a.source()))
            && a.target() instanceof ShapeTag t
            && (t.channel() == Target.WHOLE_WINDOW
                || (t.channel() == 0 && e.window().channels() == 1))) {
          l[t.facet().ordinal()] = t.facet().allowed().indexOf(t.value());
          any = true;
        }
      }
      if (any) {
        labels.put(e.window(), l);
      }
    }
    if (labels.isEmpty()) {
      throw new IllegalArgumentException("the facet contrastive objective needs shape tags, and "
          + "none of the " + data.size() + " windows has one"
          + (sources.isEmpty() ? "" : " from the sources " + sources));
    }
    return new FacetContrastiveLoss(prompts, labels::get, FACET_ROWS, 0.1f);
  }

}
