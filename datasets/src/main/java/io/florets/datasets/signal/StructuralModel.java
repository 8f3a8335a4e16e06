package io.florets.datasets.signal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The fit of y on a basis plus the added columns' kinds and positions. */
final class StructuralModel {
  final StructuralBasis basis;
  final List<int[]> extra;
  double[] a;
  final double[] residual;

  StructuralModel(StructuralBasis basis, double[] y, double[] w, List<int[]> extra) {
    this.basis = basis;
    this.extra = new ArrayList<>(extra);
    residual = y.clone();
    a = new double[0];
    for (double[] zi : basis.z) {
      project(zi, w);
    }
  }

  private void project(double[] zi, double[] w) {
    int n = zi.length;
    double d = 0;
    for (int t = 0; t < n; t++) {
      d += w[t] * zi[t] * residual[t];
    }
    for (int t = 0; t < n; t++) {
      residual[t] -= d * zi[t];
    }
    a = Arrays.copyOf(a, a.length + 1);
    a[a.length - 1] = d;
  }

  double[] residual(double[] y) {
    return residual.clone();
  }

  /**
   * Adds up to {@code max} columns of {@code kind}, each at the position that lowers the weighted
   * residual sum of squares most, while that drop exceeds {@code threshold}.
   */
  void forward(double[] y, double[] w, int kind, int max, double threshold, int minSegment) {
    int n = basis.n;
    double[] q = kind == StructuralFit.STEP ? basis.qStep : basis.qHinge;
    double[] sw = new double[n + 1];
    double[] swt = new double[n + 1];
    double[] swtt = new double[n + 1];
    for (int t = n - 1; t >= 0; t--) {
      sw[t] = sw[t + 1] + w[t];
      swt[t] = swt[t + 1] + w[t] * t;
      swtt[t] = swtt[t + 1] + w[t] * (double) t * t;
    }
    for (int added = 0; added < max; added++) {
      double[] sr = new double[n + 1];
      double[] srt = new double[n + 1];
      for (int t = n - 1; t >= 0; t--) {
        sr[t] = sr[t + 1] + w[t] * residual[t];
        srt[t] = srt[t + 1] + w[t] * t * residual[t];
      }
      double bestGain = 0;
      int bestS = -1;
      for (int s = minSegment; s < n - minSegment; s++) {
        double cc;
        double cr;
        if (kind == StructuralFit.STEP) {
          cc = sw[s];
          cr = sr[s];
        } else {
          cc = (swtt[s] - 2.0 * s * swt[s] + (double) s * s * sw[s]) / ((double) n * n);
          cr = (srt[s] - s * sr[s]) / n;
        }
        double perp = cc - q[s];
        if (perp > 1e-9 * cc && perp > 0) {
          double gain = cr * cr / perp;
          if (gain > bestGain) {
            bestGain = gain;
            bestS = s;
          }
        }
      }
      if (bestS < 0 || bestGain <= threshold || contains(kind, bestS)) {
        return;
      }
      double[] zi = basis.add(StructuralFit.column(kind, bestS, n));
      extra.add(new int[] {kind, bestS});
      project(zi, w);
    }
  }

  private boolean contains(int kind, int s) {
    for (int[] e : extra) {
      if (e[0] == kind && e[1] == s) {
        return true;
      }
    }
    return false;
  }

  /** The coefficients on the raw columns: {@code R beta = a}. */
  double[] beta() {
    int p = a.length;
    double[] beta = new double[p];
    for (int j = p - 1; j >= 0; j--) {
      double s = a[j];
      for (int k = j + 1; k < p; k++) {
        s -= basis.r.get(k)[j] * beta[k];
      }
      double d = basis.r.get(j)[j];
      beta[j] = d != 0 ? s / d : 0;
    }
    return beta;
  }

  /**
   * Drops the added column whose removal raises the residual sum of squares least while that rise
   * is below {@code threshold}, until none is; returns the model of the kept columns (this one
   * when none is dropped).
   */
  StructuralModel backward(double[] y, double threshold) {
    List<int[]> kept = new ArrayList<>(extra);
    StructuralBasis b = basis;
    StructuralModel m = this;
    while (!kept.isEmpty()) {
      int p = b.size();
      double[][] rinv = upperInverse(b, p);
      double[] beta = m.beta();
      int worst = -1;
      double worstCost = Double.POSITIVE_INFINITY;
      for (int j = b.baseColumns; j < p; j++) {
        double d = 0;
        for (int k = j; k < p; k++) {
          d += rinv[j][k] * rinv[j][k];
        }
        double cost = d > 0 ? beta[j] * beta[j] / d : 0;
        if (cost < worstCost) {
          worstCost = cost;
          worst = j;
        }
      }
      if (worst < 0 || worstCost >= threshold) {
        break;
      }
      kept.remove(worst - b.baseColumns);
      b = basis.copyWith(kept);
      m = new StructuralModel(b, y, basis.w, kept);
    }
    return m;
  }

  /** R^{-1} with R[i][j] = basis.r.get(j)[i] (upper triangular). */
  private static double[][] upperInverse(StructuralBasis b, int p) {
    double[][] inv = new double[p][p];
    for (int j = 0; j < p; j++) {
      double d = b.r.get(j)[j];
      inv[j][j] = d != 0 ? 1 / d : 0;
      for (int i = j - 1; i >= 0; i--) {
        double s = 0;
        for (int k = i + 1; k <= j; k++) {
          s += b.r.get(k)[i] * inv[k][j];
        }
        double dii = b.r.get(i)[i];
        inv[i][j] = dii != 0 ? -s / dii : 0;
      }
    }
    return inv;
  }

  double[] seasonal() {
    int n = basis.n;
    double[] out = new double[n];
    if (basis.harmonics == 0) {
      return out;
    }
    double[] beta = beta();
    for (int j = 2; j < 2 + 2 * basis.harmonics; j++) {
      double[] xj = basis.x.get(j);
      for (int t = 0; t < n; t++) {
        out[t] += beta[j] * xj[t];
      }
    }
    return out;
  }

  StructuralFit result(double[] y, double[] mask, double[] w, double sigma, double period,
      double pValue) {
    double[] beta = beta();
    int k = basis.harmonics;
    double[] sinC = new double[k];
    double[] cosC = new double[k];
    for (int h = 1; h <= k; h++) {
      sinC[h - 1] = beta[2 * h];
      cosC[h - 1] = beta[2 * h + 1];
    }
    int n = basis.n;
    List<Integer> hs = new ArrayList<>();
    List<Double> hv = new ArrayList<>();
    List<Integer> ss = new ArrayList<>();
    List<Double> sv = new ArrayList<>();
    for (int j = 0; j < extra.size(); j++) {
      int[] e = extra.get(j);
      double c = beta[basis.baseColumns + j];
      if (e[0] == StructuralFit.HINGE) {
        hs.add(e[1]);
        hv.add(c / n);
      } else {
        ss.add(e[1]);
        sv.add(c);
      }
    }
    int[][] hOrder = order(hs);
    int[][] sOrder = order(ss);
    int[] hPos = new int[hs.size()];
    double[] hSl = new double[hs.size()];
    for (int i = 0; i < hs.size(); i++) {
      hPos[i] = hs.get(hOrder[0][i]);
      hSl[i] = hv.get(hOrder[0][i]);
    }
    int[] sPos = new int[ss.size()];
    double[] sSz = new double[ss.size()];
    for (int i = 0; i < ss.size(); i++) {
      sPos[i] = ss.get(sOrder[0][i]);
      sSz[i] = sv.get(sOrder[0][i]);
    }
    double sum = 0;
    int cnt = 0;
    for (int t = 0; t < n; t++) {
      if (w[t] > 0) {
        sum += residual[t] * residual[t];
        cnt++;
      }
    }
    double rms = cnt > 0 ? Math.sqrt(sum / cnt) : 0;
    return new StructuralFit(n, k > 0 ? period : 0, k, beta[0], beta[1] / n, hPos, hSl, sPos, sSz,
        sinC, cosC, sigma, rms, k > 0 ? pValue : 1);
  }

  private static int[][] order(List<Integer> v) {
    Integer[] idx = new Integer[v.size()];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, (p, q) -> Integer.compare(v.get(p), v.get(q)));
    int[] out = new int[idx.length];
    for (int i = 0; i < idx.length; i++) {
      out[i] = idx[i];
    }
    return new int[][] {out};
  }
}
