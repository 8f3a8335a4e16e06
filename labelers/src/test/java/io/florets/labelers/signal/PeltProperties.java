package io.florets.labelers.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** PELT finds the optimal penalised segmentation: checked against brute force on small inputs. */
class PeltProperties {

  @Property(tries = 200)
  void peltMatchesBruteForceWithLineCost(
      @ForAll @Size(min = 4, max = 14) List<@DoubleRange(min = -5, max = 5) Double> values,
      @ForAll @DoubleRange(min = 0.0, max = 20) double penalty,
      @ForAll @IntRange(min = 1, max = 4) int minSize) {
    check(values, penalty, minSize, true);
  }

  @Property(tries = 200)
  void peltMatchesBruteForceWithMeanCost(
      @ForAll @Size(min = 2, max = 14) List<@DoubleRange(min = -5, max = 5) Double> values,
      @ForAll @DoubleRange(min = 0.0, max = 20) double penalty,
      @ForAll @IntRange(min = 1, max = 4) int minSize) {
    check(values, penalty, minSize, false);
  }

  /**
   * The bounded search returns plain PELT's change points exactly, on series with and without
   * level steps (values rounded to a grid, so ties and exact zeros occur).
   */
  @Property(tries = 300)
  void boundedSearchEqualsPlainPelt(
      @ForAll @Size(min = 2, max = 120) List<@DoubleRange(min = -3, max = 3) Double> noise,
      @ForAll @IntRange(min = 0, max = 3) int steps,
      @ForAll @DoubleRange(min = 0.0, max = 30) double penalty,
      @ForAll @IntRange(min = 1, max = 8) int minSize,
      @ForAll boolean grid) {
    int n = noise.size();
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double v = noise.get(i);
      y[i] = (grid ? Math.rint(v) : v) + 6.0 * (steps * i / n);
    }
    LinePrefix lp = new LinePrefix(y);
    int[] plain = Pelt.changePoints(lp::rssLine, n, penalty, minSize);
    int[] bounded = Pelt.changePoints(lp::rssLine, n, penalty, minSize, lp.rssSlack());
    assertEquals(java.util.Arrays.toString(plain), java.util.Arrays.toString(bounded),
        "series " + java.util.Arrays.toString(y));
    // the restricted search, cuts in clusters around a few centres as the segmentation makes them
    int[] allowed = new int[17 * (steps + 1)];
    for (int k = 0; k < allowed.length; k++) {
      allowed[k] = (k / 17 + 1) * n / (steps + 2) - 8 + k % 17;
    }
    assertEquals(java.util.Arrays.toString(Pelt.changePoints(lp::rssLine, n, penalty, minSize, allowed)),
        java.util.Arrays.toString(Pelt.changePoints(lp::rssLine, n, penalty, minSize, allowed, lp.rssSlack())),
        "restricted, series " + java.util.Arrays.toString(y));
  }

  private static void check(List<Double> values, double penalty, int minSize, boolean line) {
    double[] y = values.stream().mapToDouble(Double::doubleValue).toArray();
    LinePrefix lp = new LinePrefix(y);
    Pelt.Cost cost = line ? lp::rssLine : lp::rssMean;
    int n = y.length;
    int[] cps = Pelt.changePoints(cost, n, penalty, minSize);
    double best = bruteForce(cost, n, penalty, minSize);
    if (n < 2 * minSize) {
      assertEquals(0, cps.length);
      return;
    }
    assertEquals(best, Pelt.penalisedCost(cost, n, penalty, cps), 1e-7 * (1 + Math.abs(best)));
    for (int k = 0; k <= cps.length; k++) {
      int a = k == 0 ? 0 : cps[k - 1];
      int b = k == cps.length ? n : cps[k];
      assertEquals(true, b - a >= minSize, "segment [" + a + "," + b + ") shorter than " + minSize);
    }
  }

  @Property(tries = 300)
  void restrictedSearchMatchesBruteForceOverTheAllowedCuts(
      @ForAll @Size(min = 4, max = 14) List<@DoubleRange(min = -5, max = 5) Double> values,
      @ForAll @Size(max = 10) List<@IntRange(min = -2, max = 16) Integer> allowed,
      @ForAll @DoubleRange(min = 0.0, max = 20) double penalty,
      @ForAll @IntRange(min = 1, max = 4) int minSize,
      @ForAll boolean line) {
    double[] y = values.stream().mapToDouble(Double::doubleValue).toArray();
    LinePrefix lp = new LinePrefix(y);
    Pelt.Cost cost = line ? lp::rssLine : lp::rssMean;
    int n = y.length;
    int[] cuts = allowed.stream().mapToInt(Integer::intValue).toArray();
    int[] cps = Pelt.changePoints(cost, n, penalty, minSize, cuts);
    java.util.Set<Integer> ok = new java.util.HashSet<>(allowed);
    int prev = 0;
    for (int c : cps) {
      assertEquals(true, ok.contains(c) && c - prev >= minSize, "cut " + c + " after " + prev);
      prev = c;
    }
    double best = bruteForce(cost, n, penalty, minSize, ok);
    if (best < Double.POSITIVE_INFINITY) {
      assertEquals(true, n - prev >= minSize);
      assertEquals(best, Pelt.penalisedCost(cost, n, penalty, cps), 1e-7 * (1 + Math.abs(best)));
    } else {
      assertEquals(0, cps.length);
    }
  }

  /** The minimum over every admissible segmentation, enumerated as subsets of cut positions. */
  private static double bruteForce(Pelt.Cost cost, int n, double penalty, int minSize) {
    return bruteForce(cost, n, penalty, minSize, null);
  }

  /** As above, with cuts only at {@code allowed} positions ({@code null}: anywhere). */
  private static double bruteForce(Pelt.Cost cost, int n, double penalty, int minSize,
      java.util.Set<Integer> allowed) {
    double best = Double.POSITIVE_INFINITY;
    for (int mask = 0; mask < 1 << (n - 1); mask++) {
      List<Integer> cuts = new ArrayList<>();
      boolean inSet = true;
      for (int t = 1; t < n; t++) {
        if ((mask & (1 << (t - 1))) != 0) {
          cuts.add(t);
          inSet &= allowed == null || allowed.contains(t);
        }
      }
      if (!inSet) {
        continue;
      }
      int prev = 0;
      boolean ok = true;
      double total = 0;
      for (int c : cuts) {
        ok &= c - prev >= minSize;
        total += cost.cost(prev, c) + penalty;
        prev = c;
      }
      ok &= n - prev >= minSize;
      total += cost.cost(prev, n) + penalty;
      if (ok) {
        best = Math.min(best, total);
      }
    }
    return best;
  }
}
