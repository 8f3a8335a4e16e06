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
 */
public record VisionRecipe(String name, EngineConfig engine, ImageFrontEndConfig frontEnd, int batchSize,
    long steps, double learningRate, long seed, double sceneShare, double digitShare) {
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
    return new VisionRecipe(name, engine, frontEnd, batchSize, n, learningRate, seed, sceneShare, digitShare);
  }

  /** Canonical JSON of the recipe (for provenance). */
  public String toJson() {
    return String.format(Locale.ROOT, "{\"name\":\"%s\",\"frontEnd\":%s,\"batchSize\":%d,\"steps\":%d,"
        + "\"learningRate\":%s,\"seed\":%d,\"sceneShare\":%s,\"digitShare\":%s}", name, frontEnd.toJson(),
        batchSize, steps, learningRate, seed, sceneShare, digitShare);
  }
}
