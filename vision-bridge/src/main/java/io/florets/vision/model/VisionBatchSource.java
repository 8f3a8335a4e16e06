package io.florets.vision.model;

import io.florets.engine.train.BatchSource;
import io.florets.engine.train.TrainingBatch;
import io.florets.prompt.serial.ImageSerializer;
import io.florets.prompt.serial.TrainingPair;
import io.florets.prompt.task.Task;
import io.florets.prompt.task.Tasks;
import io.florets.prompt.vocab.Vocabulary;
import io.florets.vision.data.DigitCanvas;
import io.florets.vision.data.Digits;
import io.florets.vision.data.ImageExample;
import io.florets.vision.data.SceneConfig;
import io.florets.vision.data.SceneGenerator;
import io.florets.vision.data.VisionSources;
import io.florets.vision.image.RasterImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Training batches of (image, task prompt, serialized target) triples for the image tasks. Row by row:
 * an image set is drawn by the recipe's shares at that step (synthetic scene of the training seed, a training-split
 * digit, or a digit canvas of training digits), then one of the image's training pairs
 * ({@link ImageSerializer#pairs}) by the recipe's task weights ({@code <OD>} 6, every other task 1, unless the
 * recipe says otherwise). Scenes and canvases
 * are drawn from an effectively endless index range, so the model rarely sees an image twice.
 *
 * <p>The batch of a step is a pure function of (seed, step); thread-safe.
 */
public final class VisionBatchSource implements BatchSource<RasterImage> {
  private static final int INDEX_RANGE = 1 << 30;

  private final VisionRecipe recipe;
  private final ImageSerializer serializer;
  private final SceneGenerator scenes;
  private final DigitCanvas canvases;
  private final List<Digits.Digit> digits;
  private final String dataHash;

  /**
   * A source over the training parts of the image sets.
   *
   * @param recipe shares, batch size and seed
   * @param vocab the model's vocabulary
   * @param digitsData the digits (only the training split is used)
   */
  public VisionBatchSource(VisionRecipe recipe, Vocabulary vocab, Digits digitsData) {
    this.recipe = Objects.requireNonNull(recipe, "recipe");
    this.serializer = new ImageSerializer(vocab);
    this.scenes = SceneGenerator.of(SceneConfig.DEFAULT, VisionSources.TRAIN_SEED);
    this.digits = digitsData.train();
    this.canvases = DigitCanvas.of(digits, 64, VisionSources.TRAIN_SEED);
    this.dataHash = "scenes(seed=" + VisionSources.TRAIN_SEED + ")+digits-train(" + digits.size() + ", hash="
        + Integer.toHexString(digits.hashCode()) + ")+canvases(seed=" + VisionSources.TRAIN_SEED + ")";
  }

  @Override
  public TrainingBatch<RasterImage> batch(long step) {
    SplittableRandom rnd = new SplittableRandom(recipe.seed() * 0x2545F4914F6CDD1DL + step);
    int n = recipe.batchSize();
    List<RasterImage> inputs = new ArrayList<>(n);
    int[][] prompts = new int[n][];
    int[][] targets = new int[n][];
    for (int i = 0; i < n; i++) {
      ImageExample e = draw(rnd, step);
      TrainingPair p = pick(pairsWithTruth(e), rnd, e, recipe);
      inputs.add(e.image());
      prompts[i] = p.promptTokens();
      int[] t = p.targetTokens();
      targets[i] = Arrays.copyOf(t, t.length - 1); // the trainer appends </s> itself
    }
    return new TrainingBatch<>(inputs, prompts, targets);
  }

  /** One training image, drawn by the recipe's shares at {@code step}. */
  ImageExample draw(SplittableRandom rnd, long step) {
    double u = rnd.nextDouble();
    long index = rnd.nextInt(INDEX_RANGE);
    double sceneShare = recipe.sceneShareAt(step);
    if (u < sceneShare) {
      return ImageExample.of("training scene " + index, scenes.scene(index));
    }
    if (u < sceneShare + recipe.digitShareAt(step)) {
      return ImageExample.of(digits.get(rnd.nextInt(digits.size())));
    }
    return ImageExample.of("training canvas " + index, canvases.canvas(index));
  }

  /**
   * The image's training pairs, without {@code <OD>} on an image that has no boxes (a digit for
   * classification): such an empty answer would teach "nothing here" and crowd out the task it has.
   */
  List<TrainingPair> pairsWithTruth(ImageExample e) {
    List<TrainingPair> pairs = serializer.pairs(VisionTruths.of(e));
    if (!e.boxes().isEmpty()) {
      return pairs;
    }
    return pairs.stream().filter(p -> p.prompt().task() != Tasks.OD).toList();
  }

  private static TrainingPair pick(List<TrainingPair> pairs, SplittableRandom rnd, ImageExample e,
      VisionRecipe recipe) {
    if (pairs.isEmpty()) {
      throw new IllegalStateException("image " + e.source() + " yields no training pair");
    }
    // weight per task, shared among that task's pairs
    Map<Task<?>, Integer> perTask = new java.util.HashMap<>();
    for (TrainingPair p : pairs) {
      perTask.merge(p.prompt().task(), 1, Integer::sum);
    }
    double total = 0;
    double[] w = new double[pairs.size()];
    for (int i = 0; i < w.length; i++) {
      Task<?> t = pairs.get(i).prompt().task();
      w[i] = recipe.taskWeight(t) / perTask.get(t);
      total += w[i];
    }
    double u = rnd.nextDouble() * total;
    for (int i = 0; i < w.length; i++) {
      u -= w[i];
      if (u < 0) {
        return pairs.get(i);
      }
    }
    return pairs.get(w.length - 1);
  }

  @Override
  public String dataHash() {
    return dataHash;
  }
}
