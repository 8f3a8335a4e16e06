package io.florets.vision.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.vision.data.BoxTarget;
import io.florets.vision.data.CountCaptions;
import io.florets.vision.data.Scene;
import io.florets.vision.data.SceneConfig;
import io.florets.vision.data.SceneGenerator;
import io.florets.vision.data.SceneObject;
import io.florets.vision.data.ShapeKind;
import io.florets.vision.image.RasterImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlobLabelerTest {
  private final List<Scene> scenes = SceneGenerator.of(SceneConfig.DEFAULT, 21).generate(300);

  @Test
  void blobBoxesMatchTruthBoxes() {
    int truth = 0;
    int matched = 0;
    int shapeRight = 0;
    int colourRight = 0;
    double iouSum = 0;
    for (Scene s : scenes) {
      List<Blob> blobs = BlobLabeler.DEFAULT.label(s.image());
      for (SceneObject o : s.objects()) {
        truth++;
        Blob best = null;
        double bestIou = 0;
        for (Blob b : blobs) {
          double iou = b.box().iou(o.box());
          if (iou > bestIou) {
            bestIou = iou;
            best = b;
          }
        }
        if (best != null && bestIou >= 0.5) {
          matched++;
          iouSum += bestIou;
          shapeRight += best.shape() == o.shape() ? 1 : 0;
          colourRight += best.colour() == o.colour() ? 1 : 0;
        }
      }
    }
    assertTrue(matched >= 0.97 * truth, matched + " of " + truth + " truth boxes matched at IoU 0.5");
    assertTrue(iouSum / matched > 0.95, "mean IoU " + iouSum / matched);
    assertTrue(colourRight >= 0.99 * matched, "colour right " + colourRight + " of " + matched);
    assertTrue(shapeRight >= 0.85 * matched, "shape right " + shapeRight + " of " + matched);
  }

  @Test
  void captionCountsMatchTruthOnMostScenes() {
    CaptionLabeler cap = new CaptionLabeler(BlobLabeler.DEFAULT);
    int same = 0;
    for (Scene s : scenes) {
      if (CountCaptions.parseCounts(cap.caption(s.image())).equals(CountCaptions.counts(s.objects()))) {
        same++;
      }
    }
    assertTrue(same >= 0.8 * scenes.size(), same + " of " + scenes.size() + " captions count right");
  }

  @Test
  void handDrawnShapesAreClassified() {
    assertEquals(ShapeKind.SQUARE, BlobLabeler.classify(1.0, new int[] {5, 5, 5, 5, 5}));
    assertEquals(ShapeKind.CIRCLE, BlobLabeler.classify(0.78, new int[] {3, 5, 5, 5, 3}));
    assertEquals(ShapeKind.TRIANGLE, BlobLabeler.classify(0.5, new int[] {1, 3, 5, 7, 9, 11, 13}));
    assertEquals(ShapeKind.DIAMOND, BlobLabeler.classify(0.5, new int[] {1, 5, 9, 13, 9, 5, 1}));
  }

  @Test
  void greyImagesAndDominantColours() {
    assertEquals(List.of(), BlobLabeler.DEFAULT.label(RasterImage.filled(8, 8, 0.5f)));
    Scene s = scenes.get(0);
    List<ColourStats.Share> shares = ColourStats.dominant(s.image(), 0.3, 0.001);
    assertTrue(!shares.isEmpty());
    assertTrue(s.objects().stream().anyMatch(o -> o.colour() == shares.get(0).colour()));
    BoxTarget b = new BoxTarget("x", 0, 0, 2, 2);
    assertEquals(1.0 / 7, b.iou(new BoxTarget("x", 1, 1, 3, 3)), 1e-12);
  }
}
