package io.florets.vision.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoxPainterTest {
  @Test
  void drawsTheOutlineAtTheScaledBoxAndLeavesTheRest() {
    RasterImage img = RasterImage.filled(64, 32, 0f, 0f, 0f);
    BufferedImage out = BoxPainter.paint(img, List.of(new BoxPainter.Drawn("red circle", 16, 8, 32, 24, 0.9)));
    assertEquals(512, out.getWidth()); // enlarged 8x so the shorter side reaches 256
    assertEquals(256, out.getHeight());
    assertNotEquals(0, out.getRGB(16 * 8, 20 * 8) & 0xffffff, "left edge drawn");
    assertNotEquals(0, out.getRGB(24 * 8, 24 * 8) & 0xffffff, "bottom edge drawn");
    assertEquals(0, out.getRGB(24 * 8, 16 * 8) & 0xffffff, "inside untouched");
    assertEquals(0, out.getRGB(500, 250) & 0xffffff, "outside untouched");
  }
}
