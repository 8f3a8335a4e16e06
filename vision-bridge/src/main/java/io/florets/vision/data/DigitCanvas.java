package io.florets.vision.data;

import io.florets.vision.image.RasterImage;
import io.florets.vision.image.Resize;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Digit canvases: several real 8&times;8 digits, each enlarged (bicubic) to 14..20 pixels, pasted at
 * known, non-overlapping positions on a dark grey canvas. A detection set with real pixels: the truth
 * box of a digit is the bounding box of its ink (enlarged pixels &ge; 0.25), labelled with its class word.
 * Immutable and thread-safe.
 */
public final class DigitCanvas {
  private final List<Digits.Digit> pool;
  private final int side;
  private final long seed;

  /**
   * One composed canvas.
   *
   * @param image the grey canvas
   * @param boxes the digits' ink boxes in reading order, labelled {@code zero..nine}
   */
  public record Canvas(RasterImage image, List<BoxTarget> boxes) {
    /** Copies the boxes. */
    public Canvas {
      boxes = List.copyOf(boxes);
    }
  }

  private DigitCanvas(List<Digits.Digit> pool, int side, long seed) {
    this.pool = List.copyOf(pool);
    this.side = side;
    this.seed = seed;
  }

  /** Canvases of {@code side} pixels drawing their digits from {@code pool} (e.g. one split only). */
  public static DigitCanvas of(List<Digits.Digit> pool, int side, long seed) {
    if (pool.isEmpty()) {
      throw new IllegalArgumentException("digit canvas needs a non-empty pool of digits");
    }
    if (side < 32) {
      throw new IllegalArgumentException("digit canvas side must be >= 32 px, got " + side);
    }
    return new DigitCanvas(pool, side, seed);
  }

  /** Canvas number {@code index}: 1..4 digits. */
  public Canvas canvas(long index) {
    SplittableRandom rnd = new SplittableRandom(seed * 0xBF58476D1CE4E5B9L + index);
    int n = 1 + rnd.nextInt(4);
    float[] px = new float[side * side];
    float base = (float) (0.05 + 0.1 * rnd.nextDouble());
    java.util.Arrays.fill(px, base);
    List<int[]> cells = new ArrayList<>();
    List<BoxTarget> boxes = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      for (int t = 0; t < 100; t++) {
        int size = 14 + rnd.nextInt(7);
        int x0 = rnd.nextInt(side - size + 1);
        int y0 = rnd.nextInt(side - size + 1);
        if (overlaps(cells, x0, y0, size)) {
          continue;
        }
        Digits.Digit d = pool.get(rnd.nextInt(pool.size()));
        RasterImage big = Resize.square(d.image(), size);
        int minX = side;
        int minY = side;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < size; y++) {
          for (int x = 0; x < size; x++) {
            float v = big.get(0, x, y);
            int i = (y0 + y) * side + x0 + x;
            px[i] = Math.max(px[i], Math.min(1f, base + v));
            if (v >= 0.25f) {
              minX = Math.min(minX, x0 + x);
              maxX = Math.max(maxX, x0 + x);
              minY = Math.min(minY, y0 + y);
              maxY = Math.max(maxY, y0 + y);
            }
          }
        }
        cells.add(new int[] {x0, y0, size});
        if (maxX >= 0) {
          boxes.add(new BoxTarget(d.word(), minX, minY, maxX + 1, maxY + 1));
        }
        break;
      }
    }
    boxes.sort(Scene.READING_ORDER);
    return new Canvas(RasterImage.of(side, side, 1, px), boxes);
  }

  private static boolean overlaps(List<int[]> cells, int x0, int y0, int size) {
    for (int[] c : cells) {
      if (x0 < c[0] + c[2] + 1 && c[0] < x0 + size + 1 && y0 < c[1] + c[2] + 1 && c[1] < y0 + size + 1) {
        return true;
      }
    }
    return false;
  }
}
