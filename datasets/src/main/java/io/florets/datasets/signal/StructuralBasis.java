package io.florets.datasets.signal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Columns orthonormalised under the weights (modified Gram-Schmidt, twice), with the upper
 * triangular map {@code x_j = sum_{i <= j} r[i][j] z_i}.
 */
final class StructuralBasis {
  final int n;
  final double[] w;
  final int baseColumns;
  final int harmonics;
  final double period;
  final List<double[]> x = new ArrayList<>();
  final List<double[]> z = new ArrayList<>();
  final List<double[]> r = new ArrayList<>();
  /** Per position s, the squared norm of the projection of a step (hinge) column at s. */
  final double[] qStep;
  final double[] qHinge;
  private double[] baseQStep;
  private double[] baseQHinge;

  private StructuralBasis(int n, double[] w, int baseColumns, int harmonics, double period) {
    this.qStep = new double[n + 1];
    this.qHinge = new double[n + 1];
    this.n = n;
    this.w = w;
    this.baseColumns = baseColumns;
    this.harmonics = harmonics;
    this.period = period;
  }

  static StructuralBasis base(int n, double[] w, double period, int k) {
    StructuralBasis b = new StructuralBasis(n, w, 2 + 2 * k, k, period);
    double[] one = new double[n];
    double[] lin = new double[n];
    for (int t = 0; t < n; t++) {
      one[t] = 1;
      lin[t] = (double) t / n;
    }
    b.add(one);
    b.add(lin);
    for (int h = 1; h <= k; h++) {
      double[] s = new double[n];
      double[] c = new double[n];
      StructuralFit.rotate(2 * Math.PI * h / period, s, c);
      b.add(s);
      b.add(c);
    }
    return b;
  }

  StructuralBasis copyWith(List<int[]> extra) {
    StructuralBasis b = new StructuralBasis(n, w, baseColumns, harmonics, period);
    // the base columns' orthonormal part does not depend on what comes after them
    b.x.addAll(x.subList(0, baseColumns));
    b.z.addAll(z.subList(0, baseColumns));
    b.r.addAll(r.subList(0, baseColumns));
    if (baseQStep == null) {
      baseQStep = qStep.clone();
      baseQHinge = qHinge.clone();
    }
    System.arraycopy(baseQStep, 0, b.qStep, 0, n + 1);
    System.arraycopy(baseQHinge, 0, b.qHinge, 0, n + 1);
    b.baseQStep = baseQStep;
    b.baseQHinge = baseQHinge;
    for (int[] e : extra) {
      b.add(StructuralFit.column(e[0], e[1], n));
    }
    return b;
  }

  int size() {
    return x.size();
  }

  /** Adds a column; its orthonormal part is zero (and kept) when it lies in the span. */
  double[] add(double[] col) {
    int j = z.size();
    double[] v = col.clone();
    double[] coef = new double[j + 1];
    double before = 0;
    for (int t = 0; t < n; t++) {
      before += w[t] * v[t] * v[t];
    }
    for (int rep = 0; rep < 2; rep++) {
      for (int i = 0; i < j; i++) {
        double[] zi = z.get(i);
        double d = 0;
        for (int t = 0; t < n; t++) {
          d += w[t] * zi[t] * v[t];
        }
        coef[i] += d;
        for (int t = 0; t < n; t++) {
          v[t] -= d * zi[t];
        }
      }
      if (rep == 0) {
        // twice is enough, and once is enough unless the column lost most of its norm
        double after = 0;
        for (int t = 0; t < n; t++) {
          after += w[t] * v[t] * v[t];
        }
        if (after > 0.5 * before) {
          break;
        }
      }
    }
    double norm = 0;
    double orig = 0;
    for (int t = 0; t < n; t++) {
      norm += w[t] * v[t] * v[t];
      orig += w[t] * col[t] * col[t];
    }
    norm = Math.sqrt(norm);
    if (!(norm > 1e-9 * Math.sqrt(orig)) || norm == 0) {
      Arrays.fill(v, 0);
      norm = 0;
    } else {
      for (int t = 0; t < n; t++) {
        v[t] /= norm;
      }
    }
    coef[j] = norm;
    x.add(col);
    z.add(v);
    r.add(coef);
    double a = 0;
    double b = 0;
    for (int t = n - 1; t >= 0; t--) {
      a += w[t] * v[t];
      b += w[t] * t * v[t];
      double h = (b - t * a) / n;
      qStep[t] += a * a;
      qHinge[t] += h * h;
    }
    return v;
  }
}
