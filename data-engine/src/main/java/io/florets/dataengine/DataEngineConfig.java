package io.florets.dataengine;

import io.florets.labelers.consensus.ConsensusConfig;
import io.florets.prompt.task.Task;
import io.florets.prompt.task.Tasks;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of a {@link DataEngine} run. Immutable; start from {@link #defaults(int, long)}.
 *
 * @param rounds rounds reported, &ge; 1: round 0 is labelers + consensus, rounds 1.. add the model
 * @param firstSteps training steps before round 1 (from the starting weights)
 * @param roundSteps warm-start training steps before each later round
 * @param finalSteps warm-start steps on the last round's targets after it (0 = none), so that the
 *     returned model has learned the final labels
 * @param batchSize training examples per step
 * @param learningRate peak learning rate
 * @param heldOutFraction windows kept out of training, on which the model's accuracy is measured
 *     against the current targets (in [0.05, 0.5])
 * @param threads labelling threads
 * @param seed seed of the split, the batches and the model rounds
 * @param consensus consensus settings of round 0
 * @param modelSoloConfidence in model rounds, a single report (labeler or model) keeps an event
 *     only at this confidence (in [0, 1]); at 1 a lone report almost never suffices and the model's vote is what
 *     confirms a lone labeler (the confident model overrides a single noisy labeler)
 * @param minModelAccuracy the model's held-out agreement a facet needs before its confident
 *     disagreements replace the consensus tag
 * @param modelTasks the tasks the model answers as a labeler
 * @param decodeBatch windows decoded together
 * @param taskWeights per task name, a factor on its share of training steps (see
 *     {@code TrainOptions#taskWeights}); empty = the default shares
 * @param finalOnAll whether the training after the last round ({@code finalSteps}) also uses the
 *     held-out windows: once the rounds have used them to measure the model, the returned model
 *     learns from every window, as a model is refitted on all data after its settings are chosen
 *     (then nothing is left to measure the returned model on; the last round's model was)
 */
public record DataEngineConfig(int rounds, long firstSteps, long roundSteps, long finalSteps,
    int batchSize, double learningRate, double heldOutFraction, int threads, long seed,
    ConsensusConfig consensus, double modelSoloConfidence, double minModelAccuracy,
    List<Task<?>> modelTasks, int decodeBatch, Map<String, Double> taskWeights,
    boolean finalOnAll) {

  /** Validates; NaN fails. */
  public DataEngineConfig {
    Objects.requireNonNull(consensus, "consensus");
    modelTasks = List.copyOf(modelTasks);
    taskWeights = Map.copyOf(Objects.requireNonNull(taskWeights, "taskWeights"));
    if (rounds < 1 || firstSteps < 1 || roundSteps < 1 || finalSteps < 0 || batchSize < 1
        || threads < 1 || decodeBatch < 1) {
      throw new IllegalArgumentException("data-engine counts must be positive: rounds " + rounds
          + ", firstSteps " + firstSteps + ", roundSteps " + roundSteps + ", finalSteps "
          + finalSteps + ", batchSize " + batchSize + ", threads " + threads + ", decodeBatch "
          + decodeBatch);
    }
    if (!(learningRate > 0) || !(heldOutFraction >= 0.05 && heldOutFraction <= 0.5)
        || !(modelSoloConfidence >= 0 && modelSoloConfidence <= 1) || !(minModelAccuracy >= 0 && minModelAccuracy <= 1)) {
      throw new IllegalArgumentException("data-engine settings out of range: learningRate "
          + learningRate + ", heldOutFraction " + heldOutFraction + ", modelSoloConfidence "
          + modelSoloConfidence + ", minModelAccuracy " + minModelAccuracy);
    }
  }

  /**
   * Defaults: the given rounds and seed, 600 first steps, 300 per later round, none after, batch 32,
   * learning rate 2e-3, 15% held out, 2 threads, the labelers' default consensus, lone events
   * need the model's vote (1.0), override at held-out agreement 0.7, the model answers
   * {@code <EVENTS>} and {@code <SHAPE>}, decode batch 64, the final training without the held-out
   * windows.
   */
  public static DataEngineConfig defaults(int rounds, long seed) {
    return new DataEngineConfig(rounds, 600, 300, 0, 32, 2e-3, 0.15, 2, seed,
        ConsensusConfig.DEFAULTS, 1.0, 0.7, List.of(Tasks.EVENTS, Tasks.SHAPE), 64, Map.of(),
        false);
  }

  /** A copy with other training step counts. */
  public DataEngineConfig withSteps(long first, long perRound, long after) {
    return new DataEngineConfig(rounds, first, perRound, after, batchSize, learningRate,
        heldOutFraction, threads, seed, consensus, modelSoloConfidence, minModelAccuracy,
        modelTasks, decodeBatch, taskWeights, finalOnAll);
  }

  /** A copy with another batch size and learning rate. */
  public DataEngineConfig withOptimizer(int batch, double lr) {
    return new DataEngineConfig(rounds, firstSteps, roundSteps, finalSteps, batch, lr,
        heldOutFraction, threads, seed, consensus, modelSoloConfidence, minModelAccuracy,
        modelTasks, decodeBatch, taskWeights, finalOnAll);
  }

  /** A copy with other tasks answered by the model as a labeler. */
  public DataEngineConfig withModelTasks(List<Task<?>> tasks) {
    return new DataEngineConfig(rounds, firstSteps, roundSteps, finalSteps, batchSize,
        learningRate, heldOutFraction, threads, seed, consensus, modelSoloConfidence,
        minModelAccuracy, tasks, decodeBatch, taskWeights, finalOnAll);
  }

  /** A copy with another labelling thread count. */
  public DataEngineConfig withThreads(int n) {
    return new DataEngineConfig(rounds, firstSteps, roundSteps, finalSteps, batchSize,
        learningRate, heldOutFraction, n, seed, consensus, modelSoloConfidence, minModelAccuracy,
        modelTasks, decodeBatch, taskWeights, finalOnAll);
  }

  /** A copy with other model-round merging rules. */
  public DataEngineConfig withMerging(double soloConfidence, double minAccuracy) {
    return new DataEngineConfig(rounds, firstSteps, roundSteps, finalSteps, batchSize,
        learningRate, heldOutFraction, threads, seed, consensus, soloConfidence, minAccuracy,
        modelTasks, decodeBatch, taskWeights, finalOnAll);
  }

  /** A copy with these task-weight factors for training (replacing any). */
  public DataEngineConfig withTaskWeights(Map<String, Double> w) {
    return new DataEngineConfig(rounds, firstSteps, roundSteps, finalSteps, batchSize,
        learningRate, heldOutFraction, threads, seed, consensus, modelSoloConfidence,
        minModelAccuracy, modelTasks, decodeBatch, w, finalOnAll);
  }

  /** A copy whose training after the last round does (or does not) use the held-out windows. */
  public DataEngineConfig withFinalOnAll(boolean all) {
    return new DataEngineConfig(rounds, firstSteps, roundSteps, finalSteps, batchSize,
        learningRate, heldOutFraction, threads, seed, consensus, modelSoloConfidence,
        minModelAccuracy, modelTasks, decodeBatch, taskWeights, all);
  }

  /** A copy with another seed (split, batches and model rounds). */
  public DataEngineConfig withSeed(long s) {
    return new DataEngineConfig(rounds, firstSteps, roundSteps, finalSteps, batchSize,
        learningRate, heldOutFraction, threads, s, consensus, modelSoloConfidence,
        minModelAccuracy, modelTasks, decodeBatch, taskWeights, finalOnAll);
  }
}
