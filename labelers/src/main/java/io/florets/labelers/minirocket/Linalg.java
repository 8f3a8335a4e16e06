package io.florets.labelers.minirocket;

/** The few dense matrix products the ridge solver needs, on row-major {@code double[][]}. */
final class Linalg {
  private Linalg() {
  }

  /** {@code Z Z^T}: n &times; n for Z of n rows. */
  static double[][] gram(double[][] z) {
    int n = z.length;
    double[][] g = new double[n][n];
    for (int i = 0; i < n; i++) {
      double[] a = z[i];
      for (int j = 0; j <= i; j++) {
        double[] b = z[j];
        double s = 0;
        for (int t = 0; t < a.length; t++) {
          s += a[t] * b[t];
        }
        g[i][j] = s;
        g[j][i] = s;
      }
    }
    return g;
  }

  /** {@code Z^T Z}: p &times; p for Z of p columns. */
  static double[][] crossProduct(double[][] z) {
    int p = z[0].length;
    double[][] c = new double[p][p];
    for (double[] row : z) {
      for (int i = 0; i < p; i++) {
        double v = row[i];
        if (v != 0) {
          double[] ci = c[i];
          for (int j = 0; j < p; j++) {
            ci[j] += v * row[j];
          }
        }
      }
    }
    return c;
  }

  /** {@code A B} for A m &times; k and B k &times; n. */
  static double[][] multiply(double[][] a, double[][] b) {
    int n = b[0].length;
    double[][] out = new double[a.length][n];
    for (int i = 0; i < a.length; i++) {
      double[] ai = a[i];
      double[] oi = out[i];
      for (int t = 0; t < ai.length; t++) {
        double v = ai[t];
        if (v != 0) {
          double[] bt = b[t];
          for (int j = 0; j < n; j++) {
            oi[j] += v * bt[j];
          }
        }
      }
    }
    return out;
  }

  /** {@code A^T B} for A k &times; m and B k &times; n. */
  static double[][] multiplyTransposed(double[][] a, double[][] b) {
    int m = a[0].length;
    int n = b[0].length;
    double[][] out = new double[m][n];
    for (int t = 0; t < a.length; t++) {
      double[] at = a[t];
      double[] bt = b[t];
      for (int i = 0; i < m; i++) {
        double v = at[i];
        if (v != 0) {
          double[] oi = out[i];
          for (int j = 0; j < n; j++) {
            oi[j] += v * bt[j];
          }
        }
      }
    }
    return out;
  }
}
