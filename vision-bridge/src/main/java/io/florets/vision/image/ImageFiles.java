package io.florets.vision.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Reads PNG/JPEG files (anything {@link ImageIO} decodes) into {@link RasterImage}s and writes PNGs.
 * One-band (grey) files stay one channel; everything else becomes RGB (alpha dropped; an RGB file
 * whose bands happen to be equal stays RGB). Stateless and thread-safe.
 */
public final class ImageFiles {
  private ImageFiles() {
  }

  /**
   * Reads an image file.
   *
   * @throws ImageReadException if the file is missing, not an image, or cannot be decoded
   */
  public static RasterImage read(Path file) throws ImageReadException {
    if (!Files.isRegularFile(file)) {
      throw new ImageReadException("image file " + file + " does not exist or is not a file");
    }
    BufferedImage bi;
    try {
      bi = ImageIO.read(file.toFile());
    } catch (IOException | RuntimeException e) {
      throw new ImageReadException("image file " + file + " could not be decoded: " + e.getMessage(), e);
    }
    if (bi == null) {
      throw new ImageReadException("image file " + file + " is not in a format ImageIO can read (PNG, JPEG, GIF, BMP)");
    }
    return fromBuffered(bi);
  }

  /** Converts a decoded AWT image: one-band rasters stay grey, others become RGB (alpha dropped). */
  public static RasterImage fromBuffered(BufferedImage bi) {
    int w = bi.getWidth();
    int h = bi.getHeight();
    int bands = bi.getRaster().getNumBands();
    boolean grey = bands == 1 && bi.getColorModel().getNumColorComponents() == 1;
    if (grey) {
      float[] chw = new float[w * h];
      int bits = bi.getColorModel().getComponentSize(0);
      float max = (float) ((1L << bits) - 1);
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          chw[y * w + x] = Math.min(1f, bi.getRaster().getSample(x, y, 0) / max);
        }
      }
      return RasterImage.ofOwned(w, h, 1, chw);
    }
    float[] chw = new float[3 * w * h];
    int plane = w * h;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int rgb = bi.getRGB(x, y);
        chw[y * w + x] = ((rgb >> 16) & 0xff) / 255f;
        chw[plane + y * w + x] = ((rgb >> 8) & 0xff) / 255f;
        chw[2 * plane + y * w + x] = (rgb & 0xff) / 255f;
      }
    }
    return RasterImage.ofOwned(w, h, 3, chw);
  }

  /** The image as an 8-bit AWT image (grey or RGB), for drawing and writing. */
  public static BufferedImage toBuffered(RasterImage img) {
    int w = img.width();
    int h = img.height();
    BufferedImage bi = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int r = to8(img.get(0, x, y));
        int g = img.channels() == 3 ? to8(img.get(1, x, y)) : r;
        int b = img.channels() == 3 ? to8(img.get(2, x, y)) : r;
        bi.setRGB(x, y, (r << 16) | (g << 8) | b);
      }
    }
    return bi;
  }

  /**
   * Writes an AWT image as PNG (parent folders created).
   *
   * @throws ImageReadException if the file cannot be written
   */
  public static void writePng(BufferedImage bi, Path file) throws ImageReadException {
    if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
      throw new IllegalArgumentException("output image " + file + " must end in .png");
    }
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      if (!ImageIO.write(bi, "png", file.toFile())) {
        throw new ImageReadException("no PNG writer available for " + file);
      }
    } catch (IOException e) {
      throw new ImageReadException("could not write image " + file + ": " + e.getMessage(), e);
    }
  }

  /** Writes a raster image as PNG. */
  public static void writePng(RasterImage img, Path file) throws ImageReadException {
    writePng(toBuffered(img), file);
  }

  private static int to8(float v) {
    return Math.max(0, Math.min(255, Math.round(v * 255f)));
  }
}
