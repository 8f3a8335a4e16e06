package io.florets.labelers.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The running median agrees with a median computed from scratch for every window. */
class RollingMedianProperties {

  @Property(tries = 200)
  void matchesBruteForce(@ForAll @Size(min = 1, max = 60) int[] raw, @ForAll @IntRange(min = 0, max = 9) int h) {
    double[] x = new double[raw.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = raw[i] % 7; // many ties
    }
    double[] got = RollingMedian.of(x, h);
    for (int i = 0; i < x.length; i++) {
      double[] w = Arrays.copyOfRange(x, Math.max(0, i - h), Math.min(x.length, i + h + 1));
      assertEquals(Robust.median(w), got[i], 0.0, "sample " + i);
    }
  }
}
