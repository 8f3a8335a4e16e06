package io.florets.labelers.signal;

/**
 * Prefix sums that give the least-squares line of any stretch {@code [a, b)} of a series in O(1):
 * its slope, its value at a position and its residual sum of squares. Immutable once built.
 */
public final class LinePrefix {
  /** {@code SQUARES[k] = sq(k)} for small k: the same doubles, without two divisions a lookup. */
  private static final double[] SQUARES = new double[4097];

  static {
    for (int k = 0; k < SQUARES.length; k++) {
      SQUARES[k] = sumOfSquares(k);
    }
  }

  private final double[] sx;
  private final double[] stx;
  private final double[] sxx;
  private final double offset;

  /** Builds the sums over {@code x} (not modified, not retained). */
  public LinePrefix(double[] x) {
    int n = x.length;
    sx = new double[n + 1];
    stx = new double[n + 1];
    sxx = new double[n + 1];
    double m = 0;
    for (double v : x) {
      m += v;
    }
    offset = n > 0 ? m / n : 0;
    // running sums in registers (the same additions, in the same order, as sx[i] + v)
    double a = 0;
    double b = 0;
    double c = 0;
    for (int i = 0; i < n; i++) {
      double v = x[i] - offset;
      a += v;
      b += i * v;
      c += v * v;
      sx[i + 1] = a;
      stx[i + 1] = b;
      sxx[i + 1] = c;
    }
  }

  private static double sumT(int a, int b) {
    return ((double) (b - 1) * b - (double) (a - 1) * a) / 2.0;
  }

  private static double sumTT(int a, int b) {
    return sq(b) - sq(a);
  }

  private static double sq(int k) {
    return k < SQUARES.length ? SQUARES[k] : sumOfSquares(k);
  }

  private static double sumOfSquares(int k) {
    // sum_{t=0}^{k-1} t^2, an integer held exactly
    return (double) (k - 1) * k * (2.0 * k - 1) / 6.0;
  }

  /** Residual sum of squares of the mean over {@code [a, b)}. */
  public double rssMean(int a, int b) {
    int m = b - a;
    double s = sx[b] - sx[a];
    return Math.max(0, (sxx[b] - sxx[a]) - s * s / m);
  }

  /** Residual sum of squares of the least-squares line over {@code [a, b)} (0 if fewer than 3). */
  public double rssLine(int a, int b) {
    int m = b - a;
    if (m < 3) {
      return 0;
    }
    double s = sx[b] - sx[a];
    double st = sumT(a, b);
    double ctt = sumTT(a, b) - st * st / m;
    double ctx = (stx[b] - stx[a]) - st * s / m;
    double cxx = (sxx[b] - sxx[a]) - s * s / m;
    return Math.max(0, cxx - ctx * ctx / ctt);
  }

  /**
   * How far, at most, a computed {@link #rssLine(int, int)} can fall below the computed residual
   * of the same start and an earlier end (exact residuals never do: a longer stretch cannot be
   * fitted better). Twice a generous bound on the rounding error of one residual,
   * {@code 64 u (n^2.5 + n^2 + n) Q}, with {@code u} the unit roundoff and {@code Q} the sum of
   * squares about the mean: the prefix sums carry errors up to {@code n u} times their terms, of
   * which {@code t x_t} reach {@code n^1.5 sqrt(Q)}. Lets {@link Pelt} skip costs by bounds.
   */
  public double rssSlack() {
    double n = sx.length - 1;
    return 64 * Math.ulp(1.0) * (n * n * Math.sqrt(n) + n * n + n) * sxx[sx.length - 1];
  }

  /** Slope of the least-squares line over {@code [a, b)} (0 if fewer than 2 samples). */
  public double slope(int a, int b) {
    int m = b - a;
    if (m < 2) {
      return 0;
    }
    double s = sx[b] - sx[a];
    double st = sumT(a, b);
    double ctt = sumTT(a, b) - st * st / m;
    double ctx = (stx[b] - stx[a]) - st * s / m;
    return ctx / ctt;
  }

  /** Mean over {@code [a, b)}. */
  public double mean(int a, int b) {
    return (sx[b] - sx[a]) / (b - a) + offset;
  }

  /** Value of the least-squares line over {@code [a, b)} at position {@code t}. */
  public double lineAt(int a, int b, double t) {
    int m = b - a;
    double tm = sumT(a, b) / m;
    return mean(a, b) + slope(a, b) * (t - tm);
  }
}
