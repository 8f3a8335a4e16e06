package io.florets.labelers.minirocket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/** Checks the eigen-based leave-one-out shortcut against refitting without each example. */
class RidgeClassifierCVTest {

  private static float[][] randomFeatures(int n, int p, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[][] x = new float[n][p];
    for (float[] row : x) {
      for (int j = 0; j < p; j++) {
        row[j] = (float) (r.nextDouble() * (j + 1) + (j % 3 == 0 ? 5 : 0));
      }
    }
    return x;
  }

  private static int[] randomLabels(int n, int k, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = i < k ? i : r.nextInt(k);
    }
    return y;
  }

  /** Standardised copy, with statistics of all rows (as the classifier does). */
  private static double[][] standardised(float[][] x) {
    int n = x.length;
    int p = x[0].length;
    double[][] z = new double[n][p];
    for (int j = 0; j < p; j++) {
      double m = 0;
      for (float[] row : x) {
        m += row[j];
      }
      m /= n;
      double v = 0;
      for (float[] row : x) {
        v += (row[j] - m) * (row[j] - m);
      }
      double sd = Math.sqrt(v / n);
      for (int i = 0; i < n; i++) {
        z[i][j] = (x[i][j] - m) / sd;
      }
    }
    return z;
  }

  /**
   * Brute force: ridge with an unpenalised intercept fitted on the rows in {@code keep}, by the
   * normal equations of the augmented design [1, Z] with a zero penalty on the intercept.
   */
  private static double[][] fitClosedForm(double[][] z, double[][] y, boolean[] keep, double alpha) {
    int p = z[0].length;
    double[][] a = new double[p + 1][p + 1];
    double[][] b = new double[p + 1][y[0].length];
    for (int i = 0; i < z.length; i++) {
      if (!keep[i]) {
        continue;
      }
      double[] row = new double[p + 1];
      row[0] = 1;
      System.arraycopy(z[i], 0, row, 1, p);
      for (int u = 0; u <= p; u++) {
        for (int v = 0; v <= p; v++) {
          a[u][v] += row[u] * row[v];
        }
        for (int k = 0; k < y[0].length; k++) {
          b[u][k] += row[u] * y[i][k];
        }
      }
    }
    for (int u = 1; u <= p; u++) {
      a[u][u] += alpha;
    }
    RealMatrix sol = new LUDecomposition(new Array2DRowRealMatrix(a)).getSolver()
        .solve(new Array2DRowRealMatrix(b));
    return sol.getData();
  }

  private static double[] bruteForceLoo(float[][] x, int[] labels, int k, double[] alphas) {
    double[][] z = standardised(x);
    double[][] y = new double[x.length][k];
    for (int i = 0; i < x.length; i++) {
      for (int c = 0; c < k; c++) {
        y[i][c] = labels[i] == c ? 1 : -1;
      }
    }
    double[] errors = new double[alphas.length];
    for (int a = 0; a < alphas.length; a++) {
      for (int i = 0; i < x.length; i++) {
        boolean[] keep = new boolean[x.length];
        java.util.Arrays.fill(keep, true);
        keep[i] = false;
        double[][] w = fitClosedForm(z, y, keep, alphas[a]);
        for (int c = 0; c < k; c++) {
          double pred = w[0][c];
          for (int j = 0; j < z[0].length; j++) {
            pred += z[i][j] * w[j + 1][c];
          }
          errors[a] += (y[i][c] - pred) * (y[i][c] - pred);
        }
      }
    }
    return errors;
  }

  private static void checkAgainstBruteForce(int n, int p, int k, long seed) {
    float[][] x = randomFeatures(n, p, seed);
    int[] y = randomLabels(n, k, seed + 1);
    double[] alphas = RidgeClassifierCV.defaultAlphas();
    RidgeClassifierCV r = RidgeClassifierCV.fit(x, y, k, alphas);
    double[] expected = bruteForceLoo(x, y, k, alphas);
    double[] got = r.looErrors();
    int best = 0;
    for (int a = 0; a < alphas.length; a++) {
      assertEquals(expected[a], got[a], 1e-6 * Math.max(1, expected[a]), "LOO error at alpha " + alphas[a]);
      best = expected[a] < expected[best] ? a : best;
    }
    assertEquals(alphas[best], r.alpha(), "chosen alpha");
    // the final model equals the closed form on all rows, mapped back to raw features
    double[][] z = standardised(x);
    double[][] yy = new double[n][k];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < k; c++) {
        yy[i][c] = y[i] == c ? 1 : -1;
      }
    }
    boolean[] all = new boolean[n];
    java.util.Arrays.fill(all, true);
    double[][] w = fitClosedForm(z, yy, all, r.alpha());
    for (int i = 0; i < n; i++) {
      double[] expectedScores = new double[k];
      for (int c = 0; c < k; c++) {
        expectedScores[c] = w[0][c];
        for (int j = 0; j < p; j++) {
          expectedScores[c] += z[i][j] * w[j + 1][c];
        }
      }
      assertArrayEquals(expectedScores, r.decisionFunction(x[i]), 1e-6, "scores of example " + i);
    }
    // each example's leave-one-out scores equal those of the fit on the other rows
    double[][] loo = r.looScores();
    for (int i = 0; i < n; i++) {
      boolean[] keep = all.clone();
      keep[i] = false;
      double[][] wi = fitClosedForm(z, yy, keep, r.alpha());
      for (int c = 0; c < k; c++) {
        double expectedScore = wi[0][c];
        for (int j = 0; j < p; j++) {
          expectedScore += z[i][j] * wi[j + 1][c];
        }
        assertEquals(expectedScore, loo[i][c], 1e-6 * Math.max(1, Math.abs(expectedScore)),
            "leave-one-out score of example " + i + ", class " + c);
      }
    }
  }

  @Test
  void gramModeMatchesBruteForceWhenFeaturesOutnumberExamples() {
    checkAgainstBruteForce(12, 30, 2, 1);
    checkAgainstBruteForce(15, 40, 3, 2);
  }

  @Test
  void covarianceModeMatchesBruteForceWhenExamplesOutnumberFeatures() {
    checkAgainstBruteForce(30, 6, 2, 3);
    checkAgainstBruteForce(25, 8, 4, 4);
  }

  @Test
  void defaultAlphasAreLogspaceMinus3To3() {
    double[] a = RidgeClassifierCV.defaultAlphas();
    assertEquals(10, a.length);
    assertEquals(1e-3, a[0], 1e-15);
    assertEquals(1e3, a[9], 1e-9);
    assertEquals(Math.pow(10, -3 + 6.0 / 9), a[1], 1e-15);
  }

  @Test
  void separableDataIsClassifiedAndConstantFeaturesAreHarmless() {
    float[][] x = new float[20][3];
    int[] y = new int[20];
    for (int i = 0; i < 20; i++) {
      y[i] = i % 2;
      x[i][0] = y[i] == 1 ? 1f + i * 0.01f : -1f - i * 0.01f;
      x[i][1] = 7f;
      x[i][2] = (i * 37 % 11) / 11f;
    }
    RidgeClassifierCV r = RidgeClassifierCV.fit(x, y, 2, RidgeClassifierCV.defaultAlphas());
    assertArrayEquals(y, r.predict(x));
  }

  @Test
  void rejectsBadLabelsAndAlphas() {
    float[][] x = randomFeatures(4, 3, 1);
    assertThrows(IllegalArgumentException.class, () -> RidgeClassifierCV.fit(x, new int[] {0, 1, 2, 0}, 2,
        RidgeClassifierCV.defaultAlphas()));
    assertThrows(IllegalArgumentException.class, () -> RidgeClassifierCV.fit(x, new int[] {0, 1, 1, 0}, 2,
        new double[] {0.0}));
    assertThrows(IllegalArgumentException.class, () -> RidgeClassifierCV.fit(x, new int[] {0, 1}, 2,
        RidgeClassifierCV.defaultAlphas()));
  }
}
