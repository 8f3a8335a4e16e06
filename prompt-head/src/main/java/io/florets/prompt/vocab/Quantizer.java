package io.florets.prompt.vocab;

/**
 * The location quantiser of the output contract, shared by time ({@code <t_q>}) and image
 * ({@code <loc_q>}) tokens: a position {@code t} in an extent of length {@code L} maps to bin
 * {@code q = clamp(floor(t / (L/1000)), 0, 999)}, and bin {@code q} maps back to its centre
 * {@code (q + 0.5) * L/1000}. The round-trip error is at most {@code L/2000}. Stateless and
 * thread-safe.
 */
public final class Quantizer {
  /** Number of location bins. */
  public static final int BINS = 1000;

  private Quantizer() {
  }

  /**
   * The bin of position {@code t}.
   *
   * @param t position in samples (or pixels); finite
   * @param length extent {@code L} in samples (or pixels); finite and &gt; 0
   * @return the bin in {@code 0..999}
   */
  public static int quantize(double t, double length) {
    checkLength(length);
    if (!Double.isFinite(t)) {
      throw new IllegalArgumentException("position must be finite, got " + t + " (extent " + length + ")");
    }
    double q = Math.floor(t / (length / BINS));
    if (q < 0) {
      return 0;
    }
    return q > BINS - 1 ? BINS - 1 : (int) q;
  }

  /**
   * The centre of bin {@code q}, {@code (q + 0.5) * L/1000}.
   *
   * @param q bin in {@code 0..999}
   * @param length extent {@code L}; finite and &gt; 0
   * @return the position in samples (or pixels)
   */
  public static double dequantize(int q, double length) {
    checkLength(length);
    if (q < 0 || q >= BINS) {
      throw new IllegalArgumentException("bin must be in 0..999, got " + q);
    }
    return (q + 0.5) * (length / BINS);
  }

  /**
   * The sample index nearest to a dequantised position (ties go down), clamped to
   * {@code 0..length-1}. For {@code length <= 1000} this recovers the quantised sample exactly.
   *
   * @param position a position in samples, e.g. from {@link #dequantize}
   * @param length window length in samples, &ge; 1
   */
  public static int sampleIndex(double position, int length) {
    if (length < 1) {
      throw new IllegalArgumentException("window length must be >= 1, got " + length);
    }
    if (!Double.isFinite(position)) {
      throw new IllegalArgumentException("position must be finite, got " + position);
    }
    double i = Math.ceil(position - 0.5);
    return (int) Math.max(0, Math.min(length - 1, i));
  }

  private static void checkLength(double length) {
    if (!(length > 0) || Double.isInfinite(length)) {
      throw new IllegalArgumentException("extent length must be finite and > 0, got " + length);
    }
  }
}
