package io.florets.vision.data;

import java.util.SplittableRandom;

/** Paints the grey backgrounds of synthetic scenes into a fresh RGB CHW array. */
final class Backgrounds {
  private Backgrounds() {
  }

  /** A {@code side}-square RGB background of the given texture around grey {@code level}. */
  static float[] paint(Background bg, float level, int side, SplittableRandom rnd) {
    int plane = side * side;
    float[] grey = new float[plane];
    switch (bg) {
      case PLAIN:
        java.util.Arrays.fill(grey, level);
        break;
      case NOISY:
        for (int i = 0; i < plane; i++) {
          grey[i] = level + (float) (rnd.nextDouble() * 0.2 - 0.1);
        }
        break;
      case STRIPED: {
        int width = 2 + rnd.nextInt(4);
        int dir = rnd.nextInt(3);
        float other = level + (level < 0.5f ? 0.15f : -0.15f);
        for (int y = 0; y < side; y++) {
          for (int x = 0; x < side; x++) {
            int t = dir == 0 ? x : dir == 1 ? y : x + y;
            grey[y * side + x] = (t / width) % 2 == 0 ? level : other;
          }
        }
        break;
      }
      case GRADIENT: {
        float other = level + (level < 0.5f ? 0.25f : -0.25f);
        boolean horizontal = rnd.nextBoolean();
        for (int y = 0; y < side; y++) {
          for (int x = 0; x < side; x++) {
            float t = (horizontal ? x : y) / (float) (side - 1);
            grey[y * side + x] = level + t * (other - level);
          }
        }
        break;
      }
      default:
        throw new IllegalStateException("unknown background " + bg);
    }
    float[] chw = new float[3 * plane];
    float[] tint = {(float) (rnd.nextDouble() * 0.04 - 0.02), (float) (rnd.nextDouble() * 0.04 - 0.02),
        (float) (rnd.nextDouble() * 0.04 - 0.02)};
    for (int c = 0; c < 3; c++) {
      for (int i = 0; i < plane; i++) {
        chw[c * plane + i] = Math.max(0f, Math.min(1f, grey[i] + tint[c]));
      }
    }
    return chw;
  }
}
