package io.florets.labelers.signal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The running median agrees with a median computed from scratch for every window, by both methods. */
class RollingMedianProperties {

  @Property(tries = 200)
  void matchesBruteForce(@ForAll @Size(min = 1, max = 60) int[] raw, @ForAll @IntRange(min = 0, max = 9) int h) {
    double[] x = new double[raw.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = raw[i] % 7; // many ties
    }
    double[] got = RollingMedian.of(x, h);
    double[] window = RollingMedian.sortedWindow(x, h);
    for (int i = 0; i < x.length; i++) {
      double[] w = Arrays.copyOfRange(x, Math.max(0, i - h), Math.min(x.length, i + h + 1));
      assertEquals(Robust.median(w), got[i], 0.0, "sample " + i);
      assertEquals(Robust.median(w), window[i], 0.0, "sorted window, sample " + i);
    }
  }

  @Property(tries = 300)
  void ranksAndSortedWindowAgreeOnAwkwardValues(@ForAll @Size(min = 1, max = 300) int[] raw,
      @ForAll @IntRange(min = 0, max = 40) int h) {
    double[] x = new double[raw.length];
    for (int i = 0; i < x.length; i++) {
      int k = Math.floorMod(raw[i], 11);
      x[i] = k == 0 ? -0.0 : k == 1 ? 0.0 : k == 2 ? Double.POSITIVE_INFINITY
          : k == 3 ? -Double.MAX_VALUE
          // values a few units in the last place apart share their sort keys' top bits
          : k == 4 ? 1.0 + Math.ulp(1.0) * Math.floorMod(raw[i], 7)
          : k == 5 ? -1.0 - Math.ulp(1.0) * Math.floorMod(raw[i], 5) : raw[i] * 0.37;
    }
    double[] ranked = RollingMedian.ranked(x).of(h);
    double[] window = RollingMedian.sortedWindow(x, h);
    for (int i = 0; i < x.length; i++) {
      // == : the two zeros are one value to the sorted window
      assertTrue(ranked[i] == window[i] || (Double.isNaN(ranked[i]) && Double.isNaN(window[i])),
          "sample " + i + ": " + ranked[i] + " vs " + window[i]);
    }
  }

  @Test
  void longSeriesWithNarrowWindowsUseTheSortedWindowAndAgree() {
    assertTrue(RollingMedian.useRanks(1024, 0));
    double[] y = {5, 1, 4, 2, 3, 9, 0};
    assertArrayEquals(RollingMedian.sortedWindow(y, 30), RollingMedian.of(y, 30), 0.0);
    assertTrue(!RollingMedian.useRanks(100_000, 3));
    Random rnd = new Random(3);
    double[] x = new double[5000];
    for (int i = 0; i < x.length; i++) {
      x[i] = Math.round(rnd.nextGaussian() * 4) + 0.01 * i;
    }
    for (int h : new int[] {0, 1, 3, 16, 40}) {
      assertArrayEquals(RollingMedian.sortedWindow(x, h), RollingMedian.ranked(x).of(h), 0.0, "h " + h);
    }
  }

  @Test
  void moreValuesThanTheSortKeysCanIndexFallBackToTheSortedWindow() {
    Random rnd = new Random(5);
    double[] x = new double[70_000];
    for (int i = 0; i < x.length; i++) {
      x[i] = i % 9 == 0 ? 2.5 : Math.round(rnd.nextGaussian() * 1000) / 8.0 + 1e-13 * (i % 3);
    }
    assertTrue(!RollingMedian.useRanks(x.length, 300));
    assertArrayEquals(RollingMedian.sortedWindow(x, 300), RollingMedian.ranked(x).of(300), 0.0);
  }

  @Test
  void aNaNFallsBackToTheSortedWindow() {
    double[] x = {3, 1, Double.NaN, 2, 5, 4};
    assertArrayEquals(RollingMedian.sortedWindow(x, 1), RollingMedian.of(x, 1), 0.0);
  }

  @Test
  void aNegativeHalfWidthIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RollingMedian.of(new double[] {1, 2}, -1));
    assertTrue(e.getMessage().contains("-1"), e.getMessage());
  }
}
