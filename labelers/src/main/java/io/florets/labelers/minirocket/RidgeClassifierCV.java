package io.florets.labelers.minirocket;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * One-vs-rest ridge classifier with the regularisation chosen by exact leave-one-out
 * cross-validation. Features are standardised (centred, divided by their standard deviation;
 * constant features keep scale 1); targets are +1 for the class and -1 otherwise; the intercept is
 * not penalised.
 *
 * <p>Leave-one-out errors for every candidate {@code alpha} come from one symmetric
 * eigendecomposition: of the Gram matrix {@code Z Z^T} (n &times; n) when there are more features
 * than examples, the usual case for MiniRocket, else of {@code Z^T Z} (p &times; p). With
 * {@code H} the hat matrix (including the intercept), the leave-one-out residual of example
 * {@code i} is {@code (y_i - (H y)_i) / (1 - H_ii)}; the alpha with the smallest sum of squared
 * residuals over examples and classes wins (ties: the smaller alpha).
 *
 * <p>Immutable and thread-safe after {@link #fit}.
 */
public final class RidgeClassifierCV {

  /** The ten alphas {@code logspace(-3, 3, 10)} used by MiniRocket. */
  public static double[] defaultAlphas() {
    double[] a = new double[10];
    for (int i = 0; i < a.length; i++) {
      a[i] = Math.pow(10, -3 + 6.0 * i / 9);
    }
    return a;
  }

  private final int numClasses;
  private final double alpha;
  private final double[] looErrors;
  /** Row k holds the weights of class k over all features, with the standardisation folded in. */
  private final double[][] weights;
  private final double[] intercepts;
  /** Per training example, its scores from the fit that left it out (at the chosen alpha). */
  private final double[][] looScores;

  private RidgeClassifierCV(int numClasses, double alpha, double[] looErrors, double[][] weights,
      double[] intercepts, double[][] looScores) {
    this.numClasses = numClasses;
    this.alpha = alpha;
    this.looErrors = looErrors;
    this.weights = weights;
    this.intercepts = intercepts;
    this.looScores = looScores;
  }

  /**
   * Fits the classifier.
   *
   * @param x examples &times; features, finite
   * @param y class index of each example, in {@code [0, numClasses)}
   * @param numClasses number of classes (&ge; 2)
   * @param alphas candidate regularisation strengths, each &gt; 0
   * @throws IllegalArgumentException for mismatched sizes, bad labels or alphas, or non-finite features
   */
  public static RidgeClassifierCV fit(float[][] x, int[] y, int numClasses, double[] alphas) {
    int n = checkInput(x, y, numClasses, alphas);
    int p = x[0].length;
    double[] mean = new double[p];
    double[] scale = new double[p];
    double[][] z = standardise(x, mean, scale);
    double[][] yc = new double[n][numClasses];
    double[] ymean = new double[numClasses];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < numClasses; k++) {
        double v = y[i] == k ? 1.0 : -1.0;
        yc[i][k] = v;
        ymean[k] += v / n;
      }
    }
    for (double[] row : yc) {
      for (int k = 0; k < numClasses; k++) {
        row[k] -= ymean[k];
      }
    }
    Spectrum sp = p > n ? Spectrum.gram(z) : Spectrum.covariance(z);
    double[][] uty = Linalg.multiplyTransposed(sp.u, yc);
    double[] errors = new double[alphas.length];
    int best = 0;
    for (int a = 0; a < alphas.length; a++) {
      errors[a] = sp.looError(uty, yc, alphas[a]);
      if (errors[a] < errors[best]) {
        best = a;
      }
    }
    double[][] w = sp.weights(z, uty, alphas[best]);
    double[] intercept = ymean.clone();
    for (int j = 0; j < p; j++) {
      for (int k = 0; k < numClasses; k++) {
        w[j][k] /= scale[j];
        intercept[k] -= mean[j] * w[j][k];
      }
    }
    double[][] byClass = new double[numClasses][p];
    for (int j = 0; j < p; j++) {
      for (int k = 0; k < numClasses; k++) {
        byClass[k][j] = w[j][k];
      }
    }
    double[][] loo = sp.looScores(uty, yc, alphas[best]);
    for (double[] row : loo) {
      for (int k = 0; k < numClasses; k++) {
        row[k] += ymean[k];
      }
    }
    return new RidgeClassifierCV(numClasses, alphas[best], errors, byClass, intercept, loo);
  }

  private static int checkInput(float[][] x, int[] y, int numClasses, double[] alphas) {
    if (x == null || x.length == 0 || y == null || y.length != x.length) {
      throw new IllegalArgumentException("ridge: need one label per example, got "
          + (x == null ? 0 : x.length) + " examples and " + (y == null ? 0 : y.length) + " labels");
    }
    if (numClasses < 2) {
      throw new IllegalArgumentException("ridge: need at least 2 classes, got " + numClasses);
    }
    if (alphas == null || alphas.length == 0) {
      throw new IllegalArgumentException("ridge: need at least one alpha");
    }
    for (double a : alphas) {
      if (!(a > 0) || Double.isInfinite(a)) {
        throw new IllegalArgumentException("ridge: alphas must be finite and > 0, got " + a);
      }
    }
    int p = x[0].length;
    for (int i = 0; i < x.length; i++) {
      if (x[i].length != p) {
        throw new IllegalArgumentException("ridge: example " + i + " has " + x[i].length
            + " features, expected " + p);
      }
      if (y[i] < 0 || y[i] >= numClasses) {
        throw new IllegalArgumentException("ridge: label of example " + i + " is " + y[i]
            + ", expected 0.." + (numClasses - 1));
      }
    }
    return x.length;
  }

  /** Centres and scales every column; fills {@code mean} and {@code scale}. */
  private static double[][] standardise(float[][] x, double[] mean, double[] scale) {
    int n = x.length;
    int p = mean.length;
    for (float[] row : x) {
      for (int j = 0; j < p; j++) {
        mean[j] += row[j];
      }
    }
    for (int j = 0; j < p; j++) {
      mean[j] /= n;
    }
    double[][] z = new double[n][p];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < p; j++) {
        double v = x[i][j];
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException("ridge: feature " + j + " of example " + i + " is " + v);
        }
        double d = v - mean[j];
        z[i][j] = d;
        scale[j] += d * d;
      }
    }
    for (int j = 0; j < p; j++) {
      double sd = Math.sqrt(scale[j] / n);
      scale[j] = sd > 1e-12 * Math.max(1.0, Math.abs(mean[j])) ? sd : 1.0;
    }
    for (double[] row : z) {
      for (int j = 0; j < p; j++) {
        row[j] /= scale[j];
      }
    }
    return z;
  }

  /**
   * Ridge scores, one per class.
   *
   * @param x examples &times; features (the training feature count)
   * @return examples &times; classes; the predicted class has the largest score
   */
  public double[][] decisionFunction(float[][] x) {
    double[][] out = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      out[i] = decisionFunction(x[i]);
    }
    return out;
  }

  /** Ridge scores of one example, one per class. */
  public double[] decisionFunction(float[] x) {
    int p = weights[0].length;
    if (x.length != p) {
      throw new IllegalArgumentException("ridge: example has " + x.length + " features, expected " + p);
    }
    double[] s = intercepts.clone();
    for (int k = 0; k < numClasses; k++) {
      double[] w = weights[k];
      double a0 = 0;
      double a1 = 0;
      int j = 0;
      for (; j + 1 < p; j += 2) {
        a0 += x[j] * w[j];
        a1 += x[j + 1] * w[j + 1];
      }
      if (j < p) {
        a0 += x[j] * w[j];
      }
      s[k] += a0 + a1;
    }
    return s;
  }

  /** Predicted class index of each example. */
  public int[] predict(float[][] x) {
    int[] out = new int[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = argmax(decisionFunction(x[i]));
    }
    return out;
  }

  static int argmax(double[] s) {
    int best = 0;
    for (int k = 1; k < s.length; k++) {
      if (s[k] > s[best]) {
        best = k;
      }
    }
    return best;
  }

  /** The chosen regularisation strength. */
  public double alpha() {
    return alpha;
  }

  /** Sum of squared leave-one-out residuals for each candidate alpha, in the given order (a copy). */
  public double[] looErrors() {
    return looErrors.clone();
  }

  /**
   * Each training example's scores from the fit without it, at the chosen alpha (exact for the
   * ridge with the standardisation of the full set): examples &times; classes, a copy. What the
   * classifier scores on series it has not seen looks like these, not like its scores on its own
   * training examples, so a confidence calibrated on them carries over.
   */
  public double[][] looScores() {
    double[][] out = new double[looScores.length][];
    for (int i = 0; i < out.length; i++) {
      out[i] = looScores[i].clone();
    }
    return out;
  }

  /** Per class its weights over the features (the standardisation folded in), a copy. */
  public double[][] weights() {
    double[][] out = new double[weights.length][];
    for (int k = 0; k < out.length; k++) {
      out[k] = weights[k].clone();
    }
    return out;
  }

  /** Per class its intercept, a copy. */
  public double[] intercepts() {
    return intercepts.clone();
  }

  /** Number of classes. */
  public int numClasses() {
    return numClasses;
  }

  /** Eigen-decomposition of the smaller of the two Gram matrices, with what LOO and weights need. */
  private static final class Spectrum {
    /** n &times; r: eigenvectors of Z Z^T (gram) or Z V (covariance). */
    final double[][] u;
    /** r eigenvalues. */
    final double[] lambda;
    /** p &times; r eigenvectors of Z^T Z in covariance mode, null in gram mode. */
    final double[][] v;

    private Spectrum(double[][] u, double[] lambda, double[][] v) {
      this.u = u;
      this.lambda = lambda;
      this.v = v;
    }

    static Spectrum gram(double[][] z) {
      EigenDecomposition eig = new EigenDecomposition(symmetric(Linalg.gram(z)));
      return new Spectrum(eig.getV().getData(), eig.getRealEigenvalues(), null);
    }

    static Spectrum covariance(double[][] z) {
      EigenDecomposition eig = new EigenDecomposition(symmetric(Linalg.crossProduct(z)));
      double[][] v = eig.getV().getData();
      return new Spectrum(Linalg.multiply(z, v), eig.getRealEigenvalues(), v);
    }

    private static RealMatrix symmetric(double[][] m) {
      return new Array2DRowRealMatrix(m, false);
    }

    /** In gram mode the fitted part of H is U diag(l/(l+a)) U^T; in covariance mode U diag(1/(l+a)) U^T. */
    private double[] factors(double alpha) {
      double[] f = new double[lambda.length];
      for (int j = 0; j < f.length; j++) {
        double l = Math.max(lambda[j], 0.0);
        f[j] = v == null ? l / (l + alpha) : 1.0 / (l + alpha);
      }
      return f;
    }

    double looError(double[][] uty, double[][] yc, double alpha) {
      double sum = 0;
      for (double[] row : looResiduals(uty, yc, alpha)) {
        for (double r : row) {
          sum += r * r;
        }
      }
      return sum;
    }

    /** Leave-one-out scores {@code y_i - r_i} in centred target units, n &times; K. */
    double[][] looScores(double[][] uty, double[][] yc, double alpha) {
      double[][] out = looResiduals(uty, yc, alpha);
      for (int i = 0; i < out.length; i++) {
        for (int k = 0; k < out[i].length; k++) {
          out[i][k] = yc[i][k] - out[i][k];
        }
      }
      return out;
    }

    /** Leave-one-out residuals {@code (y_i - (H y)_i) / (1 - H_ii)}, n &times; K. */
    private double[][] looResiduals(double[][] uty, double[][] yc, double alpha) {
      double[] f = factors(alpha);
      int n = u.length;
      int classes = yc[0].length;
      double[][] out = new double[n][classes];
      double[] fitted = new double[classes];
      for (int i = 0; i < n; i++) {
        double h = 1.0 / n;
        Arrays.fill(fitted, 0.0);
        double[] ui = u[i];
        for (int j = 0; j < f.length; j++) {
          double g = ui[j] * f[j];
          h += g * ui[j];
          double[] row = uty[j];
          for (int k = 0; k < classes; k++) {
            fitted[k] += g * row[k];
          }
        }
        for (int k = 0; k < classes; k++) {
          out[i][k] = (yc[i][k] - fitted[k]) / (1.0 - h);
        }
      }
      return out;
    }

    /** Weights in standardised space, p &times; K. */
    double[][] weights(double[][] z, double[][] uty, double alpha) {
      int classes = uty[0].length;
      double[][] scaled = new double[lambda.length][classes];
      for (int j = 0; j < lambda.length; j++) {
        double g = 1.0 / (Math.max(lambda[j], 0.0) + alpha);
        for (int k = 0; k < classes; k++) {
          scaled[j][k] = uty[j][k] * g;
        }
      }
      if (v == null) {
        // w = Z^T U diag(1/(l+a)) U^T y
        return Linalg.multiplyTransposed(z, Linalg.multiply(u, scaled));
      }
      // w = V diag(1/(l+a)) (ZV)^T y
      return Linalg.multiply(v, scaled);
    }
  }
}
