package io.florets.datasets.synthetic;

/**
 * A small SplitMix64 generator with its own Gaussian sampler, so that the generator's output is
 * fixed by its seed alone, independent of JDK version or platform (java.util's Gaussian sampler
 * changed between releases). Not thread-safe: one instance per window.
 */
final class SeededRandom {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private long state;
  private double spareGaussian = Double.NaN;

  SeededRandom(long seed) {
    this.state = seed;
  }

  /** The stream for window {@code index} of the dataset generated with {@code seed}. */
  static SeededRandom forWindow(long seed, long index) {
    return new SeededRandom(mix(mix(seed) ^ mix(index + GOLDEN)));
  }

  /** A sub-stream keyed by {@code key}, independent of how much of this stream was used. */
  SeededRandom fork(long key) {
    return new SeededRandom(mix(state ^ mix(key * GOLDEN + 1)));
  }

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  long nextLong() {
    state += GOLDEN;
    return mix(state);
  }

  /** Uniform in [0, 1) with 53 random bits. */
  double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Uniform in [lo, hi). */
  double uniform(double lo, double hi) {
    return lo + (hi - lo) * nextDouble();
  }

  /** Log-uniform in [lo, hi), both &gt; 0. */
  double logUniform(double lo, double hi) {
    return StrictMath.exp(uniform(StrictMath.log(lo), StrictMath.log(hi)));
  }

  /** Uniform integer in [lo, hi] (inclusive). */
  int intBetween(int lo, int hi) {
    long span = (long) hi - lo + 1;
    return (int) (lo + Long.remainderUnsigned(nextLong(), span));
  }

  /** +1 or -1 with equal probability. */
  int sign() {
    return (nextLong() & 1L) == 0 ? 1 : -1;
  }

  /** A standard normal draw (Marsaglia polar method, using StrictMath). */
  double gaussian() {
    if (!Double.isNaN(spareGaussian)) {
      double g = spareGaussian;
      spareGaussian = Double.NaN;
      return g;
    }
    double u;
    double v;
    double s;
    do {
      u = 2 * nextDouble() - 1;
      v = 2 * nextDouble() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    double f = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
    spareGaussian = v * f;
    return u * f;
  }

  /** One element of a non-empty list, uniformly. */
  <T> T pick(java.util.List<T> options) {
    return options.get(intBetween(0, options.size() - 1));
  }
}
