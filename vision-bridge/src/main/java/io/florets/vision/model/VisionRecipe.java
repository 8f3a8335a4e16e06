package io.florets.vision.model;

import io.florets.engine.EngineConfig;
import io.florets.vision.frontend.ImageFrontEndConfig;
import java.util.Locale;
import java.util.Objects;

/**
 * How the vision model is built and trained: engine shape, image front end, batches, steps, learning
 * rate, seed, and the mix of image sets drawn per batch row.
 *
 * @param name preset name
 * @param engine encoder-decoder shape
 * @param frontEnd image front end settings ({@code frontEnd.dModel() == engine.dModel()})
 * @param batchSize rows per step (&ge; 1)
 * @param steps optimisation steps (&ge; 1)
 * @param learningRate peak learning rate (&gt; 0)
 * @param seed seed of initialisation and batch drawing
 * @param sceneShare probability that a row is a synthetic scene
 * @param digitShare probability that a row is a digit for classification (the rest: digit canvases)
 * @param digitFocusSteps the first steps that draw digits for classification with
 *     {@code digitFocusShare} instead (0 = none). Short answers weigh little in the token-mean loss
 *     beside 20-token {@code <OD>} answers, so the digit classes are learned first, while nothing else
 *     competes, and kept by {@code digitShare} afterwards
 * @param digitFocusShare probability that a row is a digit during the focus steps (scenes and canvases
 *     share the rest in the ratio of {@code sceneShare} to the canvases' share)
 * @param taskWeights weight of each image task (by task name, e.g. {@code OD}, {@code IMAGE_CAPTION}) when
 *     one of an image's training pairs is drawn; tasks not named weigh 1 (default: {@code OD} 6, as
 *     {@code <OD>} answers carry most of what a scene holds)
 * @param locationSigma standard deviation, in location bins, of the soft targets of box coordinates
 *     ({@code <loc_q>} tokens; see {@code TrainConfig.Builder#softOrdinalTargets}); 0 = one-hot targets
 */
public record VisionRecipe(String name, EngineConfig engine, ImageFrontEndConfig frontEnd, int batchSize,
    long steps, double learningRate, long seed, double sceneShare, double digitShare, long digitFocusSteps,
    double digitFocusShare, java.util.Map<String, Double> taskWeights, double locationSigma) {
  /** Validates. */
  public VisionRecipe {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(frontEnd, "frontEnd");
    if (frontEnd.dModel() != engine.dModel()) {
      throw new IllegalArgumentException("vision recipe '" + name + "': front end width " + frontEnd.dModel()
          + " differs from engine dModel " + engine.dModel());
    }
    if (batchSize < 1 || steps < 1 || !(learningRate > 0)) {
      throw new IllegalArgumentException("vision recipe '" + name + "' needs batchSize >= 1, steps >= 1 and"
          + " learningRate > 0, got " + batchSize + ", " + steps + ", " + learningRate);
    }
    if (!(sceneShare >= 0 && digitShare >= 0 && sceneShare + digitShare <= 1)) {
      throw new IllegalArgumentException("vision recipe '" + name + "': shares must be >= 0 and sum to <= 1, got "
          + sceneShare + " + " + digitShare);
    }
    taskWeights = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(
        Objects.requireNonNull(taskWeights, "taskWeights")));
    for (java.util.Map.Entry<String, Double> w : taskWeights.entrySet()) {
      java.util.Optional<io.florets.prompt.task.Task<?>> t = io.florets.prompt.task.Tasks.byName(w.getKey());
      if (t.isEmpty() || t.get().modality() != io.florets.prompt.task.Modality.IMAGE) {
        throw new IllegalArgumentException("vision recipe '" + name + "': task weight of '" + w.getKey()
            + "', which is not an image task (expected e.g. OD, IMAGE_CAPTION, IMAGE_DETAILED_CAPTION)");
      }
      if (!(w.getValue() > 0) || Double.isInfinite(w.getValue())) {
        throw new IllegalArgumentException("vision recipe '" + name + "': task weight " + w.getKey() + "="
            + w.getValue() + " must be a positive number");
      }
    }
    if (!(locationSigma >= 0) || Double.isInfinite(locationSigma)) {
      throw new IllegalArgumentException("vision recipe '" + name + "': locationSigma must be finite and >= 0, got "
          + locationSigma);
    }
    if (digitFocusSteps < 0 || !(digitFocusShare >= 0 && digitFocusShare <= 1)) {
      throw new IllegalArgumentException("vision recipe '" + name + "': digit focus needs steps >= 0 and a share"
          + " in [0, 1], got " + digitFocusSteps + ", " + digitFocusShare);
    }
  }

  /** A recipe without a digit focus phase. */
  public VisionRecipe(String name, EngineConfig engine, ImageFrontEndConfig frontEnd, int batchSize, long steps,
      double learningRate, long seed, double sceneShare, double digitShare) {
    this(name, engine, frontEnd, batchSize, steps, learningRate, seed, sceneShare, digitShare, 0, digitShare,
        DEFAULT_TASK_WEIGHTS, 0);
  }

  /** Probability that a row of {@code step} is a digit for classification. */
  public double digitShareAt(long step) {
    return step < digitFocusSteps ? digitFocusShare : digitShare;
  }

  /** Probability that a row of {@code step} is a synthetic scene (the rest are canvases). */
  public double sceneShareAt(long step) {
    if (step >= digitFocusSteps) {
      return sceneShare;
    }
    double others = 1 - digitShare;
    return others <= 0 ? 0 : (1 - digitFocusShare) * sceneShare / others;
  }

  /** Engine shape of the shipped vision model: d=128, 3 encoder + 2 decoder layers, ~1.2 M parameters. */
  public static EngineConfig smallEngine() {
    return new EngineConfig("vision-small", 128, 4, 3, 2, 256, 0.0f, 16, 48, 64);
  }

  /** The shipped model's recipe ({@code steps} set by the caller; 3000 is the documented run). */
  public static VisionRecipe small(long steps) {
    EngineConfig e = smallEngine();
    return new VisionRecipe("small", e, new ImageFrontEndConfig(e.dModel(), 64, 24, 48), 24, steps, 1e-3, 7,
        0.55, 0.25);
  }

  /** A few-second recipe for tests: d=32, 1+1 layers, 32-pixel images. */
  public static VisionRecipe tiny(long steps) {
    EngineConfig e = new EngineConfig("vision-tiny", 32, 2, 1, 1, 64, 0.0f, 16, 40, 16);
    return new VisionRecipe("tiny", e, new ImageFrontEndConfig(32, 32, 8, 16), 8, steps, 3e-3, 7, 0.55, 0.25);
  }

  /** A preset by name ({@code small}, {@code tiny}). */
  public static VisionRecipe preset(String name, long steps) {
    switch (name.toLowerCase(Locale.ROOT)) {
      case "small":
        return small(steps);
      case "tiny":
        return tiny(steps);
      default:
        throw new IllegalArgumentException("unknown vision recipe '" + name + "', expected small or tiny");
    }
  }

  /** A copy with another step count. */
  public VisionRecipe withSteps(long n) {
    return new VisionRecipe(name, engine, frontEnd, batchSize, n, learningRate, seed, sceneShare, digitShare,
        digitFocusSteps, digitFocusShare, taskWeights, locationSigma);
  }

  /** A copy with another batch size (rows per step). */
  public VisionRecipe withBatchSize(int rows) {
    return new VisionRecipe(name, engine, frontEnd, rows, steps, learningRate, seed, sceneShare, digitShare,
        digitFocusSteps, digitFocusShare, taskWeights, locationSigma);
  }

  /** A copy with another peak learning rate. */
  public VisionRecipe withLearningRate(double lr) {
    return new VisionRecipe(name, engine, frontEnd, batchSize, steps, lr, seed, sceneShare, digitShare,
        digitFocusSteps, digitFocusShare, taskWeights, locationSigma);
  }

  /** A copy whose first {@code focusSteps} steps draw digits with probability {@code share}. */
  public VisionRecipe withDigitFocus(long focusSteps, double share) {
    return new VisionRecipe(name, engine, frontEnd, batchSize, steps, learningRate, seed, sceneShare, digitShare,
        focusSteps, share, taskWeights, locationSigma);
  }

  /**
   * A copy with another mix of image sets.
   *
   * @param scenes probability that a row is a synthetic scene
   * @param digitsForClassification probability that a row is a digit for {@code <CLASSIFY>} (the rest:
   *     digit canvases)
   */
  public VisionRecipe withShares(double scenes, double digitsForClassification) {
    return new VisionRecipe(name, engine, frontEnd, batchSize, steps, learningRate, seed, scenes,
        digitsForClassification, digitFocusSteps, digitFocusShare, taskWeights, locationSigma);
  }

  /** A copy whose box coordinates are trained against soft targets of this many bins (0 = one-hot). */
  public VisionRecipe withLocationSigma(double bins) {
    return new VisionRecipe(name, engine, frontEnd, batchSize, steps, learningRate, seed, sceneShare, digitShare,
        digitFocusSteps, digitFocusShare, taskWeights, bins);
  }

  /** The task weights of the shipped recipes: {@code OD} 6, every other task 1. */
  public static final java.util.Map<String, Double> DEFAULT_TASK_WEIGHTS = java.util.Map.of("OD", 6.0);

  /** A copy with other task weights (replacing the named tasks' weights; others keep theirs). */
  public VisionRecipe withTaskWeights(java.util.Map<String, Double> weights) {
    java.util.Map<String, Double> w = new java.util.TreeMap<>(taskWeights);
    w.putAll(weights);
    return new VisionRecipe(name, engine, frontEnd, batchSize, steps, learningRate, seed, sceneShare, digitShare,
        digitFocusSteps, digitFocusShare, w, locationSigma);
  }

  /** The weight of a task when an image's training pair is drawn. */
  public double taskWeight(io.florets.prompt.task.Task<?> task) {
    return taskWeights.getOrDefault(task.name(), 1.0);
  }

  /** Canonical JSON of the recipe (for provenance). */
  public String toJson() {
    return String.format(Locale.ROOT, "{\"name\":\"%s\",\"frontEnd\":%s,\"batchSize\":%d,\"steps\":%d,"
        + "\"learningRate\":%s,\"seed\":%d,\"sceneShare\":%s,\"digitShare\":%s,\"digitFocusSteps\":%d,"
        + "\"digitFocusShare\":%s,\"taskWeights\":%s,\"locationSigma\":%s}", name, frontEnd.toJson(), batchSize,
        steps, learningRate, seed, sceneShare, digitShare, digitFocusSteps, digitFocusShare, weightsJson(),
        locationSigma);
  }

  private String weightsJson() {
    StringBuilder b = new StringBuilder("{");
    for (java.util.Map.Entry<String, Double> w : taskWeights.entrySet()) {
      b.append(b.length() > 1 ? "," : "").append('"').append(w.getKey()).append("\":").append(w.getValue());
    }
    return b.append('}').toString();
  }

}
