package io.florets.vision.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SceneGeneratorTest {
  private final SceneGenerator gen = SceneGenerator.of(SceneConfig.DEFAULT, 3);

  @Test
  void sameSeedSameScene() {
    assertEquals(gen.scene(17), SceneGenerator.of(SceneConfig.DEFAULT, 3).scene(17));
    assertTrue(!gen.scene(17).equals(SceneGenerator.of(SceneConfig.DEFAULT, 4).scene(17)));
  }

  @Test
  void truthBoxesHoldTheirShapesColouredPixels() {
    for (Scene s : gen.generate(200)) {
      assertTrue(s.objects().size() >= 1 && s.objects().size() <= 4, s.toString());
      for (SceneObject o : s.objects()) {
        BoxTarget b = o.box();
        assertTrue(b.x2() <= 64 && b.y2() <= 64 && b.area() >= 12, b.toString());
        assertTrue(o.visiblePixels() <= b.area(), o.toString());
        // the four edges of the box each touch a pixel of the shape's colour
        float[] rgb = o.colour().rgb();
        assertTrue(close(s, (int) b.x1(), (int) b.y1(), (int) b.x2(), (int) b.y2(), rgb), o.toString());
      }
      List<BoxTarget> boxes = s.boxes();
      for (int i = 1; i < boxes.size(); i++) {
        assertTrue(Scene.READING_ORDER.compare(boxes.get(i - 1), boxes.get(i)) <= 0);
      }
    }
  }

  @Test
  void captionsCountShapesAndParseBack() {
    for (Scene s : gen.generate(100)) {
      Map<String, Integer> truth = CountCaptions.counts(s.objects());
      assertEquals(truth, CountCaptions.parseCounts(s.caption()), s.caption());
      assertEquals(truth, CountCaptions.parseCounts(s.detailedCaption()), s.detailedCaption());
      assertEquals(s.objects().size(), truth.values().stream().mapToInt(Integer::intValue).sum());
    }
    assertEquals(Map.of("red circle", 2, "blue square", 1),
        CountCaptions.parseCounts("two red circles and a blue square"));
    assertEquals("an orange circle and two blue squares", CountCaptions.caption(Map.of("orange circle", 1,
        "blue square", 2)).replace("two blue squares and an orange circle", "an orange circle and two blue squares"));
    assertEquals(Map.of("orange circle", 1), CountCaptions.parseCounts("an orange circle"));
  }

  @Test
  void everyBackgroundAndShapeOccurs() {
    java.util.EnumSet<Background> bgs = java.util.EnumSet.noneOf(Background.class);
    java.util.EnumSet<ShapeKind> shapes = java.util.EnumSet.noneOf(ShapeKind.class);
    boolean overlap = false;
    for (Scene s : gen.generate(200)) {
      bgs.add(s.background());
      for (SceneObject o : s.objects()) {
        shapes.add(o.shape());
        for (SceneObject p : s.objects()) {
          overlap |= o != p && o.box().iou(p.box()) > 0;
        }
      }
    }
    assertEquals(java.util.EnumSet.allOf(Background.class), bgs);
    assertEquals(java.util.EnumSet.allOf(ShapeKind.class), shapes);
    assertTrue(overlap, "some shapes overlap");
  }

  private static boolean close(Scene s, int x1, int y1, int x2, int y2, float[] rgb) {
    boolean left = false;
    boolean right = false;
    boolean top = false;
    boolean bottom = false;
    for (int y = y1; y < y2; y++) {
      left |= near(s, x1, y, rgb);
      right |= near(s, x2 - 1, y, rgb);
    }
    for (int x = x1; x < x2; x++) {
      top |= near(s, x, y1, rgb);
      bottom |= near(s, x, y2 - 1, rgb);
    }
    return left && right && top && bottom;
  }

  private static boolean near(Scene s, int x, int y, float[] rgb) {
    double d = 0;
    for (int c = 0; c < 3; c++) {
      d = Math.max(d, Math.abs(s.image().get(c, x, y) - rgb[c]));
    }
    return d <= 0.09;
  }
}
