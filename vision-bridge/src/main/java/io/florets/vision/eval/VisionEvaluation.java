package io.florets.vision.eval;

import io.florets.prompt.readout.Boxes;
import io.florets.prompt.readout.Caption;
import io.florets.prompt.readout.Label;
import io.florets.prompt.readout.Readout;
import io.florets.prompt.task.Prompt;
import io.florets.prompt.task.Tasks;
import io.florets.vision.data.BoxTarget;
import io.florets.vision.data.CountCaptions;
import io.florets.vision.data.Digits;
import io.florets.vision.data.ImageExample;
import io.florets.vision.data.VisionSources;
import io.florets.vision.image.RasterImage;
import io.florets.vision.label.BlobLabeler;
import io.florets.vision.label.CaptionLabeler;
import io.florets.vision.model.VisionModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Measures a vision model on held-out data only: digits {@code <CLASSIFY>} accuracy on the fixed test
 * split, {@code <OD>} mAP@0.5 on synthetic scenes of the held-out seed and on digit canvases composed
 * from test digits, caption count accuracy, {@code <REGION_TO_CATEGORY>} accuracy on the first truth box
 * of (at most) the first 100 scenes, the
 * parse rate of every answer, and milliseconds per single-image {@code <OD>} ask. The rule labelers'
 * figures on the same scenes are reported beside the model's.
 */
public final class VisionEvaluation {
  private static final int BATCH = 32;

  private final VisionModel model;
  private int answers;
  private int parsed;

  private VisionEvaluation(VisionModel model) {
    this.model = model;
  }

  /**
   * Runs the evaluation.
   *
   * @param model the model
   * @param digits the digits data (test split used)
   * @param scenes held-out scenes to ask about (&ge; 1)
   * @param canvases held-out digit canvases (&ge; 1)
   * @return the figures
   */
  public static Figures run(VisionModel model, Digits digits, int scenes, int canvases) {
    return run(model, digits, scenes, canvases, VisionSources.TEST_SEED);
  }

  /**
   * Runs the evaluation on the scenes and digit canvases of another seed (for choosing between
   * training variants on windows other than the held-out seed {@link VisionSources#TEST_SEED}; the
   * training seed {@link VisionSources#TRAIN_SEED} is refused).
   *
   * @param seed generator seed of the scenes and canvases
   */
  public static Figures run(VisionModel model, Digits digits, int scenes, int canvases, long seed) {
    if (scenes < 1 || canvases < 1) {
      throw new IllegalArgumentException("evaluation needs >= 1 scene and canvas, got " + scenes + ", " + canvases);
    }
    if (seed == VisionSources.TRAIN_SEED) {
      throw new IllegalArgumentException("seed " + seed + " is the training seed of the scenes and canvases; "
          + "evaluate on another");
    }
    return new VisionEvaluation(model).measure(digits, scenes, canvases, seed);
  }

  private Figures measure(Digits digits, int nScenes, int nCanvases, long seed) {
    List<ImageExample> testDigits = VisionSources.digits(digits, true);
    List<Optional<Label>> classes = ask(images(testDigits), Tasks.IMAGE_CLASSIFY.prompt());
    int right = 0;
    for (int i = 0; i < testDigits.size(); i++) {
      Optional<Label> l = classes.get(i);
      right += l.isPresent() && l.get().name().equals(testDigits.get(i).classLabel()) ? 1 : 0;
    }
    double digitsAccuracy = right / (double) testDigits.size();

    List<ImageExample> scenes = VisionSources.scenes(seed, 0, nScenes);
    double sceneMap50 = map50(scenes);
    List<Optional<Caption>> caps = ask(images(scenes), Tasks.IMAGE_CAPTION.prompt());
    int countsRight = 0;
    int labelerRight = 0;
    CaptionLabeler labeler = new CaptionLabeler(BlobLabeler.DEFAULT);
    List<List<ScoredBox>> blobBoxes = new ArrayList<>();
    for (int i = 0; i < scenes.size(); i++) {
      Map<String, Integer> truth = CountCaptions.parseCounts(scenes.get(i).caption());
      Optional<Caption> c = caps.get(i);
      countsRight += c.isPresent() && CountCaptions.parseCounts(c.get().text()).equals(truth) ? 1 : 0;
      labelerRight += CountCaptions.parseCounts(labeler.caption(scenes.get(i).image())).equals(truth) ? 1 : 0;
      List<ScoredBox> bb = new ArrayList<>();
      BlobLabeler.DEFAULT.label(scenes.get(i).image()).forEach(b -> bb.add(new ScoredBox(
          b.box().withLabel(b.colour().word() + " " + b.shape().word()), 1.0)));
      blobBoxes.add(bb);
    }
    double regionAccuracy = regionAccuracy(scenes.subList(0, Math.min(100, scenes.size())));
    double labelerSceneMap50 = DetectionMetrics.meanAveragePrecision(blobBoxes, truths(scenes), 0.5);

    List<ImageExample> canvases = VisionSources.canvases(digits, true, seed, 0, nCanvases);
    double canvasMap50 = map50(canvases);
    double parseRate = answers == 0 ? 0.0 : parsed / (double) answers;
    int answered = answers;
    return new Figures(digitsAccuracy, testDigits.size(), sceneMap50,
        countsRight / (double) scenes.size(), regionAccuracy, scenes.size(), labelerSceneMap50,
        labelerRight / (double) scenes.size(), canvasMap50, canvases.size(), parseRate, answered,
        msPerAsk(scenes));
  }

  /**
   * The figures of an evaluation, in the order {@code florets eval vision --json} prints them.
   *
   * @param digitsAccuracy {@code <CLASSIFY>} accuracy on the digits test split
   * @param digitsTest test digits
   * @param sceneMap50 {@code <OD>} mAP@0.5 on the held-out scenes
   * @param captionCountAccuracy share of scene captions whose object counts are right
   * @param regionToCategoryAccuracy {@code <REGION_TO_CATEGORY>} accuracy on the first truth box
   * @param scenes held-out scenes
   * @param labelerSceneMap50 the rule labelers' mAP@0.5 on the same scenes
   * @param labelerCaptionCountAccuracy the rule labelers' caption count accuracy
   * @param digitCanvasMap50 {@code <OD>} mAP@0.5 on digit canvases
   * @param canvases digit canvases
   * @param parseRate share of answers that parse
   * @param answers answers given
   * @param msPerAsk milliseconds per single-image {@code <OD>} ask
   */
  public record Figures(double digitsAccuracy, int digitsTest, double sceneMap50,
      double captionCountAccuracy, double regionToCategoryAccuracy, int scenes,
      double labelerSceneMap50, double labelerCaptionCountAccuracy, double digitCanvasMap50,
      int canvases, double parseRate, int answers, double msPerAsk) {
  }

  private double map50(List<ImageExample> set) {
    List<Optional<Boxes>> found = ask(images(set), Tasks.OD.prompt());
    List<List<ScoredBox>> predicted = new ArrayList<>();
    for (Optional<Boxes> b : found) {
      List<ScoredBox> p = new ArrayList<>();
      b.ifPresent(x -> x.boxes().forEach(box -> p.add(new ScoredBox(
          new BoxTarget(box.label(), box.x1(), box.y1(), box.x2(), box.y2()), box.confidence()))));
      predicted.add(p);
    }
    return DetectionMetrics.meanAveragePrecision(predicted, truths(set), 0.5);
  }

  private double regionAccuracy(List<ImageExample> scenes) {
    int right = 0;
    int n = 0;
    for (ImageExample e : scenes) {
      if (e.boxes().isEmpty()) {
        continue;
      }
      BoxTarget b = e.boxes().get(0);
      Prompt<Label> p = Prompt.regionToCategoryPixels(b.x1(), b.y1(), b.x2(), b.y2(), e.image().width(),
          e.image().height());
      Optional<Label> l = ask(List.of(e.image()), p).get(0);
      right += l.isPresent() && l.get().name().equals(b.label()) ? 1 : 0;
      n++;
    }
    return n == 0 ? 0.0 : right / (double) n;
  }

  private double msPerAsk(List<ImageExample> scenes) {
    int n = Math.min(20, scenes.size());
    model.ask(scenes.get(0).image(), Tasks.OD.prompt()); // warm-up
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      model.ask(scenes.get(i).image(), Tasks.OD.prompt());
    }
    return (System.nanoTime() - t0) / 1e6 / n;
  }

  private <R extends Readout> List<Optional<R>> ask(List<RasterImage> images, Prompt<R> prompt) {
    List<Optional<R>> out = new ArrayList<>(images.size());
    for (int i = 0; i < images.size(); i += BATCH) {
      List<Optional<R>> part = model.tryAskAll(images.subList(i, Math.min(images.size(), i + BATCH)), prompt);
      for (Optional<R> r : part) {
        answers++;
        parsed += r.isPresent() ? 1 : 0;
      }
      out.addAll(part);
    }
    return out;
  }

  private static List<RasterImage> images(List<ImageExample> set) {
    return set.stream().map(ImageExample::image).toList();
  }

  private static List<List<BoxTarget>> truths(List<ImageExample> set) {
    return set.stream().map(ImageExample::boxes).toList();
  }
}
