package io.florets.prompt.calibration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CalibrationMapProperties {

  /** (confidence, correct) samples, confidences on a coarse grid so that ties occur. */
  @Provide
  Arbitrary<double[][]> samples() {
    Arbitrary<Double> conf = Arbitraries.oneOf(
        Arbitraries.integers().between(0, 20).map(k -> k / 20.0),
        Arbitraries.doubles().between(0, 1));
    Arbitrary<double[]> pair = Combinators.combine(conf, Arbitraries.of(0.0, 1.0))
        .as((c, y) -> new double[] {c, y});
    return pair.list().ofMinSize(1).ofMaxSize(200).map(l -> l.toArray(new double[0][]));
  }

  private static double[] conf(double[][] s) {
    double[] c = new double[s.length];
    for (int i = 0; i < s.length; i++) {
      c[i] = s[i][0];
    }
    return c;
  }

  private static boolean[] right(double[][] s) {
    boolean[] r = new boolean[s.length];
    for (int i = 0; i < s.length; i++) {
      r[i] = s[i][1] == 1.0;
    }
    return r;
  }

  @Property(tries = 500)
  void fittedMapIsMonotoneAndInRange(@ForAll("samples") double[][] s) {
    CalibrationMap m = CalibrationMap.fit(conf(s), right(s));
    double[] x = m.x();
    double[] y = m.y();
    for (int i = 1; i < x.length; i++) {
      assertTrue(x[i] > x[i - 1], m::toString);
      assertTrue(y[i] >= y[i - 1], m::toString);
    }
    double prev = -1;
    for (int k = 0; k <= 1000; k++) {
      double v = m.apply(k / 1000.0);
      assertTrue(v >= prev && v >= 0 && v <= 1, () -> m + " at " + v);
      prev = v;
    }
  }

  /**
   * Isotonic regression leaves every pooled block with mean fitted value equal to its accuracy, and
   * each block maps to one value: on its own data the mapped confidences are perfectly calibrated.
   */
  @Property(tries = 500)
  void mappedTrainingDataHasNoCalibrationError(@ForAll("samples") double[][] s) {
    double[] c = conf(s);
    boolean[] r = right(s);
    CalibrationMap m = CalibrationMap.fit(c, r);
    double[] mapped = new double[c.length];
    for (int i = 0; i < c.length; i++) {
      mapped[i] = m.apply(c[i]);
    }
    Reliability after = Reliability.of(mapped, r);
    assertEquals(0, after.ece(), 1e-9, m::toString);
    assertEquals(after.accuracy(), after.meanConfidence(), 1e-9);
  }

  @Property(tries = 200)
  void fitDoesNotDependOnTheOrderOfItems(@ForAll("samples") double[][] s) {
    double[][] rev = new double[s.length][];
    for (int i = 0; i < s.length; i++) {
      rev[i] = s[s.length - 1 - i];
    }
    assertEquals(CalibrationMap.fit(conf(s), right(s)), CalibrationMap.fit(conf(rev), right(rev)));
  }

  @Example
  void reproducesPerfectlyCalibratedData() {
    // levels 0.1 .. 0.9, 20 items each, exactly 2k of them right at level k/10
    int per = 20;
    double[] c = new double[9 * per];
    boolean[] r = new boolean[c.length];
    for (int k = 1; k <= 9; k++) {
      for (int j = 0; j < per; j++) {
        c[(k - 1) * per + j] = k / 10.0;
        r[(k - 1) * per + j] = j < 2 * k;
      }
    }
    CalibrationMap m = CalibrationMap.fit(c, r);
    for (int k = 1; k <= 9; k++) {
      assertEquals(k / 10.0, m.apply(k / 10.0), 1e-12, m::toString);
    }
    assertEquals(9, m.knots());
    assertEquals(0.15, m.apply(0.15), 1e-12, "linear between knots");
    assertEquals(0.1, m.apply(0.0), 1e-12, "clamped below");
    assertEquals(0.9, m.apply(1.0), 1e-12, "clamped above");
    assertEquals(0, Reliability.of(c, r).ece(), 1e-12);
  }

  @Example
  void poolsAdjacentViolators() {
    // 0.1: right, 0.2: wrong -> pooled to 0.5; 0.3 and 0.4 right -> pooled to 1
    CalibrationMap m = CalibrationMap.fit(new double[] {0.4, 0.1, 0.3, 0.2},
        new boolean[] {true, true, true, false});
    assertArrayEquals(new double[] {0.1, 0.2, 0.3, 0.4}, m.x());
    assertArrayEquals(new double[] {0.5, 0.5, 1, 1}, m.y());
    assertEquals(0.75, m.apply(0.25), 1e-12);
    // three violators in a row pool into one block: (1 + 0 + 0) / 3 over [0.2, 0.6]
    CalibrationMap down = CalibrationMap.fit(new double[] {0.2, 0.4, 0.6},
        new boolean[] {true, false, false});
    assertArrayEquals(new double[] {0.2, 0.6}, down.x());
    assertArrayEquals(new double[] {1 / 3.0, 1 / 3.0}, down.y(), 1e-15);
  }

  @Example
  void rejectsBadInputNamingIt() {
    IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
        () -> CalibrationMap.fit(new double[] {0.5, Double.NaN}, new boolean[] {true, false}));
    assertTrue(nan.getMessage().contains("index 1") && nan.getMessage().contains("NaN"),
        nan.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> CalibrationMap.fit(new double[0], new boolean[0]));
    assertThrows(IllegalArgumentException.class,
        () -> CalibrationMap.fit(new double[] {0.5}, new boolean[] {true, false}));
    IllegalArgumentException order = assertThrows(IllegalArgumentException.class,
        () -> CalibrationMap.of(new double[] {0.5, 0.5}, new double[] {0.1, 0.2}));
    assertTrue(order.getMessage().contains("knot 1"), order.getMessage());
    IllegalArgumentException down = assertThrows(IllegalArgumentException.class,
        () -> CalibrationMap.of(new double[] {0.2, 0.5}, new double[] {0.3, 0.2}));
    assertTrue(down.getMessage().contains("non-decreasing"), down.getMessage());
    IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
        () -> CalibrationMap.identity().apply(1.5));
    assertTrue(range.getMessage().contains("1.5"), range.getMessage());
    assertEquals(List.of(0.0, 1.0), List.of(CalibrationMap.identity().y()[0],
        CalibrationMap.identity().y()[1]));
  }
}
