package io.florets.labelers.minirocket;

/**
 * Settings of the MiniRocket transform.
 *
 * @param numFeatures requested number of features; rounded down to a multiple of the 84 kernels
 *     (the default 10,000 gives 9,996), at least 84
 * @param maxDilationsPerKernel upper bound on the distinct dilations per kernel (the paper's 32)
 * @param seed seed of the random draws (training examples for the biases, channel subsets)
 * @param threads worker threads for the transform (&ge; 1); the transform parallelises over examples
 */
public record MiniRocketConfig(int numFeatures, int maxDilationsPerKernel, long seed, int threads) {

  /** The paper's defaults: 10,000 features, at most 32 dilations per kernel. */
  public static final int DEFAULT_FEATURES = 10_000;

  /** Validates the settings. */
  public MiniRocketConfig {
    if (numFeatures < MiniRocket.NUM_KERNELS) {
      throw new IllegalArgumentException("numFeatures must be >= " + MiniRocket.NUM_KERNELS
          + " (one per kernel), got " + numFeatures);
    }
    if (maxDilationsPerKernel < 1) {
      throw new IllegalArgumentException("maxDilationsPerKernel must be >= 1, got " + maxDilationsPerKernel);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
  }

  /** The paper's defaults with the given seed, using every available processor. */
  public static MiniRocketConfig defaults(long seed) {
    return new MiniRocketConfig(DEFAULT_FEATURES, 32, seed,
        Runtime.getRuntime().availableProcessors());
  }

  /** A copy with another thread count. */
  public MiniRocketConfig withThreads(int n) {
    return new MiniRocketConfig(numFeatures, maxDilationsPerKernel, seed, n);
  }
}
