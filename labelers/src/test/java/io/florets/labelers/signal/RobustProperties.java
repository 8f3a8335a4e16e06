package io.florets.labelers.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.From;
import net.jqwik.api.constraints.Size;

/** The median by selection is bit for bit the median a sort gives, ties, zeros and NaN included. */
class RobustProperties {

  @Provide
  Arbitrary<Double> awkward() {
    return Arbitraries.oneOf(Arbitraries.doubles().between(-3, 3).ofScale(1),
        Arbitraries.of(0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1.0));
  }

  @Provide
  Arbitrary<Double> plain() {
    return Arbitraries.oneOf(Arbitraries.doubles().between(-3, 3).ofScale(1),
        Arbitraries.of(0.0, 1.0, Double.POSITIVE_INFINITY));
  }

  @Property(tries = 500)
  void medianBySelectionEqualsMedianBySort(@ForAll @Size(min = 1, max = 80) List<@From("awkward") Double> values) {
    checkAgainstSort(values);
  }

  /** Without NaN and -0.0 the selection compares with {@code <}: still the sort's median. */
  @Property(tries = 500)
  void plainMedianBySelectionEqualsMedianBySort(@ForAll @Size(min = 1, max = 80) List<@From("plain") Double> values) {
    checkAgainstSort(values);
  }

  private static void checkAgainstSort(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    double[] sorted = v.clone();
    Arrays.sort(sorted);
    int h = sorted.length >>> 1;
    double expected = (sorted.length & 1) == 1 ? sorted[h] : 0.5 * (sorted[h - 1] + sorted[h]);
    double[] work = v.clone();
    double got = Robust.medianInPlace(work, work.length);
    assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(got),
        "median of " + Arrays.toString(v) + ": " + expected + " vs " + got);
    // the prefix is a permutation of the input
    double[] back = work.clone();
    Arrays.sort(back);
    assertEquals(Arrays.toString(sorted), Arrays.toString(back));
  }
}
