package io.florets.vision.ood;

import io.florets.vision.image.RasterImage;
import io.florets.vision.image.Resize;
import java.util.List;

/**
 * Colour and texture statistics of an image as the front end sees it (squash-resized to
 * {@value #SIDE}&times;{@value #SIDE}, grey as three equal channels), for a model-free second score:
 * the training images are flat colours with hard edges (scenes) or enlarged digits on an even grey
 * (canvases, digits), photographs are textured and shaded. Per image, {@value #DIMENSION} values:
 * <ol>
 *   <li>mean and standard deviation of the grey level;</li>
 *   <li>mean colourfulness (per pixel, largest minus smallest channel);</li>
 *   <li>share of the {@value #PATCH}&times;{@value #PATCH} patches whose grey standard deviation is below 0.02 (flat);</li>
 *   <li>mean and standard deviation over patches of {@code log(0.01 + patch grey std)};</li>
 *   <li>mean absolute grey difference between neighbours (horizontal and vertical);</li>
 *   <li>share of neighbour differences that are small but not zero (0.004 to 0.04: smooth shading);</li>
 *   <li>log of the number of distinct colours at 8 levels per channel.</li>
 * </ol>
 * Stateless.
 */
public final class PixelFeatures {
  /** Side the image is resized to, as the front end. */
  public static final int SIDE = 64;
  /** Patch side for the texture statistics. */
  public static final int PATCH = 8;
  /** Number of values per image. */
  public static final int DIMENSION = 9;

  private PixelFeatures() {
  }

  /** The statistics of each image: {@code [images.size()][DIMENSION]}. */
  public static double[][] of(List<? extends RasterImage> images) {
    double[][] out = new double[images.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = of(images.get(i));
    }
    return out;
  }

  /** The statistics of one image. */
  public static double[] of(RasterImage image) {
    RasterImage r = Resize.square(image, SIDE);
    int c = r.channels();
    float[][] rgb = new float[3][SIDE * SIDE];
    for (int k = 0; k < 3; k++) {
      for (int y = 0; y < SIDE; y++) {
        for (int x = 0; x < SIDE; x++) {
          rgb[k][y * SIDE + x] = clamp(r.get(c == 1 ? 0 : k, x, y));
        }
      }
    }
    int n = SIDE * SIDE;
    double[] grey = new double[n];
    double mean = 0;
    double colourful = 0;
    java.util.Set<Integer> colours = new java.util.HashSet<>();
    for (int i = 0; i < n; i++) {
      grey[i] = (rgb[0][i] + rgb[1][i] + rgb[2][i]) / 3.0;
      mean += grey[i] / n;
      double hi = Math.max(rgb[0][i], Math.max(rgb[1][i], rgb[2][i]));
      double lo = Math.min(rgb[0][i], Math.min(rgb[1][i], rgb[2][i]));
      colourful += (hi - lo) / n;
      colours.add(level(rgb[0][i]) * 64 + level(rgb[1][i]) * 8 + level(rgb[2][i]));
    }
    double var = 0;
    for (double g : grey) {
      var += (g - mean) * (g - mean) / n;
    }
    int per = SIDE / PATCH;
    double[] logStd = new double[per * per];
    int flat = 0;
    for (int py = 0; py < per; py++) {
      for (int px = 0; px < per; px++) {
        double m = 0;
        double s = 0;
        for (int y = py * PATCH; y < (py + 1) * PATCH; y++) {
          for (int x = px * PATCH; x < (px + 1) * PATCH; x++) {
            m += grey[y * SIDE + x];
            s += grey[y * SIDE + x] * grey[y * SIDE + x];
          }
        }
        int k = PATCH * PATCH;
        double sd = Math.sqrt(Math.max(0, s / k - (m / k) * (m / k)));
        flat += sd < 0.02 ? 1 : 0;
        logStd[py * per + px] = Math.log(0.01 + sd);
      }
    }
    double grad = 0;
    int smooth = 0;
    int pairs = 0;
    for (int y = 0; y < SIDE; y++) {
      for (int x = 0; x < SIDE; x++) {
        for (int[] d : new int[][] {{1, 0}, {0, 1}}) {
          if (x + d[0] < SIDE && y + d[1] < SIDE) {
            double g = Math.abs(grey[(y + d[1]) * SIDE + x + d[0]] - grey[y * SIDE + x]);
            grad += g;
            smooth += g > 0.004 && g < 0.04 ? 1 : 0;
            pairs++;
          }
        }
      }
    }
    return new double[] {mean, Math.sqrt(var), colourful, flat / (double) logStd.length,
        meanOf(logStd), sdOf(logStd), grad / pairs, smooth / (double) pairs, Math.log(colours.size())};
  }

  private static float clamp(float v) {
    return Math.max(0f, Math.min(1f, v));
  }

  private static int level(float v) {
    return Math.min(7, (int) (v * 8));
  }

  private static double meanOf(double[] a) {
    double s = 0;
    for (double v : a) {
      s += v;
    }
    return s / a.length;
  }

  private static double sdOf(double[] a) {
    double m = meanOf(a);
    double s = 0;
    for (double v : a) {
      s += (v - m) * (v - m);
    }
    return Math.sqrt(s / a.length);
  }
}
