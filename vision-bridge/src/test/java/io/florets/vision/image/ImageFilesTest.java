package io.florets.vision.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFilesTest {
  @TempDir
  Path tmp;

  @Test
  void pngRoundTripKeepsEightBitPixels() throws Exception {
    float[] px = new float[3 * 5 * 4];
    for (int i = 0; i < px.length; i++) {
      px[i] = Math.round((i * 37 % 256)) / 255f;
    }
    RasterImage img = RasterImage.of(5, 4, 3, px);
    Path f = tmp.resolve("a.png");
    ImageFiles.writePng(img, f);
    RasterImage back = ImageFiles.read(f);
    assertEquals(3, back.channels());
    assertArrayEquals(img.toChw(), back.toChw(), 1e-6f);
  }

  @Test
  void corruptAndMissingFilesGiveTheCheckedException() throws Exception {
    Path bad = tmp.resolve("bad.png");
    Files.writeString(bad, "not an image");
    ImageReadException e = assertThrows(ImageReadException.class, () -> ImageFiles.read(bad));
    assertTrue(e.getMessage().contains("bad.png"), e.getMessage());
    assertThrows(ImageReadException.class, () -> ImageFiles.read(tmp.resolve("missing.png")));
  }

  @Test
  void readsSharedGreyAndColourPictures() throws Exception {
    String data = System.getProperty("florets.shared.data");
    assumeTrue(data != null && Files.isDirectory(Path.of(data, "images", "skimage")), "shared data absent");
    RasterImage coins = ImageFiles.read(Path.of(data, "images", "skimage", "coins.png"));
    assertEquals(1, coins.channels());
    assertEquals(384, coins.width());
    assertEquals(303, coins.height());
    RasterImage chelsea = ImageFiles.read(Path.of(data, "images", "skimage", "chelsea.png"));
    assertEquals(3, chelsea.channels());
    RasterImage china = ImageFiles.read(Path.of(data, "images", "china.jpg"));
    assertEquals(3, china.channels());
    float[] norm = Normalisation.CENTRED.apply(Resize.square(coins, 64));
    assertEquals(3 * 64 * 64, norm.length);
  }
}
