package io.florets.labelers.signal;

/**
 * A PELT segmentation of a series into straight-line pieces, with each change point classified.
 * Cost of a piece: residual sum of squares of its least-squares line; penalty per piece
 * {@code penaltyFactor * sigma^2 * ln n}. At each change point the two fitted lines are
 * extrapolated to the boundary: their difference is the jump; the difference of slopes times the
 * shorter piece's length is the slope evidence.
 *
 * @param bounds piece boundaries {@code 0 = b_0 < b_1 < ... < b_k = n}; piece j is
 *     {@code [b_j, b_{j+1})}
 * @param slopes least-squares slope of each piece
 * @param jumps jump at each inner boundary {@code b_1..b_{k-1}} (length k-1)
 * @param slopeEvidence |slope change| &times; shorter adjacent length at each inner boundary
 * @param sigma the noise sigma the penalty used
 */
public record Segmentation(int[] bounds, double[] slopes, double[] jumps, double[] slopeEvidence,
    double sigma) {

  /**
   * Segments {@code y}.
   *
   * @param y values
   * @param sigma noise sigma (&gt; 0)
   * @param penaltyFactor penalty per piece in units of sigma^2 ln n
   * @param minSegment shortest piece
   */
  public static Segmentation of(double[] y, double sigma, double penaltyFactor, int minSegment) {
    return of(y, sigma, penaltyFactor, minSegment, 1);
  }

  /**
   * Segments {@code y} by PELT on the means of blocks of {@code block} samples (the block means are
   * weighted by the block size, so costs stay in the units of the samples), then finds the optimal
   * segmentation at full resolution among cuts within two blocks of the coarse change points. With
   * {@code block = 1} this is exact PELT on the samples; larger blocks cut the O(n^2) worst case of
   * PELT on series with few changes by {@code block^2}.
   *
   * @param block block size in samples (&ge; 1)
   */
  public static Segmentation of(double[] y, double sigma, double penaltyFactor, int minSegment, int block) {
    return of(y, new LinePrefix(y), sigma, penaltyFactor, minSegment, block);
  }

  /** As {@link #of(double[], double, double, int, int)}, with the line sums of {@code y} given. */
  static Segmentation of(double[] y, LinePrefix lp, double sigma, double penaltyFactor, int minSegment,
      int block) {
    int n = y.length;
    double penalty = penaltyFactor * sigma * sigma * Math.log(Math.max(2, n));
    int[] cps;
    if (block <= 1 || n < 4 * block) {
      cps = Pelt.changePoints(lp::rssLine, n, penalty, minSegment, lp.rssSlack());
    } else {
      int m = n / block;
      double[] means = new double[m];
      for (int j = 0; j < m; j++) {
        double sum = 0;
        for (int i = j * block; i < (j + 1) * block; i++) {
          sum += y[i];
        }
        means[j] = sum / block;
      }
      LinePrefix coarse = new LinePrefix(means);
      int minBlocks = Math.max(2, (minSegment + block - 1) / block);
      int[] coarseCps = Pelt.changePoints((a, b) -> block * coarse.rssLine(a, b), m, penalty, minBlocks,
          block * coarse.rssSlack());
      int[] allowed = new int[coarseCps.length * (4 * block + 1)];
      int k = 0;
      for (int c : coarseCps) {
        for (int t = c * block - 2 * block; t <= c * block + 2 * block; t++) {
          allowed[k++] = t;
        }
      }
      cps = Pelt.changePoints(lp::rssLine, n, penalty, minSegment, allowed, lp.rssSlack());
    }
    int[] bounds = new int[cps.length + 2];
    System.arraycopy(cps, 0, bounds, 1, cps.length);
    bounds[bounds.length - 1] = n;
    int k = bounds.length - 1;
    double[] slopes = new double[k];
    for (int j = 0; j < k; j++) {
      slopes[j] = lp.slope(bounds[j], bounds[j + 1]);
    }
    double[] jumps = new double[k - 1];
    double[] ev = new double[k - 1];
    for (int j = 1; j < k; j++) {
      int a0 = bounds[j - 1];
      int a = bounds[j];
      int b = bounds[j + 1];
      jumps[j - 1] = lp.lineAt(a, b, a - 0.5) - lp.lineAt(a0, a, a - 0.5);
      ev[j - 1] = Math.abs(slopes[j] - slopes[j - 1]) * Math.min(b - a, a - a0);
    }
    return new Segmentation(bounds, slopes, jumps, ev, sigma);
  }

  /** Number of pieces. */
  public int pieces() {
    return bounds.length - 1;
  }

  /**
   * {@code y} with every jump larger than {@code sigmas} local sigmas removed (later samples
   * shifted back), so that trend analysis is not fooled by level shifts. Returns a new array.
   */
  public double[] withoutJumps(double[] y, double sigmas, double[] localScale) {
    double[] out = y.clone();
    double cum = 0;
    int j = 0;
    for (int i = 0; i < out.length; i++) {
      while (j < jumps.length && bounds[j + 1] == i) {
        if (Math.abs(jumps[j]) > sigmas * localScale[bounds[j + 1]]) {
          cum += jumps[j];
        }
        j++;
      }
      out[i] -= cum;
    }
    return out;
  }
}
