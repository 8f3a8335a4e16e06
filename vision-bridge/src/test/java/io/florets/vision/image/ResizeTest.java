package io.florets.vision.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ResizeTest {
  @Test
  void constantImageStaysConstant() {
    RasterImage img = RasterImage.filled(37, 23, 0.2f, 0.5f, 0.9f);
    RasterImage out = Resize.square(img, 64);
    assertEquals(64, out.width());
    assertEquals(64, out.height());
    for (int c = 0; c < 3; c++) {
      assertEquals(new float[] {0.2f, 0.5f, 0.9f}[c], out.get(c, 63, 0), 1e-6);
      assertEquals(new float[] {0.2f, 0.5f, 0.9f}[c], out.get(c, 10, 40), 1e-6);
    }
  }

  @Test
  void linearRampIsReproducedInTheInterior() {
    // cubic convolution reproduces linear functions exactly away from the edges
    int w = 16;
    float[] px = new float[w * 4];
    for (int y = 0; y < 4; y++) {
      for (int x = 0; x < w; x++) {
        px[y * w + x] = x / (float) w;
      }
    }
    RasterImage out = Resize.to(RasterImage.of(w, 4, 1, px), 2 * w, 4);
    for (int x = 6; x < 2 * w - 6; x++) {
      double src = (x + 0.5) / 2 - 0.5;
      assertEquals(src / w, out.get(0, x, 2), 1e-5, "column " + x);
    }
  }

  @Test
  void shrinkingAveragesACheckerboard() {
    int w = 64;
    float[] px = new float[w * w];
    for (int i = 0; i < px.length; i++) {
      px[i] = ((i % w) + (i / w)) % 2;
    }
    RasterImage out = Resize.square(RasterImage.of(w, w, 1, px), 8);
    for (int y = 1; y < 7; y++) {
      for (int x = 1; x < 7; x++) {
        assertEquals(0.5, out.get(0, x, y), 0.05);
      }
    }
  }

  @Test
  void kernelHasKeysValues() {
    assertEquals(1.0, Resize.cubic(0), 1e-12);
    assertEquals(0.0, Resize.cubic(1), 1e-12);
    assertEquals(0.0, Resize.cubic(2), 1e-12);
    assertEquals(0.5625, Resize.cubic(0.5), 1e-12);
    assertEquals(-0.0625, Resize.cubic(1.5), 1e-12);
  }

  @Test
  void rejectsBadSizes() {
    RasterImage img = RasterImage.filled(4, 4, 0.5f);
    assertThrows(IllegalArgumentException.class, () -> Resize.square(img, 0));
    assertThrows(IllegalArgumentException.class, () -> RasterImage.of(2, 2, 1, new float[] {0, 1, Float.NaN, 0}));
    assertThrows(IllegalArgumentException.class, () -> RasterImage.of(2, 2, 2, new float[8]));
  }
}
