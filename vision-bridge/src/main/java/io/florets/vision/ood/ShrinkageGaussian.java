package io.florets.vision.ood;

import java.util.Arrays;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * A Gaussian with a Ledoit-Wolf shrinkage covariance, for Mahalanobis distances of feature vectors
 * from the rows it was fitted on. The covariance is {@code (1 - delta) S + delta mu I} with S the
 * sample covariance (divided by n), {@code mu = trace(S) / p}, and {@code delta} the Ledoit-Wolf
 * (2004) estimate of the optimal shrinkage intensity, so that it stays well conditioned when the
 * rows are few beside the dimension. Immutable and thread-safe.
 */
public final class ShrinkageGaussian {
  private final double[] mean;
  private final double shrinkage;
  /** Row-major lower-triangular Cholesky factor L of the covariance (L L^T = covariance). */
  private final double[][] lower;

  private ShrinkageGaussian(double[] mean, double shrinkage, double[][] lower) {
    this.mean = mean;
    this.shrinkage = shrinkage;
    this.lower = lower;
  }

  /**
   * Fits the mean and the shrinkage covariance of {@code rows}.
   *
   * @param rows at least 2 rows of the same dimension, finite values
   * @throws IllegalArgumentException for fewer than 2 rows, ragged rows or a non-finite value (named)
   */
  public static ShrinkageGaussian fit(double[][] rows) {
    if (rows.length < 2) {
      throw new IllegalArgumentException("a Gaussian needs at least 2 rows, got " + rows.length);
    }
    int p = rows[0].length;
    int n = rows.length;
    double[] mean = new double[p];
    for (int i = 0; i < n; i++) {
      if (rows[i].length != p) {
        throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " values, row 0 has " + p);
      }
      for (int j = 0; j < p; j++) {
        if (!Double.isFinite(rows[i][j])) {
          throw new IllegalArgumentException("row " + i + ", column " + j + " is " + rows[i][j]);
        }
        mean[j] += rows[i][j] / n;
      }
    }
    double[][] x = new double[n][p];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < p; j++) {
        x[i][j] = rows[i][j] - mean[j];
      }
    }
    double[][] s = new double[p][p];
    for (double[] r : x) {
      for (int a = 0; a < p; a++) {
        for (int b = 0; b <= a; b++) {
          s[a][b] += r[a] * r[b] / n;
        }
      }
    }
    double mu = 0;
    for (int a = 0; a < p; a++) {
      for (int b = a + 1; b < p; b++) {
        s[a][b] = s[b][a];
      }
      mu += s[a][a] / p;
    }
    // d2 = ||S - mu I||_F^2; b2 = min(d2, mean over rows of ||x x^T - S||_F^2 / n)
    double d2 = 0;
    for (int a = 0; a < p; a++) {
      for (int b = 0; b < p; b++) {
        double v = s[a][b] - (a == b ? mu : 0);
        d2 += v * v;
      }
    }
    double b2 = 0;
    for (double[] r : x) {
      double e = 0;
      for (int a = 0; a < p; a++) {
        for (int b = 0; b < p; b++) {
          double v = r[a] * r[b] - s[a][b];
          e += v * v;
        }
      }
      b2 += e / ((double) n * n);
    }
    double delta = d2 > 0 ? Math.min(b2, d2) / d2 : 1.0;
    if (!(mu > 0)) {
      throw new IllegalArgumentException("the " + n + " rows are all equal: no spread to measure distances by");
    }
    double[][] cov = new double[p][p];
    for (int a = 0; a < p; a++) {
      for (int b = 0; b < p; b++) {
        cov[a][b] = (1 - delta) * s[a][b] + (a == b ? delta * mu : 0);
      }
    }
    RealMatrix l = new CholeskyDecomposition(MatrixUtils.createRealMatrix(cov), 1e-12, 1e-15).getL();
    return new ShrinkageGaussian(mean, delta, l.getData());
  }

  /**
   * A Gaussian from stored parts (see {@link #mean()}, {@link #shrinkage()}, {@link #lower()}).
   *
   * @throws IllegalArgumentException if the sizes disagree or the factor has a non-positive diagonal
   */
  public static ShrinkageGaussian of(double[] mean, double shrinkage, double[][] lower) {
    int p = mean.length;
    if (p == 0 || lower.length != p) {
      throw new IllegalArgumentException("mean of " + p + " values needs a " + p + "-row factor, got "
          + lower.length + " rows");
    }
    double[][] l = new double[p][p];
    for (int a = 0; a < p; a++) {
      if (lower[a].length < a + 1) {
        throw new IllegalArgumentException("factor row " + a + " needs " + (a + 1) + " values, got "
            + lower[a].length);
      }
      if (!(lower[a][a] > 0)) {
        throw new IllegalArgumentException("factor diagonal " + a + " must be > 0, got " + lower[a][a]);
      }
      System.arraycopy(lower[a], 0, l[a], 0, a + 1);
    }
    if (!(shrinkage >= 0 && shrinkage <= 1)) {
      throw new IllegalArgumentException("shrinkage must be in [0, 1], got " + shrinkage);
    }
    return new ShrinkageGaussian(mean.clone(), shrinkage, l);
  }

  /** The Mahalanobis distance of {@code x} from the mean: {@code sqrt((x-m)^T C^-1 (x-m))}. */
  public double distance(double[] x) {
    int p = mean.length;
    if (x.length != p) {
      throw new IllegalArgumentException("feature vector has " + x.length + " values, the Gaussian " + p);
    }
    // forward substitution: L z = x - m, distance = |z|
    double[] z = new double[p];
    double sum = 0;
    for (int a = 0; a < p; a++) {
      double v = x[a] - mean[a];
      for (int b = 0; b < a; b++) {
        v -= lower[a][b] * z[b];
      }
      z[a] = v / lower[a][a];
      sum += z[a] * z[a];
    }
    return Math.sqrt(sum);
  }

  /** The dimension. */
  public int dimension() {
    return mean.length;
  }

  /** The mean (a copy). */
  public double[] mean() {
    return mean.clone();
  }

  /** The Ledoit-Wolf shrinkage intensity in [0, 1]. */
  public double shrinkage() {
    return shrinkage;
  }

  /** The lower-triangular Cholesky factor of the covariance, row {@code a} holding {@code a + 1} values. */
  public double[][] lower() {
    double[][] out = new double[mean.length][];
    for (int a = 0; a < out.length; a++) {
      out[a] = Arrays.copyOf(lower[a], a + 1);
    }
    return out;
  }
}
