package io.florets.engine.series;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A frozen whole-window convolution transform that a linear class readout reads: the
 * {@value ConvFeatures#KERNELS} kernels of {@link ConvFeatures} (length 9, weight 2 at three
 * positions and -1 at the other six), each at the dilations {@code 1, 2, 4, ...} up to
 * {@code (length - 1) / 8} of the windows it was fitted on, and for each kernel and dilation
 * {@code biasesPerKernel} thresholds taken as quantiles of that kernel's output on a training
 * window. A window's feature is the proportion of its samples whose output exceeds a threshold;
 * the kernels whose index plus dilation index is odd count only the samples where the kernel lies
 * inside the window (the others pad with zeros), so both the edges and the inside are described. The values are
 * read as they are (a missing sample takes the value of the last observed one before it, or the
 * first after it); several channels average their proportions.
 *
 * <p>This is the MiniRocket design (Dempster, Schmidt and Webb, 2021) written for the front end:
 * fitted once, when a model is adapted to a user's classes, and frozen in the model's settings. The
 * readout's weights ({@code K x features} and {@code K} biases) are the model's parameters; they
 * add to the logits of {@link #classIds} (see {@code EncoderDecoder#logits}).
 *
 * @param dilations the dilations, ascending
 * @param biasesPerKernel thresholds per kernel and dilation
 * @param biases {@code dilations.length * KERNELS * biasesPerKernel} thresholds, laid out
 *     {@code [dilation][kernel][bias]}
 * @param classIds the vocabulary ids whose logits the readout adds to, one per readout row
 */
public record ClassReadout(int[] dilations, int biasesPerKernel, float[] biases, int[] classIds) {
  /**
   * Features per window aimed at when fitting (spread over the dilations): about as many as
   * MiniRocket's default of 10,000.
   */
  public static final int TARGET_FEATURES = 84 * 119;

  /** Validates and copies. */
  public ClassReadout {
    Objects.requireNonNull(dilations, "dilations");
    Objects.requireNonNull(biases, "biases");
    Objects.requireNonNull(classIds, "classIds");
    if (dilations.length == 0 || biasesPerKernel < 1) {
      throw new IllegalArgumentException("class readout: needs at least one dilation and one bias "
          + "per kernel, got " + dilations.length + " and " + biasesPerKernel);
    }
    for (int d : dilations) {
      if (d < 1) {
        throw new IllegalArgumentException("class readout: dilations must be >= 1, got "
            + Arrays.toString(dilations));
      }
    }
    long n = (long) dilations.length * ConvFeatures.KERNELS * biasesPerKernel;
    if (biases.length != n) {
      throw new IllegalArgumentException("class readout: " + dilations.length + " dilations and "
          + biasesPerKernel + " biases per kernel need " + n + " biases, got " + biases.length);
    }
    for (float b : biases) {
      if (!Float.isFinite(b)) {
        throw new IllegalArgumentException("class readout: a bias is " + b);
      }
    }
    if (classIds.length < 2) {
      throw new IllegalArgumentException("class readout: needs at least two class ids, got "
          + Arrays.toString(classIds));
    }
    dilations = dilations.clone();
    biases = biases.clone();
    classIds = classIds.clone();
  }

  /** Features per window. */
  public int features() {
    return biases.length;
  }

  /** Readout rows (classes). */
  public int classes() {
    return classIds.length;
  }

  @Override
  public int[] dilations() {
    return dilations.clone();
  }

  @Override
  public float[] biases() {
    return biases.clone();
  }

  @Override
  public int[] classIds() {
    return classIds.clone();
  }

  /** The same transform adding to other class ids. */
  public ClassReadout withClassIds(int[] ids) {
    return new ClassReadout(dilations, biasesPerKernel, biases, ids);
  }

  /**
   * Fits the dilations to the windows' length and the thresholds to their kernel outputs.
   *
   * @param windows per window its channels' samples (NaN = missing); at least one window
   * @param classIds the ids the readout adds to
   * @param seed which window and channel each kernel's thresholds come from
   * @throws IllegalArgumentException if there is no window or a window has no observed sample
   */
  public static ClassReadout fit(java.util.List<float[][]> windows, int[] classIds, long seed) {
    if (windows.isEmpty()) {
      throw new IllegalArgumentException("class readout: no windows to fit on");
    }
    int shortest = Integer.MAX_VALUE;
    for (float[][] w : windows) {
      for (float[] c : w) {
        shortest = Math.min(shortest, c.length);
      }
    }
    int maxD = Math.max(1, (shortest - 1) / 8);
    int nd = 0;
    for (int d = 1; d <= maxD; d *= 2) {
      nd++;
    }
    int[] dil = new int[nd];
    for (int i = 0, d = 1; i < nd; i++, d *= 2) {
      dil[i] = d;
    }
    int per = (TARGET_FEATURES / ConvFeatures.KERNELS + nd - 1) / nd;
    float[] biases = new float[nd * ConvFeatures.KERNELS * per];
    SplittableRandom rnd = new SplittableRandom(seed);
    double golden = (Math.sqrt(5) - 1) / 2;
    long q = 0;
    for (int di = 0; di < nd; di++) {
      for (int k = 0; k < ConvFeatures.KERNELS; k++) {
        float[][] w = windows.get(rnd.nextInt(windows.size()));
        double[] x = filled(w[rnd.nextInt(w.length)], "fitting window");
        double[] y = convolve(x, dil[di], k);
        Arrays.sort(y);
        int base = (di * ConvFeatures.KERNELS + k) * per;
        for (int b = 0; b < per; b++) {
          q++;
          double u = (q * golden) % 1.0;
          biases[base + b] = (float) y[Math.min(y.length - 1, (int) (u * y.length))];
        }
      }
    }
    return new ClassReadout(dil, per, biases, classIds);
  }

  /**
   * The features of one window.
   *
   * @param channels the window's channels (NaN = missing)
   * @return {@link #features()} proportions in [0, 1]
   * @throws IllegalArgumentException if a channel has no observed sample
   */
  public float[] transform(float[][] channels) {
    float[] out = new float[features()];
    write(channels, out, 0);
    return out;
  }

  /** {@link #transform} into {@code out} from {@code offset}. */
  void write(float[][] channels, float[] out, int offset) {
    int per = biasesPerKernel;
    Arrays.fill(out, offset, offset + features(), 0f);
    float share = 1f / channels.length;
    for (float[] channel : channels) {
      double[] x = filled(channel, "window");
      int n = x.length;
      double[] y = new double[n];
      for (int di = 0; di < dilations.length; di++) {
        int d = dilations[di];
        double[][] shifted = shifted(x, d);
        double[] ninth = new double[n];
        for (double[] s : shifted) {
          for (int t = 0; t < n; t++) {
            ninth[t] += s[t];
          }
        }
        for (int t = 0; t < n; t++) {
          ninth[t] /= 9;
        }
        for (int k = 0; k < ConvFeatures.KERNELS; k++) {
          int[] pos = KERNEL_POSITIONS[k];
          double[] a = shifted[pos[0]];
          double[] b = shifted[pos[1]];
          double[] c = shifted[pos[2]];
          for (int t = 0; t < n; t++) {
            y[t] = (a[t] + b[t] + c[t]) / 3 - ninth[t];
          }
          int block = di * ConvFeatures.KERNELS + k;
          // inside-only for odd kernel + dilation index: alternating with the kernel and with the
          // dilation, as MiniRocket alternates its padding
          boolean inside = (di + k) % 2 == 1 && n > 8 * d;
          int lo = inside ? 4 * d : 0;
          int hi = inside ? n - 4 * d : n;
          Arrays.sort(y, lo, hi);
          int base = block * per;
          for (int q = 0; q < per; q++) {
            // samples above the threshold: those after the last one <= it in the sorted outputs
            int above = hi - upperBound(y, lo, hi, biases[base + q]);
            out[offset + base + q] += share * above / (hi - lo);
          }
        }
      }
    }
  }

  /** The nine taps of dilation {@code d}: {@code [j][t] = x[t + (j - 4) d]}, 0 outside. */
  private static double[][] shifted(double[] x, int d) {
    int n = x.length;
    double[][] s = new double[9][n];
    for (int j = 0; j < 9; j++) {
      int off = (j - 4) * d;
      for (int t = Math.max(0, -off); t < Math.min(n, n - off); t++) {
        s[j][t] = x[t + off];
      }
    }
    return s;
  }

  /** First index in {@code y[lo, hi)} (sorted) whose value is above {@code v}. */
  private static int upperBound(double[] y, int lo, int hi, double v) {
    int a = lo;
    int b = hi;
    while (a < b) {
      int mid = (a + b) >>> 1;
      if (y[mid] <= v) {
        a = mid + 1;
      } else {
        b = mid;
      }
    }
    return a;
  }

  /**
   * Kernel {@code k}'s output at every sample, dilation {@code d}, zeros outside: the mean of the
   * three samples under the weight 2 minus the mean of all nine (the output divided by 9).
   */
  static double[] convolve(double[] x, int d, int k) {
    int n = x.length;
    int[] pos = KERNEL_POSITIONS[k];
    double[][] s = shifted(x, d);
    double[] y = new double[n];
    for (int t = 0; t < n; t++) {
      double all = 0;
      for (double[] tap : s) {
        all += tap[t];
      }
      y[t] = (s[pos[0]][t] + s[pos[1]][t] + s[pos[2]][t]) / 3 - all / 9;
    }
    return y;
  }

  private static final int[][] KERNEL_POSITIONS = positions();

  private static int[][] positions() {
    int[][] out = new int[ConvFeatures.KERNELS][];
    int k = 0;
    for (int a = 0; a < 9; a++) {
      for (int b = a + 1; b < 9; b++) {
        for (int c = b + 1; c < 9; c++) {
          out[k++] = new int[] {a, b, c};
        }
      }
    }
    return out;
  }

  /** The samples with each missing one replaced by the last observed before it (or first after). */
  private static double[] filled(float[] x, String what) {
    double[] out = new double[x.length];
    int first = -1;
    for (int t = 0; t < x.length; t++) {
      if (!Float.isNaN(x[t])) {
        first = t;
        break;
      }
    }
    if (first < 0) {
      throw new IllegalArgumentException("class readout: a channel of the " + what
          + " has no observed sample");
    }
    double last = x[first];
    for (int t = 0; t < x.length; t++) {
      if (!Float.isNaN(x[t])) {
        last = x[t];
      }
      out[t] = last;
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ClassReadout r && biasesPerKernel == r.biasesPerKernel
        && Arrays.equals(dilations, r.dilations) && Arrays.equals(biases, r.biases)
        && Arrays.equals(classIds, r.classIds);
  }

  @Override
  public int hashCode() {
    return Objects.hash(biasesPerKernel, Arrays.hashCode(dilations), Arrays.hashCode(biases),
        Arrays.hashCode(classIds));
  }

  @Override
  public String toString() {
    return "ClassReadout[dilations=" + Arrays.toString(dilations) + ", biasesPerKernel="
        + biasesPerKernel + ", features=" + biases.length + ", classIds="
        + Arrays.toString(classIds) + "]";
  }

  /** Canonical JSON (floats written so that they read back exactly). */
  String toJson() {
    StringBuilder sb = new StringBuilder("{\"dilations\":").append(Arrays.toString(dilations)
        .replace(" ", "")).append(",\"biasesPerKernel\":").append(biasesPerKernel)
        .append(",\"classIds\":").append(Arrays.toString(classIds).replace(" ", ""))
        .append(",\"biases\":[");
    for (int i = 0; i < biases.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(Float.toString(biases[i]));
    }
    return sb.append("]}").toString();
  }
}
