package io.florets.vision.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.florets.engine.train.TrainingBatch;
import io.florets.engine.train.TrainingListener;
import io.florets.prompt.readout.Boxes;
import io.florets.prompt.readout.Caption;
import io.florets.prompt.readout.Label;
import io.florets.prompt.readout.Readout;
import io.florets.prompt.task.Prompt;
import io.florets.prompt.task.Tasks;
import io.florets.vision.data.Digits;
import io.florets.vision.data.SceneConfig;
import io.florets.vision.data.SceneGenerator;
import io.florets.vision.image.RasterImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VisionModelTest {
  private static Digits digits;

  @TempDir
  Path tmp;

  @BeforeAll
  static void readDigits() throws Exception {
    String data = System.getProperty("florets.shared.data");
    Path p = data == null ? null : Path.of(data, "images", "digits.csv.gz");
    assumeTrue(p != null && Files.isRegularFile(p), "shared digits data absent");
    digits = Digits.read(p);
  }

  @Test
  void batchesAreAFunctionOfTheStepAndHoldEveryImageTask() {
    VisionRecipe r = VisionRecipe.tiny(10);
    VisionBatchSource s = new VisionBatchSource(r, VisionVocabulary.build(), digits);
    TrainingBatch<RasterImage> a = s.batch(3);
    TrainingBatch<RasterImage> b = s.batch(3);
    assertEquals(a.inputs(), b.inputs());
    assertTrue(java.util.Arrays.deepEquals(a.targets(), b.targets()));
    java.util.Set<Integer> firstPromptTokens = new java.util.HashSet<>();
    for (int step = 0; step < 40; step++) {
      for (int[] p : s.batch(step).prompts()) {
        firstPromptTokens.add(p[0]);
      }
    }
    assertEquals(6, firstPromptTokens.size(), "six image task tokens drawn: " + firstPromptTokens);
    // a digit (no boxes) trains <CLASSIFY> only, never an empty <OD>
    io.florets.vision.data.ImageExample digit = io.florets.vision.data.ImageExample.of(digits.train().get(0));
    assertEquals(List.of(Tasks.IMAGE_CLASSIFY), s.pairsWithTruth(digit).stream().map(p -> p.prompt().task()).toList());
  }

  @Test
  void aTaskWeightRaisesThatTaskShareOfTheRowsAndAWrongTaskIsRefused() {
    VisionRecipe plain = VisionRecipe.tiny(10).withShares(1.0, 0.0);
    VisionRecipe captions = plain.withTaskWeights(java.util.Map.of("IMAGE_CAPTION", 6.0));
    int captionToken = VisionVocabulary.build().id(Tasks.IMAGE_CAPTION.token());
    int[] counts = new int[2];
    VisionRecipe[] recipes = {plain, captions};
    for (int k = 0; k < 2; k++) {
      VisionBatchSource s = new VisionBatchSource(recipes[k], VisionVocabulary.build(), digits);
      for (int step = 0; step < 60; step++) {
        for (int[] p : s.batch(step).prompts()) {
          counts[k] += p[0] == captionToken ? 1 : 0;
        }
      }
    }
    assertTrue(counts[1] > 2 * counts[0], "caption rows " + counts[0] + " -> " + counts[1]);
    assertTrue(captions.toJson().contains("\"taskWeights\":{\"IMAGE_CAPTION\":6.0,\"OD\":6.0}"), captions.toJson());
    assertThrows(IllegalArgumentException.class, () -> plain.withTaskWeights(java.util.Map.of("EVENTS", 2.0)));
    assertThrows(IllegalArgumentException.class, () -> plain.withTaskWeights(java.util.Map.of("OD", 0.0)));
  }

  @Test
  void aDigitFocusPhaseDrawsMostlyDigitsThenTheRecipeMix() {
    VisionRecipe r = VisionRecipe.tiny(100).withShares(0.5, 0.3).withDigitFocus(20, 0.9);
    assertEquals(0.9, r.digitShareAt(19));
    assertEquals(0.1 * 0.5 / 0.7, r.sceneShareAt(0), 1e-12); // scenes : canvases stays 5 : 2
    assertEquals(0.3, r.digitShareAt(20));
    assertEquals(0.5, r.sceneShareAt(20));
    assertThrows(IllegalArgumentException.class, () -> r.withDigitFocus(-1, 0.5));
    assertThrows(IllegalArgumentException.class, () -> r.withDigitFocus(10, 1.5));
    VisionBatchSource s = new VisionBatchSource(r.withBatchSize(50), VisionVocabulary.build(), digits);
    int classify = Tasks.IMAGE_CLASSIFY.prompt().tokens(VisionVocabulary.build())[0];
    int inFocus = 0;
    int after = 0;
    for (int step = 0; step < 4; step++) {
      for (int[] p : s.batch(step).prompts()) {
        inFocus += p[0] == classify ? 1 : 0;
      }
      for (int[] p : s.batch(40 + step).prompts()) {
        after += p[0] == classify ? 1 : 0;
      }
    }
    // 200 rows each: ~180 digits in focus; ~60 digits (+ a few scene/canvas <CLASSIFY>-free rows) after
    assertTrue(inFocus > 160, "digit rows in the focus phase: " + inFocus);
    assertTrue(after < 100, "digit rows after it: " + after);
  }

  @Test
  void trainingLowersTheLossAndEveryAnswerParses() throws Exception {
    List<Double> losses = new ArrayList<>();
    VisionTraining.Result res = VisionTraining.train(VisionRecipe.tiny(40), digits, new TrainingListener() {
      @Override
      public void onStep(StepMetrics m) {
        losses.add(m.loss());
      }
    }, null);
    try (VisionModel m = res.model()) {
      assertEquals(40, losses.size());
      double first = (losses.get(0) + losses.get(1) + losses.get(2)) / 3;
      double last = (losses.get(37) + losses.get(38) + losses.get(39)) / 3;
      assertTrue(last < 0.8 * first, "loss " + first + " -> " + last);

      RasterImage wide = SceneGenerator.of(SceneConfig.DEFAULT, 5).scene(1).image();
      List<Prompt<?>> prompts = List.of(Tasks.OD.prompt(), Tasks.IMAGE_CAPTION.prompt(),
          Tasks.IMAGE_DETAILED_CAPTION.prompt(), Tasks.IMAGE_CLASSIFY.prompt(),
          Prompt.regionToCategoryPixels(4, 4, 30, 30, 64, 64), Prompt.phraseGrounding("red circle"));
      for (Prompt<?> p : prompts) {
        Readout r = m.ask(wide, p);
        assertEquals(p.task().readoutType(), r.getClass(), p.toString());
      }
      Label l = m.ask(digits.test().get(0).image(), Tasks.IMAGE_CLASSIFY.prompt());
      assertTrue(Digits.classWords().contains(l.name()), l.name());
      // boxes come back in the pixels of a non-square image of any size
      RasterImage odd = io.florets.vision.image.Resize.to(wide, 150, 40);
      for (Boxes.Box b : m.ask(odd, Tasks.OD.prompt()).boxes()) {
        assertTrue(b.x2() <= 150 && b.y2() <= 40, b.toString());
      }
      Caption c = (Caption) m.ask(wide, "<CAPTION>");
      assertTrue(c.confidence() > 0 && c.confidence() <= 1);
      assertThrows(IllegalArgumentException.class, () -> m.ask(wide, "<EVENTS>"));

      Path dir = tmp.resolve("model");
      res.save(dir);
      try (VisionModel back = VisionModel.load(dir)) {
        assertEquals(m.ask(wide, Tasks.OD.prompt()), back.ask(wide, Tasks.OD.prompt()));
      }
      assertTrue(VisionModel.provenance(dir).dataHash().contains("digits-train"));
      Files.delete(dir.resolve("vision.json"));
      assertThrows(java.io.IOException.class, () -> VisionModel.load(dir));
    }
  }

  @Test
  void trainingContinuesAGivenModelAndRefusesOneOfAnotherShape() throws Exception {
    List<Double> fresh = new ArrayList<>();
    VisionTraining.Result first = VisionTraining.train(VisionRecipe.tiny(40), digits, recorder(fresh), null);
    List<Double> continued = new ArrayList<>();
    try (VisionModel start = first.model()) {
      VisionTraining.Result more = VisionTraining.train(VisionRecipe.tiny(10), start, "the 40-step model", digits,
          recorder(continued), null, null, 0);
      assertEquals(10, continued.size());
      // the continued run starts from the trained weights, not from a fresh model's loss
      double freshStart = (fresh.get(0) + fresh.get(1) + fresh.get(2)) / 3;
      double continuedStart = (continued.get(0) + continued.get(1) + continued.get(2)) / 3;
      assertTrue(continuedStart < 0.9 * freshStart, "loss at the start " + continuedStart + " against a fresh "
          + "model's " + freshStart);
      assertTrue(more.provenance().trainConfig().contains("init=the 40-step model"),
          more.provenance().trainConfig());
      Path dir = tmp.resolve("continued");
      more.save(dir);
      try (VisionModel back = VisionModel.load(dir)) {
        assertTrue(VisionModel.provenance(dir).trainConfig().contains("init=the 40-step model"));
        assertTrue(Files.readString(dir.resolve("vision.json")).contains("\"steps\":10"));
      }
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> VisionTraining.train(VisionRecipe.small(5), start, null, digits, null, null, null, 0));
      assertTrue(e.getMessage().contains("does not fit"), e.getMessage());
    }
  }

  private static TrainingListener recorder(List<Double> losses) {
    return new TrainingListener() {
      @Override
      public void onStep(StepMetrics m) {
        losses.add(m.loss());
      }
    };
  }
}
