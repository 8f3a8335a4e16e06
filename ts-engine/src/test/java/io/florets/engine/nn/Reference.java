package io.florets.engine.nn;

/** Plain-Java reference math (double precision) for checking the blocks. Row-major [T][d]. */
final class Reference {
  private Reference() {
  }

  /** y = x W^T + b with W [out][in]. */
  static double[][] linear(double[][] x, double[][] w, double[] b) {
    double[][] y = new double[x.length][w.length];
    for (int t = 0; t < x.length; t++) {
      for (int o = 0; o < w.length; o++) {
        double s = b[o];
        for (int i = 0; i < x[t].length; i++) {
          s += x[t][i] * w[o][i];
        }
        y[t][o] = s;
      }
    }
    return y;
  }

  static double[][] layerNorm(double[][] x, double[] g, double[] b) {
    double[][] y = new double[x.length][x[0].length];
    for (int t = 0; t < x.length; t++) {
      double mean = 0;
      for (double v : x[t]) {
        mean += v;
      }
      mean /= x[t].length;
      double var = 0;
      for (double v : x[t]) {
        var += (v - mean) * (v - mean);
      }
      var /= x[t].length;
      for (int i = 0; i < x[t].length; i++) {
        y[t][i] = (x[t][i] - mean) / Math.sqrt(var + 1e-5) * g[i] + b[i];
      }
    }
    return y;
  }

  /** Multi-head attention of q [T][d] over k, v [S][d] with key mask (true = real). */
  static double[][] attention(double[][] q, double[][] k, double[][] v, boolean[] keyReal,
      int heads, boolean causal) {
    int d = q[0].length;
    int dh = d / heads;
    double[][] out = new double[q.length][d];
    for (int h = 0; h < heads; h++) {
      for (int t = 0; t < q.length; t++) {
        double[] s = new double[k.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k.length; j++) {
          if (!keyReal[j] || (causal && j > t)) {
            s[j] = Double.NEGATIVE_INFINITY;
            continue;
          }
          double dot = 0;
          for (int i = 0; i < dh; i++) {
            dot += q[t][h * dh + i] * k[j][h * dh + i];
          }
          s[j] = dot / Math.sqrt(dh);
          max = Math.max(max, s[j]);
        }
        double z = 0;
        for (int j = 0; j < k.length; j++) {
          s[j] = s[j] == Double.NEGATIVE_INFINITY ? 0 : Math.exp(s[j] - max);
          z += s[j];
        }
        for (int j = 0; j < k.length; j++) {
          for (int i = 0; i < dh; i++) {
            out[t][h * dh + i] += s[j] / z * v[j][h * dh + i];
          }
        }
      }
    }
    return out;
  }

  /** Exact GELU x * Phi(x), with erf from a series/continued-fraction accurate to ~1e-12. */
  static double gelu(double x) {
    return 0.5 * x * (1 + erf(x / Math.sqrt(2)));
  }

  static double erf(double x) {
    // Maclaurin series; |x| stays small in these tests (< 4)
    double sum = 0;
    double term = x;
    for (int n = 0; n < 200; n++) {
      sum += term / (2 * n + 1);
      term *= -x * x / (n + 1);
    }
    return 2 / Math.sqrt(Math.PI) * sum;
  }

  static double[][] add(double[][] a, double[][] b) {
    double[][] c = new double[a.length][a[0].length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[0].length; j++) {
        c[i][j] = a[i][j] + b[i][j];
      }
    }
    return c;
  }

  static double[][] slice(double[][] x, int from, int to) {
    double[][] y = new double[x.length][to - from];
    for (int i = 0; i < x.length; i++) {
      System.arraycopy(x[i], from, y[i], 0, to - from);
    }
    return y;
  }
}
