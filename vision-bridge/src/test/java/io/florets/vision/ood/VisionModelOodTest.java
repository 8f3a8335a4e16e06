package io.florets.vision.ood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.florets.prompt.facade.Florets;
import io.florets.prompt.readout.Boxes;
import io.florets.prompt.readout.Caption;
import io.florets.prompt.task.Tasks;
import io.florets.vision.data.Digits;
import io.florets.vision.data.SceneConfig;
import io.florets.vision.data.SceneGenerator;
import io.florets.vision.data.VisionSources;
import io.florets.vision.image.RasterImage;
import io.florets.vision.model.VisionModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped vision model's out-of-distribution check, through the model and the facade. */
class VisionModelOodTest {
  @TempDir
  static Path dir;
  @TempDir
  static Path bare;

  private static VisionModel checked;
  private static VisionModel unchecked;

  @BeforeAll
  static void load() throws Exception {
    assumeTrue(VisionModel.hasDefaultModel(), "no shipped vision model on the class path");
    VisionModel.exportDefaultModel(dir);
    checked = VisionModel.load(dir);
    VisionModel.exportDefaultModel(bare);
    Files.delete(bare.resolve(OodCheck.FILE));
    unchecked = VisionModel.load(bare);
  }

  @AfterAll
  static void close() {
    if (checked != null) {
      checked.close();
      unchecked.close();
    }
  }

  @Test
  void theShippedModelCarriesACheckOfBothFeatures() {
    OodCheck c = checked.oodCheck().orElseThrow();
    assertEquals(List.of(OodFeature.ENCODER, OodFeature.PIXELS),
        c.components().stream().map(OodCheck.Component::feature).toList());
    assertEquals(0.99, c.quantile());
    assertFalse(unchecked.oodCheck().isPresent());
    assertThrows(IllegalStateException.class, () -> unchecked.check(SmoothNoise.of(1, 64)));
  }

  @Test
  void aCheckFittedOnOtherWeightsIsRefused(@TempDir Path other) throws Exception {
    VisionModel.exportDefaultModel(other);
    OodCheck c = OodCheck.load(other).orElseThrow();
    assertTrue(c.facts().containsKey(OodCheck.PARAMETERS_HASH), c.facts().toString());
    c.withFact(OodCheck.PARAMETERS_HASH, "0".repeat(64)).save(other);
    java.io.IOException e = assertThrows(java.io.IOException.class, () -> VisionModel.load(other));
    assertTrue(e.getMessage().contains(OodCheck.FILE) && e.getMessage().contains("other weights"), e.getMessage());
  }

  @Test
  void inDistributionScenesAreRarelyFlaggedAndAnswersAboutThemAreUnchanged() {
    // a seed neither training (1), evaluation (99) nor calibration (2027) used
    SceneGenerator g = SceneGenerator.of(SceneConfig.DEFAULT, 31);
    List<RasterImage> scenes = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      scenes.add(g.scene(i).image());
    }
    List<RasterImage> kept = new java.util.ArrayList<>();
    List<OodVerdict> verdicts = checked.checkAll(scenes);
    for (int i = 0; i < scenes.size(); i++) {
      if (!verdicts.get(i).flagged()) {
        kept.add(scenes.get(i));
      }
    }
    assertTrue(kept.size() >= 17, (20 - kept.size()) + " of 20 fresh scenes flagged");
    List<RasterImage> some = kept.subList(0, 3);
    assertEquals(unchecked.askAll(some, Tasks.OD.prompt()), checked.askAll(some, Tasks.OD.prompt()));
    Caption c = checked.ask(some.get(0), Tasks.IMAGE_CAPTION);
    assertEquals(unchecked.ask(some.get(0), Tasks.IMAGE_CAPTION), c);
    assertFalse(c.caveat().isPresent());
  }

  @Test
  void aSmoothNoisePictureIsFlaggedAndItsAnswersSaySo() throws Exception {
    RasterImage noise = SmoothNoise.of(4, 128);
    assertTrue(checked.check(noise).flagged(), checked.check(noise).scores().toString());
    double cap = checked.oodCheck().orElseThrow().confidenceCap();
    Boxes b = checked.ask(noise, Tasks.OD);
    assertEquals(Optional.of(OodCheck.CAVEAT), b.caveat());
    b.boxes().forEach(x -> assertTrue(x.confidence() <= cap, x.toString()));
    try (io.florets.prompt.facade.Florets f = Florets.load(dir)) {
      Caption c = f.ask(noise, Tasks.IMAGE_CAPTION);
      assertEquals(Optional.of(OodCheck.CAVEAT), c.caveat());
      assertTrue(c.confidence() <= cap, c.toString());
    }
  }

  @Test
  void calibrationOnFewGeneratedImagesFlagsFewOfThem() throws Exception {
    Path file;
    try {
      file = VisionSources.digitsFile();
    } catch (java.io.IOException e) {
      assumeTrue(false, "no shared digits data: " + e.getMessage());
      return;
    }
    Digits digits = Digits.read(file);
    OodCalibration.Result r = OodCalibration.run(checked.engine(), "<OD>", Tasks.OD.prompt().tokens(checked.vocabulary()),
        List.of(OodFeature.ENCODER, OodFeature.PIXELS), digits, 5, 240, 0.95, 0.2, "test");
    assertEquals(120, r.fitImages());
    assertEquals(60, r.thresholdImages());
    assertEquals(60, r.checkImages());
    assertTrue(r.checkFlagged() <= 0.2, "flagged " + r.checkFlagged());
    assertTrue(r.check().verdict(List.of(EncoderFeatures.of(checked.engine(),
        Tasks.OD.prompt().tokens(checked.vocabulary()), List.of(SmoothNoise.of(2, 96)))[0],
        PixelFeatures.of(SmoothNoise.of(2, 96)))).flagged());
    assertThrows(IllegalArgumentException.class, () -> OodCalibration.images(digits, 99, 60));
  }
}
