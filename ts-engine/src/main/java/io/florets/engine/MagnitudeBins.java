package io.florets.engine;

/**
 * The magnitude scale of the output contract's numbers: bin {@code k} of {@value #BINS} stands for
 * {@code |v|} in {@code [10^(LOG_MIN + k * WIDTH), 10^(LOG_MIN + (k + 1) * WIDTH))}, so one bin
 * is a relative step of {@code 10^WIDTH - 1} (about 2.3%). The prompt head writes numbers with
 * these bins; the series front end's number copy points at them. Stateless.
 */
public final class MagnitudeBins {
  /** Number of magnitude bins. */
  public static final int BINS = 1200;
  /** log10 of the smallest non-zero magnitude a bin stands for. */
  public static final double LOG_MIN = -6.0;
  /** Width of one bin in decades. */
  public static final double WIDTH = 0.01;

  private MagnitudeBins() {
  }

  /**
   * The bin of {@code |v|}: {@code floor((log10|v| - LOG_MIN) / WIDTH)}, magnitudes above the top
   * bin saturating there; -1 when {@code |v| < 10^LOG_MIN} (written as zero) or not finite.
   */
  public static int of(double v) {
    if (!Double.isFinite(v) || Math.abs(v) < Math.pow(10, LOG_MIN)) {
      return -1;
    }
    double k = Math.floor((Math.log10(Math.abs(v)) - LOG_MIN) / WIDTH);
    return (int) Math.max(0, Math.min(BINS - 1, k));
  }
}
