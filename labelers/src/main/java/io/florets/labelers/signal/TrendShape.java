package io.florets.labelers.signal;

/**
 * Classifies the direction of a smooth trend curve: {@code increasing}, {@code decreasing},
 * {@code steady}, or {@code multiple} (it rises and falls). The curve is fitted by one line and by
 * the best two lines with one break and by the best three lines with two breaks; {@code multiple}
 * needs two (or three alternating) opposite significant slopes that explain the curve clearly
 * better than one line.
 */
public final class TrendShape {
  private TrendShape() {
  }

  /**
   * @param trend the trend curve (e.g. a decomposition's trend, or the filled values)
   * @param minChange a net change (|slope| &times; length of a piece) smaller than this is steady
   * @param minPieceFraction each piece of a two-line fit spans at least this fraction of the window
   * @return one of {@code increasing, decreasing, steady, multiple}
   */
  public static String classify(double[] trend, double minChange, double minPieceFraction) {
    int n = trend.length;
    LinePrefix lp = new LinePrefix(trend);
    double one = lp.rssLine(0, n);
    int minPiece = Math.max(3, (int) Math.ceil(minPieceFraction * n));
    double best = Double.POSITIVE_INFINITY;
    int cut = -1;
    for (int k = minPiece; k <= n - minPiece; k++) {
      double r = lp.rssLine(0, k) + lp.rssLine(k, n);
      if (r < best) {
        best = r;
        cut = k;
      }
    }
    if (cut > 0) {
      double s1 = lp.slope(0, cut);
      double s2 = lp.slope(cut, n);
      double c1 = s1 * cut;
      double c2 = s2 * (n - cut);
      if (Math.signum(s1) != Math.signum(s2) && Math.abs(c1) > minChange && Math.abs(c2) > minChange
          && best < 0.5 * one) {
        return "multiple";
      }
    }
    if (threePieces(lp, n, minPiece, minChange, one)) {
      return "multiple";
    }
    double change = lp.slope(0, n) * (n - 1);
    if (Math.abs(change) <= minChange) {
      return "steady";
    }
    return change > 0 ? "increasing" : "decreasing";
  }

  /**
   * True if the best fit by three lines (breaks searched on a grid of {@code max(1, n/64)} samples,
   * every piece at least {@code minPiece} long) has slopes alternating in sign, every piece
   * changing by more than {@code minChange}, and a residual below half the one-line residual:
   * a rise-fall-rise (or fall-rise-fall) that no single break explains.
   */
  private static boolean threePieces(LinePrefix lp, int n, int minPiece, double minChange, double one) {
    int step = Math.max(1, n / 64);
    double best = Double.POSITIVE_INFINITY;
    int c1 = -1;
    int c2 = -1;
    double slack = lp.rssSlack();
    for (int a = minPiece; a <= n - 2 * minPiece; a += step) {
      double left = lp.rssLine(0, a);
      if (left >= best) {
        continue;
      }
      for (int b = a + minPiece; b <= n - minPiece; b += step) {
        double mid = lp.rssLine(a, b);
        // the middle residual grows with b (up to the slack): no later b can beat best
        if (left + mid - slack - 1e-12 * (Math.abs(left) + mid + Math.abs(best)) > best) {
          break;
        }
        double r = left + mid + lp.rssLine(b, n);
        if (r < best) {
          best = r;
          c1 = a;
          c2 = b;
        }
      }
    }
    if (c1 < 0 || !(best < 0.5 * one)) {
      return false;
    }
    double s1 = lp.slope(0, c1);
    double s2 = lp.slope(c1, c2);
    double s3 = lp.slope(c2, n);
    return Math.signum(s1) != Math.signum(s2) && Math.signum(s2) != Math.signum(s3)
        && Math.abs(s1 * c1) > minChange && Math.abs(s2 * (c2 - c1)) > minChange
        && Math.abs(s3 * (n - c2)) > minChange;
  }
}
