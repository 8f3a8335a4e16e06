package io.florets.labelers.signal;

/**
 * The per-candidate state of PELT's bounded search (see
 * {@link Pelt#changePoints(Pelt.Cost, int, double, int, double)}): the last {@code f[tau] + C(tau, b)} evaluated
 * and its {@code b}, the first step whose pruning test is owed, and whether the candidate turned
 * out to be one PELT had dropped.
 */
final class PeltBounds {
  private static final int NONE = Integer.MAX_VALUE;
  private final double slack;
  private final double[] value;
  private final int[] at;
  private final int[] owedFrom;
  private final boolean[] dead;

  /** For candidates {@code 0..width-1}. */
  PeltBounds(int width, double slack) {
    this.slack = slack;
    this.value = new double[width];
    this.at = new int[width];
    this.owedFrom = new int[width];
    this.dead = new boolean[width];
  }

  /** True if {@code tau} turned out to be a candidate PELT had dropped. */
  boolean dead(int tau) {
    return dead[tau];
  }

  /** {@code tau} becomes a candidate with optimum {@code f} (a bound: costs are >= 0). */
  void admit(int tau, double f) {
    value[tau] = f;
    at[tau] = tau;
    owedFrom[tau] = NONE;
  }

  /**
   * {@code slack} plus room, far beyond a few units in the last place, for the rounding of the
   * sums with {@code f} and the penalty when values of the sizes {@code x} and {@code y} meet.
   */
  private double margin(double x, double y) {
    return slack + 1e-12 * (Math.abs(x) + Math.abs(y));
  }

  /**
   * The pruning test made when {@code tp} is admitted (is {@code f[tau] + C(tau, tp) <= bound}?)
   * for a candidate whose cost to {@code tp} the search did not meet: decided by the bound when it
   * can, else owed.
   */
  boolean staysUnlessOwed(int tau, int tp, double bound) {
    double b = value[tau];
    double m = margin(b, bound);
    if (at[tau] < tp && b - m > bound) {
      return false;
    }
    if (at[tau] > tp && b + m <= bound) {
      return true;
    }
    if (owedFrom[tau] > tp) {
      owedFrom[tau] = tp;
    }
    return true;
  }

  /**
   * The pruning tests {@code tau} owes, up to the one made when {@code lastTested} was admitted,
   * made with the costs (every later admission tested every live candidate; a test decided then
   * gives the same answer again): false (and {@code tau} marked dead) if PELT had dropped it.
   */
  private boolean settle(Pelt.Cost cost, int tau, int lastTested, double[] f) {
    for (int q = Math.max(owedFrom[tau], tau + 1); q <= lastTested; q++) {
      if (f[q] < Double.POSITIVE_INFINITY && !(f[tau] + cost.cost(tau, q) <= f[q])) {
        dead[tau] = true;
        return false;
      }
    }
    owedFrom[tau] = NONE;
    return true;
  }

  /**
   * The search at step {@code t}: the previous step's optimum first (a tight best early), then
   * every other live candidate its bound does not rule out. Ties go to the smallest {@code tau},
   * as in the plain search. Sets {@code last[t]}, returns {@code f[t]}.
   *
   * @param cost the cost between candidate indices
   * @param lastTested the last candidate admitted (its pruning tests made)
   */
  double search(Pelt.Cost cost, int t, int lastTested, int minSize, double penalty, double[] f,
      int[] cand, int size, Pelt.SeenCosts seen, int prevArg, int[] last) {
    double best = Double.POSITIVE_INFINITY;
    int arg = -1;
    int row = seen.row(t);
    int first = -1;
    for (int i = 0; i < size && prevArg >= 0; i++) {
      if (cand[i] == prevArg) {
        first = i;
        break;
      }
    }
    for (int k = first < 0 ? 0 : -1; k < size; k++) {
      int i = k < 0 ? first : k;
      if (k >= 0 && i == first) {
        continue;
      }
      int tau = cand[i];
      if (dead[tau]) {
        continue;
      }
      double b = value[tau];
      // f[tau] + C(tau, t) >= b - slack: with the penalty it stays above best
      if (b + penalty - margin(b, Math.abs(best) + penalty) > best
          || (arg >= 0 && tau > arg && f[tau] + penalty >= best)) {
        seen.put(row, tau, Double.NaN);
        continue;
      }
      double g = f[tau] + cost.cost(tau, t);
      seen.put(row, tau, g);
      value[tau] = g;
      at[tau] = t;
      double v = g + penalty;
      if ((v < best || (v == best && tau < arg))
          && (owedFrom[tau] == NONE || settle(cost, tau, lastTested, f))) {
        best = v;
        arg = tau;
      }
    }
    last[t] = arg;
    return best;
  }
}
