package io.florets.vision.frontend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import io.florets.engine.FrontEndBatch;
import io.florets.engine.nn.FrontEndBlock;
import io.florets.vision.data.SceneConfig;
import io.florets.vision.data.SceneGenerator;
import io.florets.vision.image.RasterImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageFrontEndTest {
  private final ImageFrontEnd fe = ImageFrontEnd.of(new ImageFrontEndConfig(16, 32, 4, 8));

  @Test
  void preparesResizedNormalisedPixelsAndOriginalExtent() {
    RasterImage grey = RasterImage.filled(50, 30, 0.75f);
    FrontEndBatch b = fe.prepare(List.of(grey, SceneGenerator.of(SceneConfig.DEFAULT, 1).scene(0).image()));
    assertArrayEquals(new long[] {2, 3, 32, 32}, b.tensors().get(0).shape());
    assertArrayEquals(new int[] {50, 30}, b.mappings().get(0).extent());
    assertArrayEquals(new int[] {64, 64}, b.mappings().get(1).extent());
    assertEquals((0.75f - 0.5f) / 0.25f, b.tensors().get(0).data()[5], 1e-5);
    assertEquals((0.75f - 0.5f) / 0.25f, b.tensors().get(0).data()[2 * 32 * 32 + 7], 1e-5);
    assertThrows(IllegalArgumentException.class, () -> fe.prepare(List.of()));
    assertThrows(IllegalArgumentException.class, () -> new ImageFrontEndConfig(15, 32, 4, 8));
    assertThrows(IllegalArgumentException.class, () -> new ImageFrontEndConfig(16, 36, 4, 8));
  }

  @Test
  void blockMakesGridTokensPlusPooledTokenThatDependOnPosition() {
    try (NDManager m = NDManager.newBaseManager()) {
      FrontEndBlock block = fe.createBlock();
      block.initialize(m, DataType.FLOAT32);
      RasterImage a = RasterImage.filled(32, 32, 0.2f, 0.2f, 0.2f);
      float[] px = a.toChw();
      px[3 * 32 + 3] = 1f; // one bright pixel in the top-left corner
      RasterImage b = RasterImage.of(32, 32, 3, px);
      try (NDManager step = m.newSubManager()) {
        NDList out = block.embed(fe.prepare(List.of(a, b)).toNDList(step), false);
        NDArray tokens = out.get(0);
        assertArrayEquals(new long[] {2, 1 + 16, 16}, tokens.getShape().getShape());
        assertArrayEquals(new long[] {2, 17}, out.get(1).getShape().getShape());
        assertEquals(34f, out.get(1).sum().getFloat(), 0f);
        float[] t = tokens.toFloatArray();
        // a flat image: grid tokens differ only by their 2-D position embedding
        int d = 16;
        boolean differ = false;
        for (int k = 0; k < d; k++) {
          differ |= Math.abs(t[(1 + 0) * d + k] - t[(1 + 15) * d + k]) > 1e-6;
        }
        assertTrue(differ, "positions distinguish grid cells");
        // the bright pixel changes the top-left token of image b, not the bottom-right one
        double changedTopLeft = 0;
        double changedBottomRight = 0;
        int off = 17 * d;
        for (int k = 0; k < d; k++) {
          changedTopLeft += Math.abs(t[off + d + k] - t[d + k]);
          changedBottomRight += Math.abs(t[off + 16 * d + k] - t[16 * d + k]);
        }
        assertTrue(changedTopLeft > 1e-4, "top-left token sees the pixel");
        assertEquals(0.0, changedBottomRight, 1e-5);
      }
    }
  }
}
