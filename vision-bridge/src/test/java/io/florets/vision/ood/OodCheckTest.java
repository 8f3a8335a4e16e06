package io.florets.vision.ood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.prompt.readout.Boxes;
import io.florets.prompt.readout.Caption;
import io.florets.prompt.readout.Label;
import io.florets.vision.data.SceneConfig;
import io.florets.vision.data.SceneGenerator;
import io.florets.vision.image.RasterImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The threshold logic and the stored file, on the model-free pixel statistics of generated scenes. */
class OodCheckTest {
  @TempDir
  Path dir;

  @Test
  void quantileIsTheSmallestScoreWithThatShareAtOrBelowIt() {
    double[] s = new double[100];
    for (int i = 0; i < s.length; i++) {
      s[i] = 100 - i;  // 100..1, unsorted on purpose
    }
    assertEquals(99.0, OodCheck.quantile(s, 0.99));
    assertEquals(50.0, OodCheck.quantile(s, 0.5));
    assertEquals(1.0, OodCheck.quantile(s, 0.001));
    assertThrows(IllegalArgumentException.class, () -> OodCheck.quantile(s, 1.0));
    assertThrows(IllegalArgumentException.class, () -> OodCheck.quantile(new double[0], 0.5));
  }

  /** A check fitted on 200 scenes, thresholded at the 0.99 quantile of 100 others. */
  private static OodCheck sceneCheck() {
    SceneGenerator g = SceneGenerator.of(SceneConfig.DEFAULT, 5);
    List<RasterImage> fit = new ArrayList<>();
    List<RasterImage> thr = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      (i < 200 ? fit : thr).add(g.scene(i).image());
    }
    ShrinkageGaussian gauss = ShrinkageGaussian.fit(PixelFeatures.of(fit));
    double[] scores = java.util.Arrays.stream(PixelFeatures.of(thr)).mapToDouble(gauss::distance).toArray();
    return new OodCheck("<OD>", 0.99, OodCheck.DEFAULT_CAP,
        List.of(new OodCheck.Component(OodFeature.PIXELS, OodCheck.quantile(scores, 0.99), gauss)), Map.of("seed", 5L));
  }

  @Test
  void aFreshSceneIsNotFlaggedAndASmoothNoisePictureIs() {
    OodCheck c = sceneCheck();
    SceneGenerator other = SceneGenerator.of(SceneConfig.DEFAULT, 77);
    int flagged = 0;
    for (int i = 0; i < 100; i++) {
      flagged += c.verdict(List.of(PixelFeatures.of(other.scene(i).image()))).flagged() ? 1 : 0;
    }
    assertTrue(flagged <= 5, flagged + " of 100 fresh scenes flagged at the 0.99 quantile");
    for (long seed = 1; seed <= 5; seed++) {
      OodVerdict v = c.verdict(List.of(PixelFeatures.of(SmoothNoise.of(seed, 96))));
      assertTrue(v.flagged(), "smooth noise " + seed + ": " + v.scores());
    }
  }

  @Test
  void perFeatureQuantileSplitsTheMissRateOverTheFeatures() {
    assertEquals(0.99, OodCheck.perFeatureQuantile(0.99, 1), 1e-12);
    assertEquals(0.995, OodCheck.perFeatureQuantile(0.99, 2), 1e-12);
  }

  @Test
  void theFileRoundTrips() throws Exception {
    OodCheck c = sceneCheck();
    assertEquals(Optional.empty(), OodCheck.load(dir));
    c.save(dir);
    OodCheck back = OodCheck.load(dir).orElseThrow();
    assertEquals(OodFeature.PIXELS, back.components().get(0).feature());
    assertEquals(c.components().get(0).threshold(), back.components().get(0).threshold(), 1e-12);
    assertEquals(5L, ((Number) back.facts().get("seed")).longValue());
    List<double[]> x = List.of(PixelFeatures.of(SmoothNoise.of(9, 64)));
    double d = c.verdict(x).scores().get(0).distance();
    assertEquals(d, back.verdict(x).scores().get(0).distance(), 1e-3 * d);
  }

  @Test
  void aCorruptFileIsRefusedWithItsName() throws Exception {
    java.nio.file.Files.writeString(dir.resolve(OodCheck.FILE), "{\"prompt\":\"<OD>\"}");
    Exception e = assertThrows(java.io.IOException.class, () -> OodCheck.load(dir));
    assertTrue(e.getMessage().contains(OodCheck.FILE) && e.getMessage().contains("features"), e.getMessage());
  }

  @Test
  void caveatedAnswersCarryTheCaveatAndCappedConfidences() {
    OodCheck c = sceneCheck();
    Boxes b = c.caveated(new Boxes(List.of(new Boxes.Box("red square", 1, 2, 3, 4, 0.9),
        new Boxes.Box("blue circle", 1, 2, 3, 4, 0.1))));
    assertEquals(Optional.of(OodCheck.CAVEAT), b.caveat());
    assertEquals(0.2, b.boxes().get(0).confidence());
    assertEquals(0.1, b.boxes().get(1).confidence());
    Label l = c.caveated(new Label("five", 0.8));
    assertEquals(0.2, l.confidence());
    assertTrue(l.caveat().isPresent());
    Caption cap = c.caveated(new Caption("a blue triangle", 0.58));
    assertEquals(0.2, cap.confidence());
    assertEquals(Optional.of(OodCheck.CAVEAT), cap.caveat());
    assertFalse(new Caption("a blue triangle", 0.58).caveat().isPresent());
  }
}
