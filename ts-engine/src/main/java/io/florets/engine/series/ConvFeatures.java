package io.florets.engine.series;

/**
 * Fixed convolution features of a channel, pooled per patch: the {@value #KERNELS} kernels of
 * length 9 whose weights are 2 at three positions and -1 at the other six (every choice of three
 * positions; the weights sum to 0, so a kernel answers to shape, not level), each at the
 * dilations {@link #DILATIONS}, applied to the front end's scaled values ({@code asinh} of the
 * robust z-score, 0 outside the window and where a sample is missing). For each kernel, dilation
 * and threshold {@code b} in {@link #THRESHOLDS}, a patch's feature is the proportion of its
 * observed samples whose output, divided by 9, exceeds {@code b}: the "proportion of positive
 * values" of MiniRocket, but with thresholds fixed in the scaled units instead of fitted to a
 * training set, so the features need no fitting and mean the same in every model.
 *
 * <p>The output divided by 9 is the mean of the three samples under the weight 2 minus the mean of
 * all nine, so the thresholds are in the units of the scaled values.
 */
public final class ConvFeatures {
  /** Kernel length. */
  static final int LENGTH = 9;
  /** Number of kernels: the ways of choosing three of nine positions. */
  public static final int KERNELS = 84;
  /** Dilations (samples between taps). */
  static final int[] DILATIONS = {1, 2, 4, 8, 16};
  /** Thresholds on the output divided by 9. */
  static final float[] THRESHOLDS = {-0.5f, 0f, 0.5f};
  /** Features per patch. */
  public static final int FEATURES = KERNELS * DILATIONS.length * THRESHOLDS.length;

  /** The three positions under weight 2 of each kernel, in lexicographic order. */
  private static final int[][] POSITIONS = positions();

  private ConvFeatures() {
  }

  private static int[][] positions() {
    int[][] out = new int[KERNELS][];
    int k = 0;
    for (int a = 0; a < LENGTH; a++) {
      for (int b = a + 1; b < LENGTH; b++) {
        for (int c = b + 1; c < LENGTH; c++) {
          out[k++] = new int[] {a, b, c};
        }
      }
    }
    return out;
  }

  /**
   * Writes the features of one channel into {@code out} at {@code offset}, laid out
   * {@code [patch][feature]} for {@code patches} patches of {@code patchLength} samples (patch
   * {@code p} covers samples {@code p * stride .. p * stride + patchLength - 1}).
   *
   * @param scaled the scaled values of the window (0 where missing), length {@code length}
   * @param observed per sample whether it is observed
   * @param length samples in the window
   * @param patches patches to fill
   * @param patchLength samples per patch
   * @param stride samples between patch starts
   * @param out destination, {@code patches * FEATURES} values from {@code offset} (overwritten)
   * @param offset first index written
   */
  static void write(float[] scaled, boolean[] observed, int length, int patches, int patchLength,
      int stride, float[] out, int offset) {
    float[] taps = new float[LENGTH];
    int[] counts = new int[FEATURES];
    for (int p = 0; p < patches; p++) {
      java.util.Arrays.fill(counts, 0);
      int n = 0;
      int start = p * stride;
      for (int t = start; t < Math.min(start + patchLength, length); t++) {
        if (!observed[t]) {
          continue;
        }
        n++;
        for (int di = 0; di < DILATIONS.length; di++) {
          int d = DILATIONS[di];
          float sum = 0;
          for (int j = 0; j < LENGTH; j++) {
            int u = t + (j - LENGTH / 2) * d;
            float v = u >= 0 && u < length ? scaled[u] : 0f;
            taps[j] = v;
            sum += v;
          }
          float mean = sum / LENGTH;
          int base = di * KERNELS * THRESHOLDS.length;
          for (int k = 0; k < KERNELS; k++) {
            int[] pos = POSITIONS[k];
            float y = (taps[pos[0]] + taps[pos[1]] + taps[pos[2]]) / 3f - mean;
            int f = base + k * THRESHOLDS.length;
            for (int b = 0; b < THRESHOLDS.length; b++) {
              if (y > THRESHOLDS[b]) {
                counts[f + b]++;
              }
            }
          }
        }
      }
      int o = offset + p * FEATURES;
      for (int f = 0; f < FEATURES; f++) {
        out[o + f] = n == 0 ? 0f : (float) counts[f] / n;
      }
    }
  }
}
