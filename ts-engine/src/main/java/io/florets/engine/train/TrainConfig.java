package io.florets.engine.train;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Settings of a training run. Build with {@link #builder(long)}; immutable.
 *
 * <p>Defaults: peak learning rate 1e-3, 5% warm-up (at least 1 step), cosine decay to 10% of the
 * peak, AdamW (0.9, 0.98, 1e-8) with weight decay 0.01 on matrices only, clipping at global norm
 * 1.0, label smoothing 0.1, validation every 100 steps, no early stopping, seed 0, no metrics file,
 * auxiliary weight 1.
 */
public final class TrainConfig {
  private final long steps;
  private final double peakLearningRate;
  private final long warmupSteps;
  private final double minLearningRateFraction;
  private final double beta1;
  private final double beta2;
  private final double epsilon;
  private final double weightDecay;
  private final double clipNorm;
  private final double labelSmoothing;
  private final long validateEvery;
  private final int patience;
  private final long seed;
  private final Path metricsLog;
  private final double auxiliaryWeight;
  private final double denseWeight;
  private final long logEvery;
  private final double targetTokenAccuracy;
  private final int ordinalFirstId;
  private final int ordinalCount;
  private final double ordinalSigma;

  private TrainConfig(Builder b) {
    steps = b.steps;
    peakLearningRate = b.peakLearningRate;
    warmupSteps = b.warmupSteps >= 0 ? b.warmupSteps : Math.max(1, steps / 20);
    minLearningRateFraction = b.minLearningRateFraction;
    beta1 = b.beta1;
    beta2 = b.beta2;
    epsilon = b.epsilon;
    weightDecay = b.weightDecay;
    clipNorm = b.clipNorm;
    labelSmoothing = b.labelSmoothing;
    validateEvery = b.validateEvery;
    patience = b.patience;
    seed = b.seed;
    metricsLog = b.metricsLog;
    auxiliaryWeight = b.auxiliaryWeight;
    denseWeight = b.denseWeight;
    logEvery = b.logEvery;
    targetTokenAccuracy = b.targetTokenAccuracy;
    ordinalFirstId = b.ordinalFirstId;
    ordinalCount = b.ordinalCount;
    ordinalSigma = b.ordinalSigma;
  }

  /** A builder for a run of {@code steps} optimisation steps. */
  public static Builder builder(long steps) {
    return new Builder(steps);
  }

  /** Learning rate at 0-based step {@code step}: linear warm-up, then cosine to the minimum. */
  public double learningRate(long step) {
    if (step < warmupSteps) {
      return peakLearningRate * (step + 1) / warmupSteps;
    }
    double progress = (double) (step - warmupSteps) / Math.max(1, steps - warmupSteps);
    progress = Math.min(1.0, progress);
    double min = peakLearningRate * minLearningRateFraction;
    return min + 0.5 * (peakLearningRate - min) * (1 + Math.cos(Math.PI * progress));
  }

  public long steps() {
    return steps;
  }

  public double peakLearningRate() {
    return peakLearningRate;
  }

  public long warmupSteps() {
    return warmupSteps;
  }

  public double beta1() {
    return beta1;
  }

  public double beta2() {
    return beta2;
  }

  public double epsilon() {
    return epsilon;
  }

  public double weightDecay() {
    return weightDecay;
  }

  /** Global gradient-norm limit; 0 = no clipping. */
  public double clipNorm() {
    return clipNorm;
  }

  public double labelSmoothing() {
    return labelSmoothing;
  }

  /** Validate every this many steps (and at the end); 0 = never. */
  public long validateEvery() {
    return validateEvery;
  }

  /** Stop after this many validations without improvement; 0 = never stop early. */
  public int patience() {
    return patience;
  }

  public long seed() {
    return seed;
  }

  /** A JSON Lines file receiving one line per step and per validation. */
  public Optional<Path> metricsLog() {
    return Optional.ofNullable(metricsLog);
  }

  public double auxiliaryWeight() {
    return auxiliaryWeight;
  }

  /**
   * Weight of the dense per-location loss (cross-entropy of the front end's dense head against a
   * batch's {@link TrainingBatch#denseLabels()}, where both exist).
   */
  public double denseWeight() {
    return denseWeight;
  }

  /** Log a progress line through SLF4J every this many steps. */
  public long logEvery() {
    return logEvery;
  }

  /** Stop once a validation reaches this token accuracy (default 2 = never). */
  public double targetTokenAccuracy() {
    return targetTokenAccuracy;
  }

  /**
   * First token id of the ordinal run whose targets are soft (see {@link Builder#softOrdinalTargets});
   * meaningful only when {@link #ordinalSigma()} &gt; 0.
   */
  public int ordinalFirstId() {
    return ordinalFirstId;
  }

  /** Number of tokens in the ordinal run (0 = none). */
  public int ordinalCount() {
    return ordinalCount;
  }

  /** Standard deviation, in tokens, of the soft ordinal targets; 0 = one-hot targets as for every token. */
  public double ordinalSigma() {
    return ordinalSigma;
  }

  @Override
  public String toString() {
    return "TrainConfig{steps=" + steps + ", lr=" + peakLearningRate + ", warmup=" + warmupSteps
        + ", minLrFraction=" + minLearningRateFraction + ", betas=(" + beta1 + "," + beta2
        + "), eps=" + epsilon + ", weightDecay=" + weightDecay + ", clip=" + clipNorm
        + ", labelSmoothing=" + labelSmoothing + ", validateEvery=" + validateEvery
        + ", patience=" + patience + ", seed=" + seed + ", aux=" + auxiliaryWeight + ", dense=" + denseWeight
        + (ordinalSigma > 0 ? ", softOrdinal=(" + ordinalFirstId + "+" + ordinalCount + ", sigma " + ordinalSigma + ")"
        : "") + "}";
  }

  /** Builder; {@link #build()} validates (NaN fails every check). */
  public static final class Builder {
    private final long steps;
    private double peakLearningRate = 1e-3;
    private long warmupSteps = -1;
    private double minLearningRateFraction = 0.1;
    private double beta1 = 0.9;
    private double beta2 = 0.98;
    private double epsilon = 1e-8;
    private double weightDecay = 0.01;
    private double clipNorm = 1.0;
    private double labelSmoothing = 0.1;
    private long validateEvery = 100;
    private int patience;
    private long seed;
    private Path metricsLog;
    private double auxiliaryWeight = 1.0;
    private double denseWeight = 1.0;
    private long logEvery = 50;
    private double targetTokenAccuracy = 2.0;
    private int ordinalFirstId;
    private int ordinalCount;
    private double ordinalSigma;

    private Builder(long steps) {
      this.steps = steps;
    }

    public Builder learningRate(double v) {
      peakLearningRate = v;
      return this;
    }

    public Builder warmupSteps(long v) {
      warmupSteps = v;
      return this;
    }

    public Builder minLearningRateFraction(double v) {
      minLearningRateFraction = v;
      return this;
    }

    public Builder betas(double b1, double b2) {
      beta1 = b1;
      beta2 = b2;
      return this;
    }

    public Builder weightDecay(double v) {
      weightDecay = v;
      return this;
    }

    public Builder clipNorm(double v) {
      clipNorm = v;
      return this;
    }

    public Builder labelSmoothing(double v) {
      labelSmoothing = v;
      return this;
    }

    public Builder validateEvery(long v) {
      validateEvery = v;
      return this;
    }

    public Builder patience(int v) {
      patience = v;
      return this;
    }

    public Builder seed(long v) {
      seed = v;
      return this;
    }

    public Builder metricsLog(Path p) {
      metricsLog = p;
      return this;
    }

    /** Weight of the dense per-location loss (default 1). */
    public Builder denseWeight(double v) {
      denseWeight = v;
      return this;
    }

    public Builder auxiliaryWeight(double v) {
      auxiliaryWeight = v;
      return this;
    }

    public Builder logEvery(long v) {
      logEvery = v;
      return this;
    }

    /** Stop as soon as a validation reaches this token accuracy (in (0, 1]). */
    public Builder targetTokenAccuracy(double v) {
      targetTokenAccuracy = v;
      return this;
    }

    /**
     * Soft targets for a run of ordinal tokens (such as image-location bins): where the target is
     * token {@code firstId + k}, the loss's target distribution is a Gaussian of standard deviation
     * {@code sigma} tokens around {@code k} over the run (then label-smoothed like every token), so
     * an answer one bin off costs little and the neighbouring bins learn together. Every other
     * target keeps its one-hot target.
     *
     * @param firstId id of the run's first token
     * @param count tokens in the run (&ge; 2)
     * @param sigma standard deviation in tokens (&gt; 0)
     */
    public Builder softOrdinalTargets(int firstId, int count, double sigma) {
      ordinalFirstId = firstId;
      ordinalCount = count;
      ordinalSigma = sigma;
      return this;
    }

    /** Validates and builds. */
    public TrainConfig build() {
      check(steps >= 1, "steps must be >= 1, got " + steps);
      check(peakLearningRate > 0 && Double.isFinite(peakLearningRate),
          "learning rate must be finite and > 0, got " + peakLearningRate);
      check(warmupSteps == -1 || (warmupSteps >= 1 && warmupSteps <= steps),
          "warmupSteps must be in [1, steps=" + steps + "], got " + warmupSteps);
      check(minLearningRateFraction >= 0 && minLearningRateFraction <= 1,
          "minLearningRateFraction must be in [0, 1], got " + minLearningRateFraction);
      check(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1,
          "betas must be in [0, 1), got " + beta1 + ", " + beta2);
      check(epsilon > 0, "epsilon must be > 0, got " + epsilon);
      check(weightDecay >= 0 && weightDecay < 1, "weightDecay must be in [0, 1), got " + weightDecay);
      check(clipNorm >= 0 && Double.isFinite(clipNorm), "clipNorm must be >= 0, got " + clipNorm);
      check(labelSmoothing >= 0 && labelSmoothing < 1,
          "labelSmoothing must be in [0, 1), got " + labelSmoothing);
      check(validateEvery >= 0, "validateEvery must be >= 0, got " + validateEvery);
      check(patience >= 0, "patience must be >= 0, got " + patience);
      check(denseWeight >= 0 && Double.isFinite(denseWeight),
          "denseWeight must be >= 0, got " + denseWeight);
      check(auxiliaryWeight >= 0 && Double.isFinite(auxiliaryWeight),
          "auxiliaryWeight must be >= 0, got " + auxiliaryWeight);
      check(targetTokenAccuracy > 0, "targetTokenAccuracy must be > 0, got "
          + targetTokenAccuracy);
      check(logEvery >= 1, "logEvery must be >= 1, got " + logEvery);
      check(ordinalSigma == 0 || (ordinalSigma > 0 && Double.isFinite(ordinalSigma) && ordinalCount >= 2
          && ordinalFirstId >= 0), "soft ordinal targets need firstId >= 0, count >= 2 and a finite sigma > 0, got "
          + ordinalFirstId + ", " + ordinalCount + ", " + ordinalSigma);
      return new TrainConfig(this);
    }

    private static void check(boolean ok, String message) {
      if (!ok) {
        throw new IllegalArgumentException("train config: " + message);
      }
    }
  }
}
