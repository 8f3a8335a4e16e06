package io.florets.vision.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.florets.datasets.Window;
import io.florets.prompt.facade.Florets;
import io.florets.prompt.facade.bundle.BundleException;
import io.florets.prompt.readout.Boxes;
import io.florets.prompt.readout.Caption;
import io.florets.prompt.readout.Label;
import io.florets.prompt.readout.Readout;
import io.florets.prompt.task.Tasks;
import io.florets.vision.data.Digits;
import io.florets.vision.data.SceneConfig;
import io.florets.vision.data.SceneGenerator;
import io.florets.vision.image.RasterImage;
import io.florets.vision.image.Resize;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped vision model served by the one {@link Florets} facade, opened through the folder SPI. */
class FloretsImageTest {
  @TempDir
  static Path dir;

  private static Florets florets;

  @BeforeAll
  static void openShippedModelThroughTheFacade() throws Exception {
    assumeTrue(VisionModel.hasDefaultModel(), "no shipped vision model on the class path");
    VisionModel.exportDefaultModel(dir);
    florets = Florets.load(dir);
  }

  @AfterAll
  static void close() {
    if (florets != null) {
      florets.close();
    }
  }

  @Test
  void loadRecognisesTheVisionFolderAndTakesImages() {
    assertTrue(new VisionModelFolderLoader().recognises(dir));
    assertEquals(RasterImage.class, florets.inputType());
    assertThrows(IllegalStateException.class, florets::bundle);
  }

  @Test
  void odAndClassifyOnAnImageParseInPixelsOfThatImage() {
    RasterImage scene = SceneGenerator.of(SceneConfig.DEFAULT, 5).scene(0).image();
    RasterImage wide = Resize.to(scene, 160, 96); // answers come back in this image's pixels
    Boxes boxes = florets.ask(wide, Tasks.OD);
    for (Boxes.Box b : boxes.boxes()) {
      assertTrue(b.x1() >= 0 && b.x2() <= 160 && b.x1() <= b.x2(), "x in the 160-px frame: " + b);
      assertTrue(b.y1() >= 0 && b.y2() <= 96 && b.y1() <= b.y2(), "y in the 96-px frame: " + b);
      assertTrue(b.confidence() > 0 && b.confidence() <= 1, "confidence of " + b);
    }
    Label byTask = florets.ask(scene, Tasks.IMAGE_CLASSIFY);
    assertTrue(Digits.classWords().contains(byTask.name()), "a class name of the model: " + byTask);
    // the series task of the same token is asked as its image counterpart
    assertEquals(byTask.name(), florets.ask(scene, Tasks.CLASSIFY).name());
    Readout byText = florets.ask(scene, "<CLASSIFY>");
    assertEquals(byTask.name(), ((Label) byText).name());
    Caption c = florets.ask(scene, Tasks.IMAGE_CAPTION);
    assertFalse(c.text().isBlank());
  }

  @Test
  void askEachAnswersInInputOrderLikeSingleAsks() {
    SceneGenerator g = SceneGenerator.of(SceneConfig.DEFAULT, 6);
    List<RasterImage> images = List.of(g.scene(0).image(), g.scene(1).image());
    List<Boxes> both = florets.askEach(images, Tasks.OD.prompt());
    assertEquals(2, both.size());
    Boxes alone = florets.ask(images.get(1), Tasks.OD);
    assertEquals(alone.boxes().size(), both.get(1).boxes().size());
    for (int i = 0; i < alone.boxes().size(); i++) {
      Boxes.Box a = alone.boxes().get(i);
      Boxes.Box b = both.get(1).boxes().get(i);
      assertEquals(a.label(), b.label());
      assertEquals(a.x1(), b.x1(), 1e-9);
      assertEquals(a.y2(), b.y2(), 1e-9);
      assertEquals(a.confidence(), b.confidence(), 1e-3);
    }
  }

  @Test
  void inputsAndTasksThatDoNotMatchTheFrontEndAreRejected() {
    RasterImage scene = SceneGenerator.of(SceneConfig.DEFAULT, 5).scene(0).image();
    IllegalArgumentException notImage = assertThrows(IllegalArgumentException.class,
        () -> florets.ask("coins.png", Tasks.OD));
    assertTrue(notImage.getMessage().contains("java.lang.String")
        && notImage.getMessage().contains(RasterImage.class.getName()), notImage.getMessage());
    IllegalArgumentException window = assertThrows(IllegalArgumentException.class,
        () -> florets.ask(Window.of(new float[] {1, 2, 3, 4}), Tasks.CLASSIFY));
    assertTrue(window.getMessage().contains(RasterImage.class.getName()), window.getMessage());
    IllegalArgumentException seriesTask = assertThrows(IllegalArgumentException.class,
        () -> florets.ask(scene, Tasks.EVENTS));
    assertTrue(seriesTask.getMessage().contains("series task"), seriesTask.getMessage());
  }

  @Test
  void aFolderWithoutVisionJsonIsNotTakenForAVisionModel(@TempDir Path empty) throws Exception {
    Files.writeString(empty.resolve("readme.txt"), "not a model");
    assertFalse(new VisionModelFolderLoader().recognises(empty));
    assertThrows(BundleException.class, () -> Florets.load(empty));
  }
}
