package io.florets.dataengine.train;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Settings of a multitask training run ({@link MultitaskTrainer}). Immutable; build from
 * {@link #defaults(long)} and the {@code with...} copies.
 *
 * @param steps optimisation steps (&ge; 1)
 * @param batchSize examples per step (&ge; 1)
 * @param learningRate peak learning rate (&gt; 0), warm-up then cosine decay
 * @param seed seed of the batch sampling, dropout and augmentations
 * @param auxiliaryWeight weight of the contrastive {@code <EMBED>} loss (0 = off)
 * @param contrastiveRows windows per step that get two augmented views for that loss (&ge; 2)
 * @param sources annotation sources used as targets (empty = every annotation of an entry)
 * @param metricsLog optional JSON Lines file of per-step metrics ({@code null} = none)
 * @param taskWeights per task name ({@code "CLASSIFY"}), a factor on its default share of steps
 *     (see {@link MultitaskData#weight}); tasks not named keep factor 1 (empty = the defaults)
 * @param objectives further training signals by name with their weights, added to the token and
 *     contrastive losses: {@value #JEPA} ({@link io.florets.engine.train.JepaLoss}) and
 *     {@value #FACET} ({@link io.florets.engine.train.FacetContrastiveLoss}); empty = none
 */
public record TrainOptions(long steps, int batchSize, double learningRate, long seed,
    double auxiliaryWeight, int contrastiveRows, Set<String> sources, Path metricsLog,
    Map<String, Double> taskWeights, Map<String, Double> objectives) {

  /** The joint-embedding predictive objective's name. */
  public static final String JEPA = "jepa";
  /** The facet-conditioned supervised contrastive objective's name. */
  public static final String FACET = "facet";

  /** Validates; NaN fails. */
  public TrainOptions {
    if (steps < 1) {
      throw new IllegalArgumentException("steps must be >= 1, got " + steps);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
    }
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException("learningRate must be finite and > 0, got " + learningRate);
    }
    if (!(auxiliaryWeight >= 0) || Double.isInfinite(auxiliaryWeight)) {
      throw new IllegalArgumentException("auxiliaryWeight must be finite and >= 0, got "
          + auxiliaryWeight);
    }
    if (contrastiveRows < 2) {
      throw new IllegalArgumentException("contrastiveRows must be >= 2, got " + contrastiveRows);
    }
    sources = Set.copyOf(Objects.requireNonNull(sources, "sources"));
    taskWeights = Map.copyOf(Objects.requireNonNull(taskWeights, "taskWeights"));
    for (Map.Entry<String, Double> e : taskWeights.entrySet()) {
      if (!(e.getValue() > 0) || e.getValue().isInfinite()) {
        throw new IllegalArgumentException("task weight of " + e.getKey()
            + " must be finite and > 0, got " + e.getValue());
      }
    }
    objectives = Map.copyOf(Objects.requireNonNull(objectives, "objectives"));
    for (Map.Entry<String, Double> e : objectives.entrySet()) {
      if (!e.getKey().equals(JEPA) && !e.getKey().equals(FACET)) {
        throw new IllegalArgumentException("unknown training objective '" + e.getKey()
            + "', expected " + JEPA + " or " + FACET);
      }
      if (!(e.getValue() > 0) || e.getValue().isInfinite()) {
        throw new IllegalArgumentException("weight of objective " + e.getKey()
            + " must be finite and > 0, got " + e.getValue());
      }
    }
  }

  /** Settings without further objectives. */
  public TrainOptions(long steps, int batchSize, double learningRate, long seed,
      double auxiliaryWeight, int contrastiveRows, Set<String> sources, Path metricsLog,
      Map<String, Double> taskWeights) {
    this(steps, batchSize, learningRate, seed, auxiliaryWeight, contrastiveRows, sources,
        metricsLog, taskWeights, Map.of());
  }

  /** Settings without task weights. */
  public TrainOptions(long steps, int batchSize, double learningRate, long seed,
      double auxiliaryWeight, int contrastiveRows, Set<String> sources, Path metricsLog) {
    this(steps, batchSize, learningRate, seed, auxiliaryWeight, contrastiveRows, sources,
        metricsLog, Map.of());
  }

  /** A copy with these task-weight factors (replacing any). */
  public TrainOptions withTaskWeights(Map<String, Double> w) {
    return new TrainOptions(steps, batchSize, learningRate, seed, auxiliaryWeight, contrastiveRows,
        sources, metricsLog, w, objectives);
  }

  /** Batch 32, learning rate 1e-3, seed 0, contrastive weight 0.2 over 16 windows, all sources. */
  public static TrainOptions defaults(long steps) {
    return new TrainOptions(steps, 32, 1e-3, 0L, 0.2, 16, Set.of(), null);
  }

  /** The metrics file, if any. */
  public Optional<Path> metricsLogFile() {
    return Optional.ofNullable(metricsLog);
  }

  /** A copy with another batch size. */
  public TrainOptions withBatchSize(int b) {
    return new TrainOptions(steps, b, learningRate, seed, auxiliaryWeight, contrastiveRows, sources,
        metricsLog, taskWeights, objectives);
  }

  /** A copy with another learning rate. */
  public TrainOptions withLearningRate(double lr) {
    return new TrainOptions(steps, batchSize, lr, seed, auxiliaryWeight, contrastiveRows, sources,
        metricsLog, taskWeights, objectives);
  }

  /** A copy with another seed. */
  public TrainOptions withSeed(long s) {
    return new TrainOptions(steps, batchSize, learningRate, s, auxiliaryWeight, contrastiveRows,
        sources, metricsLog, taskWeights, objectives);
  }

  /** A copy with another contrastive weight and row count. */
  public TrainOptions withAuxiliary(double weight, int rows) {
    return new TrainOptions(steps, batchSize, learningRate, seed, weight, rows, sources,
        metricsLog, taskWeights, objectives);
  }

  /** A copy that trains only on annotations of these sources (e.g. {@code "truth"}). */
  public TrainOptions withSources(Set<String> s) {
    return new TrainOptions(steps, batchSize, learningRate, seed, auxiliaryWeight, contrastiveRows,
        s, metricsLog, taskWeights, objectives);
  }

  /** A copy writing per-step metrics to {@code file}. */
  public TrainOptions withMetricsLog(Path file) {
    return new TrainOptions(steps, batchSize, learningRate, seed, auxiliaryWeight, contrastiveRows,
        sources, file, taskWeights, objectives);
  }

  /** A copy with another step count. */
  public TrainOptions withSteps(long n) {
    return new TrainOptions(n, batchSize, learningRate, seed, auxiliaryWeight, contrastiveRows,
        sources, metricsLog, taskWeights, objectives);
  }

  /** A copy with these further objectives and weights (replacing any). */
  public TrainOptions withObjectives(Map<String, Double> o) {
    return new TrainOptions(steps, batchSize, learningRate, seed, auxiliaryWeight, contrastiveRows,
        sources, metricsLog, taskWeights, o);
  }
}
