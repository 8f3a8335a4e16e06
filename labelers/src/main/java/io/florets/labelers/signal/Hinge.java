package io.florets.labelers.signal;

/**
 * Locates a bend of a trend: the position {@code tau} at which the continuous broken line
 * {@code y = a + b t + c max(0, t - tau)} fits a range best (least squares). A break found by fitting
 * separate lines to each side (as PELT does) can sit several samples off, because each line may
 * jump; forcing the two lines to meet makes the location far more precise. Stateless.
 */
public final class Hinge {
  private Hinge() {
  }

  /**
   * The best bend position.
   *
   * @param y values
   * @param from first sample of the range fitted
   * @param to end of the range (exclusive)
   * @param lo smallest position tried
   * @param hi largest position tried
   * @return the position in {@code [lo, hi]} with the smallest residual sum of squares, or
   *     {@code lo} when the range is too short to fit ({@code to - from < 4})
   */
  public static int locate(double[] y, int from, int to, int lo, int hi) {
    return (int) scan(y, from, to, lo, hi)[0];
  }

  /**
   * The residual sum of squares of the best continuous broken line over {@code [from, to)} with
   * its bend in {@code [lo, hi]} ({@code +inf} when the range is too short to fit).
   */
  public static double bestRss(double[] y, int from, int to, int lo, int hi) {
    return scan(y, from, to, lo, hi)[1];
  }

  /** {best position, its residual sum of squares}. */
  private static double[] scan(double[] y, int from, int to, int lo, int hi) {
    if (to - from < 4 || hi < lo) {
      return new double[] {lo, Double.POSITIVE_INFINITY};
    }
    double s0 = to - from;
    double s1 = 0;
    double s2 = 0;
    double sy = 0;
    double sty = 0;
    double syy = 0;
    for (int t = from; t < to; t++) {
      double u = t - from;
      s1 += u;
      s2 += u * u;
      sy += y[t];
      sty += u * y[t];
      syy += y[t] * y[t];
    }
    int best = lo;
    double bestRss = Double.POSITIVE_INFINITY;
    for (int tau = lo; tau <= hi; tau++) {
      double h1 = 0;
      double ht = 0;
      double hh = 0;
      double hy = 0;
      for (int t = Math.max(from, tau + 1); t < to; t++) {
        double h = t - tau;
        double u = t - from;
        h1 += h;
        ht += h * u;
        hh += h * h;
        hy += h * y[t];
      }
      double rss = rss(new double[][] {{s0, s1, h1}, {s1, s2, ht}, {h1, ht, hh}}, new double[] {sy, sty, hy}, syy);
      if (rss < bestRss) {
        bestRss = rss;
        best = tau;
      }
    }
    return new double[] {best, bestRss};
  }

  /** {@code syy - beta' X'y} for the normal equations {@code A beta = v}; +inf if A is singular. */
  private static double rss(double[][] a, double[] v, double syy) {
    double det = a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1])
        - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0])
        + a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]);
    if (!(Math.abs(det) > 1e-12)) {
      return Double.POSITIVE_INFINITY;
    }
    double fit = 0;
    for (int c = 0; c < 3; c++) {
      double[][] m = {a[0].clone(), a[1].clone(), a[2].clone()};
      for (int r = 0; r < 3; r++) {
        m[r][c] = v[r];
      }
      double dc = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
          - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
          + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
      fit += dc / det * v[c];
    }
    return syy - fit;
  }
}
