package io.florets.labelers.signal;

import java.util.Arrays;

/**
 * Exact penalised change-point search by PELT (Killick, Fearnhead &amp; Eckley 2012): minimises
 * {@code sum of segment costs + penalty * (number of segments)} over all segmentations whose
 * segments have at least {@code minSize} samples, pruning candidates that can never be optimal.
 *
 * <p>Costs must be non-negative (a candidate whose optimum plus the penalty already reaches the
 * best found so far is not evaluated). Pruning is exact for costs with
 * {@code C(a,c) >= C(a,b) + C(b,c)} (true of residual sums of squares). With a minimum segment
 * length the pruning test for a step {@code T} is made against {@code T - minSize}, the latest
 * admissible last change, so no optimal candidate is ever dropped.
 * Typical cost O(n) evaluations per series; worst case O(n^2).
 */
public final class Pelt {

  /** The cost of the segment {@code [a, b)}; never negative. */
  @FunctionalInterface
  public interface Cost {
    double cost(int a, int b);
  }

  private Pelt() {
  }

  /**
   * The optimal change points.
   *
   * @param cost segment cost
   * @param n number of samples
   * @param penalty added per segment, &ge; 0
   * @param minSize minimum segment length, &ge; 1
   * @return sorted change points {@code 0 < tau_1 < ... < n} (each the first index of a new segment);
   *     empty if one segment is best or {@code n < 2 minSize}
   */
  public static int[] changePoints(Cost cost, int n, double penalty, int minSize) {
    return changePoints(cost, n, penalty, minSize, Double.POSITIVE_INFINITY);
  }

  /**
   * The optimal change points for a cost that does not fall when its segment grows at the end,
   * up to {@code slack}: {@code C(a, c) >= C(a, b) - slack} for {@code a < b < c} (true of
   * least-squares residual sums, with {@code slack} covering their rounding). The result is the
   * one of plain PELT, double for double, with far fewer cost evaluations on series without
   * change points (where PELT prunes nothing).
   *
   * <p>Each candidate keeps the last {@code f[tau] + C(tau, b)} evaluated. In a search, a
   * candidate whose bound plus the penalty exceeds the step's best by more than {@code slack} is
   * not evaluated (it cannot win). In the pruning test, the bound decides when it can (below the
   * step: a lower bound; beyond it: an upper bound); otherwise the candidate is kept and the test
   * is owed: before a candidate with owed tests sets a search's best, those tests are made with
   * the costs themselves, and a candidate PELT would have dropped is dropped then. So every best
   * and every optimum is the one plain PELT finds. {@code slack = +infinity} is plain PELT.
   *
   * @param slack how far, at most, a computed cost can fall when its segment grows (&ge; 0)
   */
  public static int[] changePoints(Cost cost, int n, double penalty, int minSize, double slack) {
    if (minSize < 1 || !(penalty >= 0) || !(slack >= 0)) {
      throw new IllegalArgumentException("PELT needs minSize >= 1, penalty >= 0 and slack >= 0, got "
          + minSize + ", " + penalty + ", " + slack);
    }
    if (n < 2 * minSize) {
      return new int[0];
    }
    double[] f = new double[n + 1];
    int[] last = new int[n + 1];
    Arrays.fill(f, Double.POSITIVE_INFINITY);
    f[0] = -penalty;
    PeltBounds bounds = slack < Double.POSITIVE_INFINITY ? new PeltBounds(n + 1, slack) : null;
    int[] cand = new int[n + 1];
    int size = 0;
    SeenCosts seen = new SeenCosts(minSize, n + 1);
    int prevArg = -1;
    for (int t = minSize; t <= n; t++) {
      int tp = t - minSize;
      if (f[tp] < Double.POSITIVE_INFINITY) {
        int keep = 0;
        double bound = f[tp];
        int row = seen.row(tp);
        for (int i = 0; i < size; i++) {
          int tau = cand[i];
          boolean stays;
          if (bounds != null && bounds.dead(tau)) {
            stays = false;
          } else if (tau >= tp) {
            stays = true;
          } else if (tau > tp - minSize) {
            // not searched at tp (too close): PELT evaluates the pair here
            stays = bounds != null ? bounds.staysUnlessOwed(tau, tp, bound)
                : f[tau] + cost.cost(tau, tp) <= bound;
          } else {
            // tau was searched at step tp, where f[tau] + C(tau, tp) was met unless skipped
            double g = seen.get(row, tau);
            if (g == g) {
              stays = g <= bound;
            } else if (bounds != null) {
              stays = bounds.staysUnlessOwed(tau, tp, bound);
            } else {
              stays = f[tau] + cost.cost(tau, tp) <= bound;
            }
          }
          if (stays) {
            cand[keep++] = tau;
          }
        }
        size = keep;
        cand[size++] = tp;
        if (bounds != null) {
          bounds.admit(tp, f[tp]);
        }
      }
      f[t] = bounds == null ? search(cost, t, penalty, f, cand, size, seen, last)
          : bounds.search(cost, t, tp, minSize, penalty, f, cand, size, seen, prevArg, last);
      prevArg = last[t];
    }
    int count = 0;
    for (int t = last[n]; t > 0; t = last[t]) {
      count++;
    }
    int[] cps = new int[count];
    for (int t = last[n], k = count - 1; t > 0; t = last[t], k--) {
      cps[k] = t;
    }
    return cps;
  }

  /** Plain PELT's search at step {@code t}: sets {@code last[t]}, returns {@code f[t]}. */
  private static double search(Cost cost, int t, double penalty, double[] f, int[] cand, int size,
      SeenCosts seen, int[] last) {
    double best = Double.POSITIVE_INFINITY;
    int arg = -1;
    int row = seen.row(t);
    for (int i = 0; i < size; i++) {
      int tau = cand[i];
      double ft = f[tau];
      if (ft + penalty >= best) {
        // costs are >= 0, so f[tau] + C + penalty cannot fall below best: no need to evaluate C
        seen.put(row, tau, Double.NaN);
        continue;
      }
      double g = ft + cost.cost(tau, t);
      seen.put(row, tau, g);
      double v = g + penalty;
      if (v < best) {
        best = v;
        arg = tau;
      }
    }
    last[t] = arg;
    return best;
  }

  /**
   * The optimal change points when cuts may only fall on {@code allowed} positions: optimal
   * partitioning over that set with PELT's pruning (exact under the same cost condition as
   * {@link #changePoints(Cost, int, double, int)}); worst case O(|allowed|^2) cost evaluations,
   * typically far fewer.
   *
   * @param allowed candidate cut positions in (0, n), any order, duplicates ignored
   */
  public static int[] changePoints(Cost cost, int n, double penalty, int minSize, int[] allowed) {
    return changePoints(cost, n, penalty, minSize, allowed, Double.POSITIVE_INFINITY);
  }

  /**
   * As {@link #changePoints(Cost, int, double, int, int[])}, with the bounds of
   * {@link #changePoints(Cost, int, double, int, double)} for a cost that does not fall, up to
   * {@code slack}, when its segment grows at the end: the same change points, fewer evaluations.
   */
  public static int[] changePoints(Cost cost, int n, double penalty, int minSize, int[] allowed,
      double slack) {
    if (!(slack >= 0)) {
      throw new IllegalArgumentException("PELT needs slack >= 0, got " + slack);
    }
    int[] cand = admissibleSorted(allowed, minSize, n);
    int m = cand.length;
    int[] pos = new int[m + 2];
    pos[0] = 0;
    System.arraycopy(cand, 0, pos, 1, m);
    pos[m + 1] = n;
    double[] f = new double[m + 2];
    int[] last = new int[m + 2];
    Arrays.fill(f, Double.POSITIVE_INFINITY);
    f[0] = -penalty;
    PeltBounds bounds = slack < Double.POSITIVE_INFINITY ? new PeltBounds(m + 2, slack) : null;
    Cost byIndex = (i, j) -> cost.cost(pos[i], pos[j]);
    // live: the admissible last changes not yet pruned; s: the next position to become admissible
    int[] live = new int[m + 2];
    int size = 0;
    int s = 0;
    // s is admitted at most minSize steps after its own search (positions are distinct integers)
    SeenCosts seen = new SeenCosts(minSize, m + 2);
    int prevArg = -1;
    for (int j = 1; j < m + 2; j++) {
      // positions at least minSize before pos[j] are admissible for j and every later target:
      // each, as it is admitted, prunes the live ones that can never beat it (as in PELT)
      while (s < j && pos[j] - pos[s] >= minSize) {
        if (f[s] < Double.POSITIVE_INFINITY) {
          int keep = 0;
          int row = seen.row(s);
          for (int q = 0; q < size; q++) {
            int i = live[q];
            boolean stays;
            if (bounds != null && bounds.dead(i)) {
              stays = false;
            } else if (pos[s] - pos[i] < minSize) {
              // not live in the search for s (too close): PELT evaluates the pair here
              stays = bounds != null ? bounds.staysUnlessOwed(i, s, f[s])
                  : f[i] + cost.cost(pos[i], pos[s]) <= f[s];
            } else {
              // i was live in the search for s, where f[i] + C(pos[i], pos[s]) was met unless skipped
              double g = seen.get(row, i);
              if (g == g) {
                stays = g <= f[s];
              } else if (bounds != null) {
                stays = bounds.staysUnlessOwed(i, s, f[s]);
              } else {
                stays = f[i] + cost.cost(pos[i], pos[s]) <= f[s];
              }
            }
            if (stays) {
              live[keep++] = i;
            }
          }
          size = keep;
          live[size++] = s;
          if (bounds != null) {
            bounds.admit(s, f[s]);
          }
        }
        s++;
      }
      if (bounds != null) {
        f[j] = bounds.search(byIndex, j, s - 1, minSize, penalty, f, live, size, seen, prevArg, last);
        prevArg = last[j];
        continue;
      }
      int row = seen.row(j);
      for (int q = 0; q < size; q++) {
        int i = live[q];
        if (f[i] + penalty >= f[j]) {
          seen.put(row, i, Double.NaN);
          continue;
        }
        double g = f[i] + cost.cost(pos[i], pos[j]);
        seen.put(row, i, g);
        double v = g + penalty;
        if (v < f[j]) {
          f[j] = v;
          last[j] = i;
        }
      }
    }
    if (!(f[m + 1] < Double.POSITIVE_INFINITY)) {
      return new int[0];
    }
    int count = 0;
    for (int j = last[m + 1]; j > 0; j = last[j]) {
      count++;
    }
    int[] cps = new int[count];
    for (int j = last[m + 1], k = count - 1; j > 0; j = last[j], k--) {
      cps[k] = pos[j];
    }
    return cps;
  }

  /** The distinct values of {@code allowed} in {@code [minSize, n - minSize]}, ascending. */
  private static int[] admissibleSorted(int[] allowed, int minSize, int n) {
    int[] a = new int[allowed.length];
    int k = 0;
    for (int t : allowed) {
      if (t >= minSize && t <= n - minSize) {
        a[k++] = t;
      }
    }
    Arrays.sort(a, 0, k);
    int d = 0;
    for (int i = 0; i < k; i++) {
      if (d == 0 || a[i] != a[d - 1]) {
        a[d++] = a[i];
      }
    }
    return Arrays.copyOf(a, d);
  }

  /**
   * {@code f[tau] + C(tau, t)} as met in the search at step {@code t}, kept for the last
   * {@code minSize + 1} steps: the pruning test at step {@code t + minSize} asks for exactly these
   * sums, so each pair is evaluated once instead of twice (the pruning then compares the very same
   * doubles). {@code NaN} marks a pair the search skipped. Off (every lookup a miss) when the table
   * would be large.
   */
  static final class SeenCosts {
    private static final int MAX_ENTRIES = 1 << 18;
    private final int rows;
    private final int width;
    private final double[] table;

    SeenCosts(int minSize, int width) {
      this.rows = minSize + 1;
      this.width = width;
      long entries = (long) rows * width;
      this.table = entries <= MAX_ENTRIES ? new double[(int) entries] : null;
    }

    /** Where the row of {@code step} starts ({@code -1} when the table is off). */
    int row(int step) {
      return table == null ? -1 : (step % rows) * width;
    }

    double get(int row, int tau) {
      return row < 0 ? Double.NaN : table[row + tau];
    }

    void put(int row, int tau, double g) {
      if (row >= 0) {
        table[row + tau] = g;
      }
    }
  }

  /** The penalised cost {@code sum C + penalty * segments} of a segmentation. */
  public static double penalisedCost(Cost cost, int n, double penalty, int[] changePoints) {
    double total = 0;
    int a = 0;
    for (int cp : changePoints) {
      total += cost.cost(a, cp) + penalty;
      a = cp;
    }
    return total + cost.cost(a, n) + penalty;
  }
}
