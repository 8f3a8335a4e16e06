package io.florets.labelers.signal;

import java.util.Arrays;

/**
 * Trend changes as the kinks of one continuous broken line fitted to the whole channel.
 *
 * <p>The model is {@code y_t = a + b t + sum_s d_s [t >= s] + sum_k c_k max(0, t - tau_k)}, fitted
 * by least squares to the samples in use less those that the fit with every candidate leaves more
 * than {@link #OUTLIER_SIGMAS} sigmas away (spike runs, stuck stretches, seasonal corners): the
 * level shifts {@code s} are given steps, the kinks {@code tau_k} start at candidate positions
 * (e.g. change points that were neither shifts nor bump edges) and are removed one at a time,
 * weakest first, while a kink's coefficient is below {@code minZ} standard errors or two kinks (or
 * a kink and an end of the window) lie closer than {@code minPiece} samples. Each survivor is then
 * moved to where a continuous broken line fits its stretch best ({@link Hinge}) and the test runs
 * again.
 *
 * <p>Fitting every kink jointly is what the separate lines of a segmentation cannot do: a short
 * piece between two change points (left by a spike run, a bump or a seasonal residue) no longer
 * hides the bend next to it, and a bend is not mistaken for a jump. Stateless.
 */
public final class Kinks {
  /** Placement sweeps at most: each kink is placed again once its neighbours have moved. */
  static final int PLACE_SWEEPS = 3;

  private Kinks() {
  }

  /**
   * The kinks found.
   *
   * @param at positions, ascending (the first sample of the new slope)
   * @param z each kink's coefficient in standard errors
   */
  public record Result(int[] at, double[] z) {
  }

  /**
   * Fits the model and eliminates weak kinks.
   *
   * @param y values, finite everywhere (gaps filled)
   * @param use samples that enter the fit ({@code false}: missing, or inside a bump)
   * @param period a period whose phases get one level each (a seasonal profile fitted jointly), or
   *     0 for none
   * @param steps level-shift positions (first sample after the jump), ascending
   * @param candidates initial kink positions, ascending
   * @param sigma per-sample noise scale (a kink is tested against the larger of this at its
   *     position and the fit's residual standard deviation)
   * @param minZ smallest coefficient, in standard errors, a kink keeps
   * @param minPiece shortest stretch between two kinks or a kink and an end of the window
   * @param radius how far a kink may move when it is placed
   * @return the surviving kinks
   */
  public static Result fit(double[] y, boolean[] use, int period, int[] steps, int[] candidates,
      double[] sigma, double minZ, int minPiece, int radius) {
    int n = y.length;
    int[] k = Arrays.stream(candidates).filter(t -> t >= minPiece && t <= n - minPiece).distinct().sorted().toArray();
    use = withoutOutliers(y, use, period, steps, k, sigma);
    k = eliminate(y, use, period, steps, k, sigma, minZ, minPiece);
    if (k.length == 0) {
      return new Result(k, new double[0]);
    }
    k = place(y, use, period, steps, k, minPiece, radius);
    k = eliminate(y, use, period, steps, k, sigma, minZ, minPiece);
    Fit f = Fit.of(y, use, period, steps, k);
    return new Result(k, f == null ? new double[k.length] : f.z(k, sigma));
  }

  /**
   * Samples this many sigmas off the fit with every candidate are left out; 4, chosen on the
   * development windows (seeds 5 and 4242) from 3, 4 and 6 by the consensus event F1.
   */
  static final double OUTLIER_SIGMAS = 4;

  /**
   * {@code use} less the samples that the fit with every candidate leaves more than
   * {@link #OUTLIER_SIGMAS} robust sigmas (and local noise sigmas) away from: spike runs, the
   * residue of a stuck stretch or of a seasonal corner, which would pull a kink towards them.
   */
  private static boolean[] withoutOutliers(double[] y, boolean[] use, int period, int[] steps, int[] k,
      double[] sigma) {
    Fit f = Fit.of(y, use, period, steps, k);
    if (f == null) {
      return use;
    }
    int n = y.length;
    double[] r = new double[n];
    int m = 0;
    for (int t = 0; t < n; t++) {
      if (use[t]) {
        r[m++] = Math.abs(y[t] - f.fitted(t, k, steps));
      }
    }
    double[] sorted = Arrays.copyOf(r, m);
    Arrays.sort(sorted);
    double robust = m == 0 ? 0 : 1.4826 * sorted[m / 2];
    boolean[] out = use.clone();
    for (int t = 0; t < n; t++) {
      if (use[t] && Math.abs(y[t] - f.fitted(t, k, steps)) > OUTLIER_SIGMAS * Math.max(robust, sigma[t])) {
        out[t] = false;
      }
    }
    return out;
  }

  private static int[] eliminate(double[] y, boolean[] use, int period, int[] steps, int[] k, double[] sigma,
      double minZ, int minPiece) {
    while (k.length > 0) {
      Fit f = Fit.of(y, use, period, steps, k);
      if (f == null) {
        return new int[0];
      }
      double[] z = f.z(k, sigma);
      int worst = -1;
      for (int i = 0; i < k.length; i++) {
        boolean crowded = i + 1 < k.length && k[i + 1] - k[i] < minPiece && z[i] <= z[i + 1]
            || i > 0 && k[i] - k[i - 1] < minPiece && z[i] < z[i - 1];
        if ((z[i] < minZ || crowded) && (worst < 0 || z[i] < z[worst])) {
          worst = i;
        }
      }
      if (worst < 0) {
        return k;
      }
      int[] next = new int[k.length - 1];
      System.arraycopy(k, 0, next, 0, worst);
      System.arraycopy(k, worst + 1, next, worst, k.length - worst - 1);
      k = next;
    }
    return k;
  }

  /**
   * Moves each kink, in turn, to the best hinge position within {@code radius} on its partial
   * residual (the data less the fitted phase levels, steps and other kinks) between its
   * neighbours.
   */
  private static int[] place(double[] y, boolean[] use, int period, int[] steps, int[] k, int minPiece, int radius) {
    int n = y.length;
    int[] at = k.clone();
    double[] r = new double[n];
    for (int sweep = 0; sweep < PLACE_SWEEPS; sweep++) {
      boolean moved = false;
      for (int i = 0; i < at.length; i++) {
        Fit f = Fit.of(y, use, period, steps, at);
        if (f == null) {
          return at;
        }
        int from = i == 0 ? 0 : at[i - 1];
        int to = i + 1 == at.length ? n : at[i + 1];
        for (int t = from; t < to; t++) {
          double own = f.slope(t) + f.hinge(i, t, at[i]);
          r[t] = use[t] ? y[t] - f.fitted(t, at, steps) + own : own;
        }
        int lo = Math.max(from + minPiece, at[i] - radius);
        int hi = Math.min(to - minPiece, at[i] + radius);
        if (hi >= lo) {
          int best = Hinge.locate(r, from, to, lo, hi);
          moved |= best != at[i];
          at[i] = best;
        }
      }
      if (!moved) {
        break;
      }
    }
    return at;
  }

  /**
   * A least-squares fit of the model for fixed steps and kinks, with one level per phase of the
   * period (the phase levels are projected out: every column and the data are centred within
   * their phase).
   */
  private static final class Fit {
    private final double[] beta;
    private final double[] invDiag;
    private final double rms;
    private final int ns;
    private final double scale;
    private final double[] level;
    private final int period;

    private Fit(double[] beta, double[] invDiag, double rms, int ns, double scale, double[] level, int period) {
      this.beta = beta;
      this.invDiag = invDiag;
      this.rms = rms;
      this.ns = ns;
      this.scale = scale;
      this.level = level;
      this.period = period;
    }

    /** Columns: t / n, steps, hinges / n. Null when the normal matrix is singular. */
    static Fit of(double[] y, boolean[] use, int period, int[] steps, int[] k) {
      int n = y.length;
      int q = Math.max(1, period);
      int p = 1 + steps.length + k.length;
      double scale = 1.0 / n;
      double[] x = new double[p];
      double[] count = new double[q];
      double[] my = new double[q];
      double[] mx = new double[q * p];
      int m = 0;
      for (int t = 0; t < n; t++) {
        if (!use[t]) {
          continue;
        }
        m++;
        int ph = t % q;
        columns(t, steps, k, scale, x);
        count[ph]++;
        my[ph] += y[t];
        for (int i = 0; i < p; i++) {
          mx[ph * p + i] += x[i];
        }
      }
      int groups = 0;
      for (int ph = 0; ph < q; ph++) {
        if (count[ph] > 0) {
          groups++;
          my[ph] /= count[ph];
          for (int i = 0; i < p; i++) {
            mx[ph * p + i] /= count[ph];
          }
        }
      }
      if (m <= p + groups) {
        return null;
      }
      double[] a = new double[p * p];
      double[] v = new double[p];
      for (int t = 0; t < n; t++) {
        if (!use[t]) {
          continue;
        }
        int ph = t % q;
        columns(t, steps, k, scale, x);
        for (int i = 0; i < p; i++) {
          x[i] -= mx[ph * p + i];
        }
        double yc = y[t] - my[ph];
        for (int i = 0; i < p; i++) {
          v[i] += x[i] * yc;
          for (int j = 0; j <= i; j++) {
            a[i * p + j] += x[i] * x[j];
          }
        }
      }
      double[] l = cholesky(a, p);
      if (l == null) {
        return null;
      }
      double[] beta = solve(l, p, v);
      double[] inv = new double[p];
      double[] e = new double[p];
      for (int i = 1 + steps.length; i < p; i++) {
        Arrays.fill(e, 0);
        e[i] = 1;
        inv[i] = solve(l, p, e)[i];
      }
      double[] level = new double[q];
      for (int ph = 0; ph < q; ph++) {
        double lv = my[ph];
        for (int i = 0; i < p; i++) {
          lv -= beta[i] * mx[ph * p + i];
        }
        level[ph] = lv;
      }
      Fit f = new Fit(beta, inv, 0, steps.length, scale, level, q);
      double rss = 0;
      for (int t = 0; t < n; t++) {
        if (use[t]) {
          double r = y[t] - f.fitted(t, k, steps);
          rss += r * r;
        }
      }
      return new Fit(beta, inv, Math.sqrt(rss / (m - p - groups)), steps.length, scale, level, q);
    }

    private static void columns(int t, int[] steps, int[] k, double scale, double[] x) {
      x[0] = t * scale;
      for (int s = 0; s < steps.length; s++) {
        x[1 + s] = t >= steps[s] ? 1 : 0;
      }
      for (int j = 0; j < k.length; j++) {
        x[1 + steps.length + j] = Math.max(0, t - k[j]) * scale;
      }
    }

    /** Each kink's |coefficient| in standard errors. */
    double[] z(int[] k, double[] sigma) {
      double[] z = new double[k.length];
      for (int j = 0; j < k.length; j++) {
        int i = 1 + ns + j;
        double s = Math.max(sigma[k[j]], rms);
        z[j] = Math.abs(beta[i]) / (s * Math.sqrt(invDiag[i]));
      }
      return z;
    }

    /** The phase level plus the line. */
    double line(int t) {
      return level[t % period] + slope(t);
    }

    /** The line's slope term alone. */
    double slope(int t) {
      return beta[0] * t * scale;
    }

    double hinge(int j, int t, int at) {
      return beta[1 + ns + j] * Math.max(0, t - at) * scale;
    }

    double fitted(int t, int[] k, int[] steps) {
      double f = line(t);
      for (int s = 0; s < steps.length; s++) {
        if (t >= steps[s]) {
          f += beta[1 + s];
        }
      }
      for (int j = 0; j < k.length; j++) {
        f += hinge(j, t, k[j]);
      }
      return f;
    }

    /** Lower-triangular Cholesky factor of the packed lower triangle, or null if not positive. */
    private static double[] cholesky(double[] a, int p) {
      double[] l = new double[p * p];
      for (int i = 0; i < p; i++) {
        for (int j = 0; j <= i; j++) {
          double s = a[i * p + j];
          for (int q = 0; q < j; q++) {
            s -= l[i * p + q] * l[j * p + q];
          }
          if (i == j) {
            if (!(s > 1e-12 * Math.max(1, a[i * p + i]))) {
              return null;
            }
            l[i * p + i] = Math.sqrt(s);
          } else {
            l[i * p + j] = s / l[j * p + j];
          }
        }
      }
      return l;
    }

    private static double[] solve(double[] l, int p, double[] b) {
      double[] z = new double[p];
      for (int i = 0; i < p; i++) {
        double s = b[i];
        for (int q = 0; q < i; q++) {
          s -= l[i * p + q] * z[q];
        }
        z[i] = s / l[i * p + i];
      }
      double[] x = new double[p];
      for (int i = p - 1; i >= 0; i--) {
        double s = z[i];
        for (int q = i + 1; q < p; q++) {
          s -= l[q * p + i] * x[q];
        }
        x[i] = s / l[i * p + i];
      }
      return x;
    }
  }
}
