package io.florets.datasets.synthetic;

/**
 * The noise level of a generated channel, defined by the noise share
 * {@code rho = sigma / sqrt(var(clean) + sigma^2)}, where {@code sigma} is the noise standard deviation
 * and {@code var(clean)} the population variance of trend + seasonal component over the window.
 * The generator draws {@code rho} uniformly inside the level's band; the bands leave gaps so that the
 * level is unambiguous. A channel with neither trend nor seasonality is pure noise ({@code rho = 1})
 * and is always {@link #HIGH}.
 */
public enum NoiseLevel {
  /** rho in [0.02, 0.10). */
  LOW("low", 0.02, 0.10),
  /** rho in [0.20, 0.40). */
  MEDIUM("medium", 0.20, 0.40),
  /** rho in [0.55, 0.80), or exactly 1 for a channel with neither trend nor seasonality. */
  HIGH("high", 0.55, 0.80);

  private final String tag;
  private final double minShare;
  private final double maxShare;

  NoiseLevel(String tag, double minShare, double maxShare) {
    this.tag = tag;
    this.minShare = minShare;
    this.maxShare = maxShare;
  }

  /** The shape-tag value, e.g. {@code "low"}. */
  public String tag() {
    return tag;
  }

  /** Lower end (inclusive) of the noise-share band. */
  public double minShare() {
    return minShare;
  }

  /** Upper end (exclusive) of the noise-share band. */
  public double maxShare() {
    return maxShare;
  }
}
