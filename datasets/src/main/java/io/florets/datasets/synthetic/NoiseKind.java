package io.florets.datasets.synthetic;

/** How the noise of a generated channel is distributed over time. */
public enum NoiseKind {
  /** i.i.d. Gaussian with standard deviation sigma. */
  GAUSSIAN,
  /**
   * Heteroscedastic Gaussian: i.i.d. standard normals times a slowly varying envelope
   * {@code 1 + 0.6 sin(2 pi t / Q + psi)} (Q drawn in [L/4, L]), rescaled so the envelope's root
   * mean square is 1; the noise standard deviation is still about sigma over the window.
   */
  IRREGULAR
}
