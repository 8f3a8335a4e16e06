package io.florets.vision.ood;

import io.florets.vision.image.RasterImage;
import java.util.SplittableRandom;

/** A natural-looking test picture: smooth, shaded colour noise (value noise over octaves). */
final class SmoothNoise {
  private SmoothNoise() {
  }

  /** An RGB picture of {@code side} pixels whose channels are independent smooth noise fields. */
  static RasterImage of(long seed, int side) {
    SplittableRandom rnd = new SplittableRandom(seed);
    float[] px = new float[3 * side * side];
    for (int c = 0; c < 3; c++) {
      double[] field = new double[side * side];
      double amp = 1.0;
      for (int cells = 4; cells <= 32; cells *= 2) {
        double[][] grid = new double[cells + 1][cells + 1];
        for (double[] row : grid) {
          for (int k = 0; k < row.length; k++) {
            row[k] = rnd.nextDouble();
          }
        }
        for (int y = 0; y < side; y++) {
          for (int x = 0; x < side; x++) {
            double gx = x * (double) cells / side;
            double gy = y * (double) cells / side;
            int ix = (int) gx;
            int iy = (int) gy;
            double fx = gx - ix;
            double fy = gy - iy;
            double top = grid[iy][ix] * (1 - fx) + grid[iy][ix + 1] * fx;
            double bottom = grid[iy + 1][ix] * (1 - fx) + grid[iy + 1][ix + 1] * fx;
            field[y * side + x] += amp * (top * (1 - fy) + bottom * fy);
          }
        }
        amp /= 2;
      }
      for (int i = 0; i < field.length; i++) {
        px[c * side * side + i] = (float) Math.max(0, Math.min(1, field[i] / 1.875));
      }
    }
    return RasterImage.of(side, side, 3, px);
  }
}
