package io.florets.labelers.minirocket;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The MiniRocket transform (Dempster, Schmidt and Webb, KDD 2021): 84 fixed kernels of length 9
 * (weights -1 with three weights of 2), dilations spaced exponentially up to {@code (L-1)/8},
 * biases drawn as low-discrepancy quantiles of the convolution output of random training
 * examples, and one PPV feature (proportion of positive values) per bias. Padding alternates
 * between kernels and dilations. Multivariate series use a random subset of channels per
 * kernel/dilation whose convolution outputs are summed; a univariate series is the special case
 * of one channel.
 *
 * <p>The transform computes, once per example and dilation, the shared term {@code -sum(x)} of all
 * kernels (every weight is -1 before the three 2s are added) and the zero-padded series; each
 * kernel then adds three shifted copies, so a kernel costs three additions per sample plus the
 * PPV counts.
 *
 * <p>Immutable after {@link #fit} and thread-safe: {@link #transform} may be called concurrently.
 */
public final class MiniRocket {

  /** Blocks with more than this many biases per log2 of the output length count by sorting. */
  static final int SORT_FACTOR = 6;

  /** Number of kernels: the 84 ways to place three 2s among nine weights. */
  public static final int NUM_KERNELS = 84;
  /** Kernel length. */
  public static final int KERNEL_LENGTH = 9;

  /** The positions of the three 2s of kernel {@code k}, in lexicographic order of combinations. */
  static final int[][] KERNEL_INDICES = combinations();

  private final int length;
  private final int channels;
  private final int[] dilations;
  private final int[] featuresPerDilation;
  private final int[] comboChannelStart;
  private final int[] comboChannels;
  private final float[] biases;
  private final int[] biasKeys;
  /** Bias keys sorted ascending within each (dilation, kernel) block, and their feature indices. */
  private final int[] sortedBiasKeys;
  private final int[] sortedOrder;
  private final int threads;
  private final long seed;

  private MiniRocket(int length, int channels, int[] dilations, int[] featuresPerDilation,
      int[] comboChannelStart, int[] comboChannels, float[] biases, int threads, long seed) {
    this.length = length;
    this.channels = channels;
    this.dilations = dilations;
    this.featuresPerDilation = featuresPerDilation;
    this.comboChannelStart = comboChannelStart;
    this.comboChannels = comboChannels;
    this.biases = biases;
    this.biasKeys = new int[biases.length];
    this.sortedBiasKeys = new int[biases.length];
    this.sortedOrder = new int[biases.length];
    this.threads = threads;
    this.seed = seed;
  }

  /**
   * Fits dilations, channel subsets and biases on training series.
   *
   * @param x examples &times; channels &times; length; all examples the same shape, length &ge; 9,
   *     finite values
   * @param config settings (feature count, dilations, seed, threads)
   * @return the fitted transform
   * @throws IllegalArgumentException for an empty, ragged, too short or non-finite input
   */
  public static MiniRocket fit(float[][][] x, MiniRocketConfig config) {
    Shape shape = Shape.check(x, -1, -1, "training set");
    int len = shape.length;
    if (len < KERNEL_LENGTH) {
      throw new IllegalArgumentException("MiniRocket needs series of length >= " + KERNEL_LENGTH
          + ", got " + len);
    }
    int[][] dil = fitDilations(len, config.numFeatures(), config.maxDilationsPerKernel());
    int[] dilations = dil[0];
    int[] perDilation = dil[1];
    SplittableRandom rng = new SplittableRandom(config.seed());
    int combos = dilations.length * NUM_KERNELS;
    int[] start = new int[combos + 1];
    int maxChannels = Math.min(shape.channels, KERNEL_LENGTH);
    double maxExponent = Math.log(maxChannels + 1) / Math.log(2);
    int[] counts = new int[combos];
    for (int i = 0; i < combos; i++) {
      counts[i] = Math.min(maxChannels, (int) Math.pow(2, rng.nextDouble() * maxExponent));
      start[i + 1] = start[i] + counts[i];
    }
    int[] chans = new int[start[combos]];
    int[] pool = new int[shape.channels];
    for (int i = 0; i < combos; i++) {
      for (int c = 0; c < pool.length; c++) {
        pool[c] = c;
      }
      for (int j = 0; j < counts[i]; j++) {
        int r = j + rng.nextInt(pool.length - j);
        int tmp = pool[j];
        pool[j] = pool[r];
        pool[r] = tmp;
      }
      int[] chosen = Arrays.copyOf(pool, counts[i]);
      Arrays.sort(chosen);
      System.arraycopy(chosen, 0, chans, start[i], counts[i]);
    }
    int numFeatures = NUM_KERNELS * Arrays.stream(perDilation).sum();
    float[] biases = new float[numFeatures];
    MiniRocket m = new MiniRocket(len, shape.channels, dilations, perDilation, start, chans,
        biases, config.threads(), config.seed());
    m.fitBiases(x, rng);
    return m;
  }

  private void fitBiases(float[][][] x, SplittableRandom rng) {
    Scratch s = new Scratch();
    float[] sorted = new float[length];
    int f = 0;
    for (int di = 0; di < dilations.length; di++) {
      int nf = featuresPerDilation[di];
      for (int k = 0; k < NUM_KERNELS; k++) {
        float[][] example = x[rng.nextInt(x.length)];
        s.prepare(example, dilations[di], channels);
        s.convolve(di * NUM_KERNELS + k, k, dilations[di]);
        System.arraycopy(s.c, 0, sorted, 0, length);
        Arrays.sort(sorted);
        for (int j = 0; j < nf; j++) {
          // + 0f turns -0.0 into +0.0, so comparing keys is exactly comparing floats
          biases[f + j] = (float) quantile(sorted, lowDiscrepancy(f + j)) + 0f;
          biasKeys[f + j] = key(biases[f + j]);
        }
        sortBlock(f, nf);
        f += nf;
      }
    }
  }

  private void sortBlock(int f, int nf) {
    long[] packed = new long[nf];
    for (int j = 0; j < nf; j++) {
      // key in the high half keeps the signed order; the index in the low half breaks ties
      packed[j] = ((long) biasKeys[f + j] << 32) | (f + j);
    }
    Arrays.sort(packed);
    for (int j = 0; j < nf; j++) {
      sortedBiasKeys[f + j] = (int) (packed[j] >> 32);
      sortedOrder[f + j] = (int) packed[j];
    }
  }

  /** The {@code i}-th (0-based) element of the golden-ratio sequence {@code ((i+1)·phi) mod 1}. */
  static double lowDiscrepancy(int i) {
    double phi = (Math.sqrt(5.0) + 1.0) / 2.0;
    double v = (i + 1) * phi;
    return v - Math.floor(v);
  }

  /** Quantile {@code q} of sorted values with linear interpolation between order statistics. */
  static double quantile(float[] sorted, double q) {
    double h = (sorted.length - 1) * q;
    int lo = (int) Math.floor(h);
    if (lo >= sorted.length - 1) {
      return sorted[sorted.length - 1];
    }
    double frac = h - lo;
    return sorted[lo] + frac * ((double) sorted[lo + 1] - sorted[lo]);
  }

  /**
   * Dilations and features per dilation for one kernel: {@code floor(2^e)} for 32 exponents spread
   * evenly over {@code [0, log2((L-1)/8)]}, duplicates merged, feature counts scaled to the budget
   * with the remainder handed out round-robin from the smallest dilation.
   *
   * @return {dilations, featuresPerDilation}
   */
  static int[][] fitDilations(int length, int numFeatures, int maxDilationsPerKernel) {
    int perKernel = numFeatures / NUM_KERNELS;
    int trueMax = Math.min(perKernel, maxDilationsPerKernel);
    double multiplier = (double) perKernel / trueMax;
    double maxExponent = Math.log((length - 1) / (double) (KERNEL_LENGTH - 1)) / Math.log(2);
    int[] raw = new int[trueMax];
    for (int i = 0; i < trueMax; i++) {
      double e = trueMax == 1 ? 0 : maxExponent * i / (trueMax - 1);
      raw[i] = (int) Math.floor(Math.pow(2, e));
    }
    int[] dil = Arrays.stream(raw).distinct().sorted().toArray();
    int[] per = new int[dil.length];
    for (int i = 0; i < dil.length; i++) {
      int d = dil[i];
      int count = (int) Arrays.stream(raw).filter(v -> v == d).count();
      per[i] = (int) (count * multiplier);
    }
    int remainder = perKernel - Arrays.stream(per).sum();
    for (int i = 0; remainder > 0; i = (i + 1) % per.length, remainder--) {
      per[i]++;
    }
    return new int[][] {dil, per};
  }

  /**
   * Transforms series into PPV features.
   *
   * @param x examples &times; channels &times; length, the shape seen by {@link #fit}
   * @return examples &times; {@link #numFeatures()}, each value in [0, 1]
   * @throws IllegalArgumentException if the shape differs from the training shape or a value is
   *     not finite
   */
  public float[][] transform(float[][][] x) {
    Shape.check(x, channels, length, "input");
    float[][] out = new float[x.length][numFeatures()];
    Parallel.forEach(x.length, threads, Scratch::new, (i, s) -> transformInto(x[i], out[i], s));
    return out;
  }

  /** Transforms one series (channels &times; length) into a new feature vector. */
  public float[] transform(float[][] series) {
    Shape.check(new float[][][] {series}, channels, length, "input");
    float[] out = new float[numFeatures()];
    transformInto(series, out, new Scratch());
    return out;
  }

  private void transformInto(float[][] series, float[] out, Scratch s) {
    int f = 0;
    float[] c = s.c;
    for (int di = 0; di < dilations.length; di++) {
      int d = dilations[di];
      int pad = (KERNEL_LENGTH - 1) / 2 * d;
      int nf = featuresPerDilation[di];
      s.prepare(series, d, channels);
      for (int k = 0; k < NUM_KERNELS; k++) {
        s.convolve(di * NUM_KERNELS + k, k, d);
        boolean padded = (((di & 1) + k) & 1) == 0;
        int from = padded ? 0 : pad;
        int to = padded ? length : length - pad;
        float inv = 1.0f / (to - from);
        int[] keys = s.keys;
        for (int t = from; t < to; t++) {
          keys[t] = key(c[t]);
        }
        if (nf > SORT_FACTOR * log2(to - from)) {
          countSorted(keys, from, to, f, nf, inv, out);
        } else {
          countKeys(keys, from, to, f, nf, inv, out);
        }
        f += nf;
      }
    }
  }

  /**
   * PPV counts over integer keys: {@link #key} maps floats to ints in the same order, and
   * {@code v > b} is read from the sign of {@code b - v} with the overflow correction of
   * Hacker's Delight (2-12), which keeps the test exact and lets the JIT vectorise the loop.
   */
  private void countKeys(int[] keys, int from, int to, int f, int nf, float inv, float[] out) {
    for (int j = 0; j < nf; j++) {
      int b = biasKeys[f + j];
      int n = 0;
      for (int t = from; t < to; t++) {
        int v = keys[t];
        int d = b - v;
        n += (d ^ ((b ^ v) & (d ^ b))) >>> 31;
      }
      out[f + j] = n * inv;
    }
  }

  /**
   * PPV counts for many biases over a short output: sort the output's keys once, then walk the
   * block's biases in ascending order with one pointer (O(L log L + nf) instead of O(L nf)).
   */
  private void countSorted(int[] keys, int from, int to, int f, int nf, float inv, float[] out) {
    Arrays.sort(keys, from, to);
    int p = from;
    for (int j = 0; j < nf; j++) {
      int b = sortedBiasKeys[f + j];
      while (p < to && keys[p] <= b) {
        p++;
      }
      out[sortedOrder[f + j]] = (to - p) * inv;
    }
  }

  private static int log2(int n) {
    return 31 - Integer.numberOfLeadingZeros(Math.max(1, n));
  }

  /**
   * An int whose signed order is the order of the finite float {@code x} (with -0.0 just below
   * +0.0; biases are never -0.0, so "greater than a bias" is unchanged).
   */
  static int key(float x) {
    int i = Float.floatToRawIntBits(x);
    return i ^ ((i >> 31) & 0x7fffffff);
  }

  /**
   * Where feature {@code f} comes from, for tests and inspection.
   *
   * @return {dilation, kernel index (0..83), 1 if the output was zero-padded to full length else 0}
   */
  int[] featureLayout(int f) {
    int start = 0;
    for (int di = 0; di < dilations.length; di++) {
      int block = featuresPerDilation[di] * NUM_KERNELS;
      if (f < start + block) {
        int k = (f - start) / featuresPerDilation[di];
        int padded = (((di & 1) + k) & 1) == 0 ? 1 : 0;
        return new int[] {dilations[di], k, padded, di};
      }
      start += block;
    }
    throw new IllegalArgumentException("feature index " + f + " out of range 0.." + (numFeatures() - 1));
  }

  /** The bias of feature {@code f}. */
  float bias(int f) {
    return biases[f];
  }

  /** The channels summed by kernel {@code k} at dilation index {@code di} (a copy). */
  int[] channelsOf(int di, int k) {
    int combo = di * NUM_KERNELS + k;
    return Arrays.copyOfRange(comboChannels, comboChannelStart[combo], comboChannelStart[combo + 1]);
  }

  /** Number of features produced per example (a multiple of 84). */
  public int numFeatures() {
    return biases.length;
  }

  /** Series length the transform was fitted on. */
  public int length() {
    return length;
  }

  /** Number of channels the transform was fitted on. */
  public int channels() {
    return channels;
  }

  /** The distinct dilations, ascending (a copy). */
  public int[] dilations() {
    return dilations.clone();
  }

  /** The seed the transform was fitted with. */
  public long seed() {
    return seed;
  }

  /** Per-thread buffers: zero-padded channels, the shared -sum term, and one convolution output. */
  private final class Scratch {
    final float[][] padded = new float[channels][];
    final float[][] alpha = new float[channels][length];
    final float[] c = new float[length];
    final int[] keys = new int[length];

    /** Pads every channel by 4·d zeros on both sides and computes the negated dilated 9-sum. */
    void prepare(float[][] series, int d, int numChannels) {
      int pad = (KERNEL_LENGTH - 1) / 2 * d;
      int width = length + 2 * pad;
      for (int ch = 0; ch < numChannels; ch++) {
        float[] p = padded[ch];
        if (p == null || p.length < width) {
          p = new float[width];
          padded[ch] = p;
        } else {
          Arrays.fill(p, 0, pad, 0f);
          Arrays.fill(p, pad + length, width, 0f);
        }
        System.arraycopy(series[ch], 0, p, pad, length);
        float[] a = alpha[ch];
        for (int t = 0; t < length; t++) {
          float sum = 0f;
          for (int w = 0, o = t; w < KERNEL_LENGTH; w++, o += d) {
            sum += p[o];
          }
          a[t] = -sum;
        }
      }
    }

    /** Writes the output of kernel {@code k} at dilation {@code d} over the combination's channels to {@link #c}. */
    void convolve(int combo, int k, int d) {
      int[] idx = KERNEL_INDICES[k];
      int o0 = idx[0] * d;
      int o1 = idx[1] * d;
      int o2 = idx[2] * d;
      float[] out = c;
      for (int q = comboChannelStart[combo]; q < comboChannelStart[combo + 1]; q++) {
        int ch = comboChannels[q];
        float[] p = padded[ch];
        float[] a = alpha[ch];
        if (q == comboChannelStart[combo]) {
          for (int t = 0; t < length; t++) {
            out[t] = a[t] + 3f * (p[t + o0] + p[t + o1] + p[t + o2]);
          }
        } else {
          for (int t = 0; t < length; t++) {
            out[t] += a[t] + 3f * (p[t + o0] + p[t + o1] + p[t + o2]);
          }
        }
      }
    }
  }

  private static int[][] combinations() {
    int[][] out = new int[NUM_KERNELS][];
    int n = 0;
    for (int a = 0; a < KERNEL_LENGTH; a++) {
      for (int b = a + 1; b < KERNEL_LENGTH; b++) {
        for (int c = b + 1; c < KERNEL_LENGTH; c++) {
          out[n++] = new int[] {a, b, c};
        }
      }
    }
    return out;
  }
}
