package io.florets.labelers.specialist;

/**
 * The self-join matrix profile by sliding dot products (the STOMP recurrence), O(n^2) time and
 * O(n) memory. Subsequences with zero variance are compared by their flatness (distance 0 between
 * two flat subsequences, sqrt(m) between a flat and a varying one).
 */
public final class MatrixProfile {
  private MatrixProfile() {
  }

  /**
   * @param x series values
   * @param m subsequence length (&ge; 3, &le; n/2)
   * @return for each subsequence start i, the z-normalised distance to its nearest neighbour
   *     outside the exclusion zone {@code |i-j| < ceil(m/4)}
   */
  public static double[] selfJoin(double[] x, int m) {
    int n = x.length;
    int k = n - m + 1;
    double[] mu = new double[k];
    double[] sd = new double[k];
    double s = 0;
    double ss = 0;
    for (int i = 0; i < m; i++) {
      s += x[i];
      ss += x[i] * x[i];
    }
    for (int i = 0; i < k; i++) {
      if (i > 0) {
        s += x[i + m - 1] - x[i - 1];
        ss += x[i + m - 1] * x[i + m - 1] - x[i - 1] * x[i - 1];
      }
      mu[i] = s / m;
      double v = ss / m - mu[i] * mu[i];
      sd[i] = v > 1e-12 * (1 + mu[i] * mu[i]) ? Math.sqrt(v) : 0;
    }
    int excl = (int) Math.ceil(m / 4.0);
    double[] prof = new double[k];
    java.util.Arrays.fill(prof, Double.POSITIVE_INFINITY);
    double[] qt = new double[k];
    double[] first = new double[k];
    for (int j = 0; j < k; j++) {
      double d = 0;
      for (int t = 0; t < m; t++) {
        d += x[t] * x[j + t];
      }
      qt[j] = d;
      first[j] = d;
    }
    for (int i = 0; i < k; i++) {
      if (i > 0) {
        for (int j = k - 1; j >= 1; j--) {
          qt[j] = qt[j - 1] - x[i - 1] * x[j - 1] + x[i + m - 1] * x[j + m - 1];
        }
        qt[0] = first[i];
      }
      for (int j = i + excl; j < k; j++) {
        double d = distance(qt[j], m, mu[i], sd[i], mu[j], sd[j]);
        if (d < prof[i]) {
          prof[i] = d;
        }
        if (d < prof[j]) {
          prof[j] = d;
        }
      }
    }
    return prof;
  }

  private static double distance(double qt, int m, double mi, double si, double mj, double sj) {
    if (si == 0 || sj == 0) {
      return si == 0 && sj == 0 ? 0 : Math.sqrt(m);
    }
    double corr = (qt - m * mi * mj) / (m * si * sj);
    return Math.sqrt(Math.max(0, 2 * m * (1 - corr)));
  }
}
