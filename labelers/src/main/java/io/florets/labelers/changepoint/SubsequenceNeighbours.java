package io.florets.labelers.changepoint;

/**
 * The {@code k} nearest neighbours of every sliding window of one range of a series, by
 * z-normalised Euclidean distance, excluding trivial matches (windows whose starts are at most
 * {@code w / 2} apart).
 *
 * <p>The z-normalised distance is a decreasing function of the Pearson correlation of the two
 * windows ({@code d^2 = 2 w (1 - rho)}), so the search keeps the {@code k} highest correlations.
 * Correlations are computed diagonal by diagonal with a running dot product (O(1) per pair), so
 * the whole search is O(m^2 / 2) for {@code m} windows and needs O(m k) memory. A window with zero
 * variance correlates 0 with everything. Not thread-safe while being built; immutable after.
 */
public final class SubsequenceNeighbours {
  private final int windows;
  private final int k;
  private final int[] idx;

  private SubsequenceNeighbours(int windows, int k, int[] idx) {
    this.windows = windows;
    this.k = k;
    this.idx = idx;
  }

  /**
   * Neighbours of the windows of {@code x[from, to)}, as offsets relative to {@code from}.
   *
   * @param x the series
   * @param from first sample of the range (inclusive)
   * @param to end of the range (exclusive)
   * @param w window length, &ge; 2
   * @param k neighbours per window, &ge; 1
   * @throws IllegalArgumentException if the range holds fewer than {@code w + 2 (k + w / 2)} samples
   */
  public static SubsequenceNeighbours of(double[] x, int from, int to, int w, int k) {
    if (w < 2 || k < 1 || from < 0 || to > x.length || from >= to) {
      throw new IllegalArgumentException("neighbour search needs w >= 2, k >= 1 and 0 <= from < to <= "
          + x.length + ", got w=" + w + ", k=" + k + ", range [" + from + ", " + to + ")");
    }
    int m = to - from - w + 1;
    int excl = w / 2;
    if (m < 2 * (k + excl + 1)) {
      throw new IllegalArgumentException("range [" + from + ", " + to + ") of " + (to - from)
          + " samples is too short for " + k + " neighbours of windows of " + w);
    }
    double[] c = new double[to - from];
    double centre = 0;
    for (int i = from; i < to; i++) {
      centre += x[i];
    }
    centre /= c.length;
    for (int i = 0; i < c.length; i++) {
      c[i] = x[from + i] - centre;
    }
    double[] mu = new double[m];
    double[] inv = new double[m];
    double s = 0;
    double s2 = 0;
    for (int i = 0; i < w; i++) {
      s += c[i];
      s2 += c[i] * c[i];
    }
    for (int i = 0; i < m; i++) {
      if (i > 0) {
        s += c[i + w - 1] - c[i - 1];
        s2 += c[i + w - 1] * c[i + w - 1] - c[i - 1] * c[i - 1];
      }
      mu[i] = s / w;
      double var = s2 / w - mu[i] * mu[i];
      inv[i] = var > 1e-12 * (1 + s2 / w) ? 1.0 / (w * Math.sqrt(var)) : 0.0;
    }
    int[] idx = new int[m * k];
    double[] val = new double[m * k];
    java.util.Arrays.fill(val, Double.NEGATIVE_INFINITY);
    java.util.Arrays.fill(idx, -1);
    for (int d = excl + 1; d < m; d++) {
      double qt = 0;
      for (int t = 0; t < w; t++) {
        qt += c[t] * c[d + t];
      }
      for (int i = 0, j = d; j < m; i++, j++) {
        if (i > 0) {
          qt += c[i + w - 1] * c[j + w - 1] - c[i - 1] * c[j - 1];
        }
        double rho = (qt - w * mu[i] * mu[j]) * inv[i] * inv[j];
        if (rho > val[i * k + k - 1]) {
          insert(idx, val, i * k, k, j, rho);
        }
        if (rho > val[j * k + k - 1]) {
          insert(idx, val, j * k, k, i, rho);
        }
      }
    }
    return new SubsequenceNeighbours(m, k, idx);
  }

  private static void insert(int[] idx, double[] val, int base, int k, int who, double v) {
    int p = base + k - 1;
    while (p > base && val[p - 1] < v) {
      val[p] = val[p - 1];
      idx[p] = idx[p - 1];
      p--;
    }
    val[p] = v;
    idx[p] = who;
  }

  /** Number of windows ({@code to - from - w + 1}). */
  public int windows() {
    return windows;
  }

  /** Neighbours per window. */
  public int k() {
    return k;
  }

  /** The {@code r}-th nearest neighbour (0 = nearest) of window {@code i}, relative to the range start. */
  public int neighbour(int i, int r) {
    return idx[i * k + r];
  }
}
