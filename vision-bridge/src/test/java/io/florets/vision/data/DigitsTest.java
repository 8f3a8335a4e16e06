package io.florets.vision.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.florets.vision.image.RasterImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigitsTest {
  @TempDir
  Path tmp;

  static Path digitsFile() {
    String data = System.getProperty("florets.shared.data");
    Path p = data == null ? null : Path.of(data, "images", "digits.csv.gz");
    assumeTrue(p != null && Files.isRegularFile(p), "shared digits data absent");
    return p;
  }

  @Test
  void fixedSplitIsStratifiedAndDisjoint() throws Exception {
    Digits d = Digits.read(digitsFile());
    assertEquals(1797, d.all().size());
    assertEquals(1442, d.train().size());
    assertEquals(355, d.test().size());
    int[] perClass = new int[10];
    for (Digits.Digit x : d.test()) {
      perClass[x.label()]++;
    }
    for (int c = 0; c < 10; c++) {
      assertTrue(perClass[c] >= 34 && perClass[c] <= 36, "class " + c + ": " + perClass[c]);
    }
    assertEquals(0, d.all().get(0).label());
  }

  @Test
  void canvasBoxesHoldInkAndComeFromThePool() throws Exception {
    Digits d = Digits.read(digitsFile());
    List<Digits.Digit> pool = d.test();
    DigitCanvas dc = DigitCanvas.of(pool, 64, 5);
    for (int i = 0; i < 50; i++) {
      DigitCanvas.Canvas c = dc.canvas(i);
      assertTrue(!c.boxes().isEmpty() && c.boxes().size() <= 4);
      RasterImage img = c.image();
      for (BoxTarget b : c.boxes()) {
        assertTrue(Digits.classWords().contains(b.label()));
        assertTrue(b.x2() - b.x1() >= 3 && b.x2() - b.x1() <= 20 && b.y2() - b.y1() <= 20, b.toString());
        float max = 0;
        for (int y = (int) b.y1(); y < b.y2(); y++) {
          for (int x = (int) b.x1(); x < b.x2(); x++) {
            max = Math.max(max, img.get(0, x, y));
          }
        }
        assertTrue(max > 0.5f, "ink in " + b);
        for (BoxTarget o : c.boxes()) {
          assertTrue(o == b || o.iou(b) == 0, "digits do not overlap");
        }
      }
    }
  }

  @Test
  void malformedRowNamesLineAndColumn() throws Exception {
    Path f = tmp.resolve("d.csv");
    String ok = "0,".repeat(64) + "3";
    Files.writeString(f, ok + "\n" + "0,".repeat(10) + "x," + "0,".repeat(53) + "3\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Digits.read(f));
    assertTrue(e.getMessage().contains(":2:") && e.getMessage().contains("column 11"), e.getMessage());
  }
}
