package io.florets.vision.ood;

import io.florets.engine.EngineModel;
import io.florets.vision.data.DigitCanvas;
import io.florets.vision.data.Digits;
import io.florets.vision.data.SceneConfig;
import io.florets.vision.data.SceneGenerator;
import io.florets.vision.data.VisionSources;
import io.florets.vision.image.RasterImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Calibrates an {@link OodCheck} on images like the training data, made fresh: synthetic scenes and
 * digit canvases of a seed training did not use, and digits of the training split (the model was
 * trained on them, so they are in distribution by definition), a third of the images from each. Each
 * source's images are split into a fitting half, a threshold quarter and a check quarter: the
 * Gaussian is fitted on the fitting half, the threshold is the {@code quantile} of the threshold
 * quarter's distances, and the check quarter (seen by neither) measures the share of training-like
 * images the check flags. Nothing here looks at real photographs. Stateless.
 */
public final class OodCalibration {
  /** Seeds of the training and evaluation images, which calibration refuses. */
  public static final List<Long> RESERVED_SEEDS = List.of(VisionSources.TRAIN_SEED, VisionSources.TEST_SEED);

  private OodCalibration() {
  }

  /** Images of one source, with their part: 0 fit, 1 threshold, 2 check. */
  record Part(String source, List<RasterImage> images, int[] part) {
  }

  /**
   * What a calibration fitted and measured.
   *
   * @param check the check to store
   * @param fitImages images the Gaussian was fitted on
   * @param thresholdImages images the threshold was the quantile of
   * @param checkImages images of the check quarter
   * @param checkFlagged share of the check quarter flagged
   * @param flaggedBySource share of each source's check images flagged
   */
  public record Result(OodCheck check, int fitImages, int thresholdImages, int checkImages,
      double checkFlagged, Map<String, Double> flaggedBySource) {
  }

  /**
   * The images of the three sources ({@code images / 3} each, rounded down), each with its part.
   *
   * @throws IllegalArgumentException for a reserved seed or fewer than 12 images
   */
  static List<Part> images(Digits digits, long seed, int images) {
    if (RESERVED_SEEDS.contains(seed)) {
      throw new IllegalArgumentException("seed " + seed + " is a training or evaluation seed of the "
          + "vision images (" + RESERVED_SEEDS + "); calibrate on images of another seed");
    }
    if (images < 12) {
      throw new IllegalArgumentException("need at least 12 images (4 per source), got " + images);
    }
    int per = images / 3;
    SceneGenerator scenes = SceneGenerator.of(SceneConfig.DEFAULT, seed);
    DigitCanvas canvases = DigitCanvas.of(digits.train(), 64, seed);
    List<Digits.Digit> pool = new ArrayList<>(digits.train());
    java.util.Collections.shuffle(pool, new java.util.Random(seed));
    List<RasterImage> s = new ArrayList<>(per);
    List<RasterImage> c = new ArrayList<>(per);
    List<RasterImage> d = new ArrayList<>(per);
    for (int i = 0; i < per; i++) {
      s.add(scenes.scene(i).image());
      c.add(canvases.canvas(i).image());
      d.add(pool.get(i % pool.size()).image());
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    return List.of(new Part("scenes", s, parts(per, rnd)), new Part("digit canvases", c, parts(per, rnd)),
        new Part("digits", d, parts(per, rnd)));
  }

  /** A shuffled assignment of {@code n} items: half fit (0), a quarter threshold (1), the rest check (2). */
  static int[] parts(int n, SplittableRandom rnd) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i < n / 2 ? 0 : i < n / 2 + n / 4 ? 1 : 2;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  /**
   * Fits a check of {@code features} (each thresholded at
   * {@link OodCheck#perFeatureQuantile}{@code (quantile, features.size())}).
   *
   * @param engine the vision model's engine
   * @param promptText the prompt the encoder sees (e.g. {@code "<OD>"})
   * @param promptTokens its tokens
   * @param digits the digits (their training split feeds the canvases and the digit images)
   * @param command the command that ran this, stored in the facts
   */
  public static Result run(EngineModel<RasterImage> engine, String promptText, int[] promptTokens,
      List<OodFeature> features, Digits digits, long seed, int images, double quantile, double cap,
      String command) {
    List<Part> parts = images(digits, seed, images);
    double q = OodCheck.perFeatureQuantile(quantile, features.size());
    List<OodCheck.Component> comps = new ArrayList<>();
    // per feature: the rows of each source, to split by part
    List<List<double[][]>> all = new ArrayList<>();
    for (OodFeature f : features) {
      List<double[][]> bySource = new ArrayList<>();
      List<double[]> fit = new ArrayList<>();
      List<double[]> thr = new ArrayList<>();
      for (Part p : parts) {
        double[][] x = f.of(engine, promptTokens, p.images());
        bySource.add(x);
        for (int i = 0; i < x.length; i++) {
          if (p.part()[i] < 2) {
            (p.part()[i] == 0 ? fit : thr).add(x[i]);
          }
        }
      }
      all.add(bySource);
      ShrinkageGaussian g = ShrinkageGaussian.fit(fit.toArray(new double[0][]));
      double threshold = OodCheck.quantile(thr.stream().mapToDouble(g::distance).toArray(), q);
      comps.add(new OodCheck.Component(f, threshold, g));
    }
    Map<String, Object> facts = new LinkedHashMap<>();
    OodCheck draft = new OodCheck(promptText, quantile, cap, comps, facts);
    Map<String, Double> bySource = new LinkedHashMap<>();
    int flagged = 0;
    int checked = 0;
    int fitN = 0;
    int thrN = 0;
    for (int s = 0; s < parts.size(); s++) {
      Part p = parts.get(s);
      int k = 0;
      int n = 0;
      for (int i = 0; i < p.images().size(); i++) {
        fitN += p.part()[i] == 0 ? 1 : 0;
        thrN += p.part()[i] == 1 ? 1 : 0;
        if (p.part()[i] != 2) {
          continue;
        }
        List<double[]> rows = new ArrayList<>();
        for (List<double[][]> f : all) {
          rows.add(f.get(s)[i]);
        }
        k += draft.verdict(rows).flagged() ? 1 : 0;
        n++;
      }
      flagged += k;
      checked += n;
      bySource.put(p.source(), n == 0 ? 0.0 : k / (double) n);
    }
    double rate = checked == 0 ? 0.0 : flagged / (double) checked;
    facts.put("command", command);
    facts.put("seed", seed);
    facts.put("images", images);
    facts.put("fitImages", fitN);
    facts.put("thresholdImages", thrN);
    facts.put("perFeatureQuantile", q);
    facts.put("checkImages", checked);
    facts.put("checkFlagged", rate);
    facts.put("sources", "synthetic scenes and digit canvases of seed " + seed
        + " (scenes from index 0; canvases from training-split digits), training-split digits shuffled by seed "
        + seed + "; a third each");
    OodCheck c = new OodCheck(promptText, quantile, cap, comps, facts);
    return new Result(c, fitN, thrN, checked, rate, bySource);
  }
}
