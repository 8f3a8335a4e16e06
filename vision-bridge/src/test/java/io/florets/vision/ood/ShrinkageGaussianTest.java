package io.florets.vision.ood;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ShrinkageGaussianTest {
  @Test
  void isotropicRowsShrinkFullyAndGiveHandComputedDistances() {
    // mean 0, S = diag(0.5, 0.5) = mu I: nothing to shrink towards but itself, delta = 1
    ShrinkageGaussian g = ShrinkageGaussian.fit(new double[][] {{1, 0}, {-1, 0}, {0, 1}, {0, -1}});
    assertEquals(1.0, g.shrinkage(), 1e-12);
    assertEquals(0.0, g.distance(new double[] {0, 0}), 1e-12);
    assertEquals(2.0, g.distance(new double[] {1, 1}), 1e-9);     // sqrt(2 / 0.5)
    assertEquals(Math.sqrt(2), g.distance(new double[] {1, 0}), 1e-9);
  }

  @Test
  void correlatedRowsAreMeasuredAlongTheirSpreadAndShrinkPartly() {
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
    double[][] rows = new double[400][];
    for (int i = 0; i < rows.length; i++) {
      double a = rnd.nextGaussian();
      rows[i] = new double[] {a + 0.1 * rnd.nextGaussian(), a + 0.1 * rnd.nextGaussian(), 0.1 * rnd.nextGaussian()};
    }
    ShrinkageGaussian g = ShrinkageGaussian.fit(rows);
    assertTrue(g.shrinkage() > 0 && g.shrinkage() < 0.2, "shrinkage " + g.shrinkage());
    // two units along the shared direction is ordinary; two units across it is far out
    double along = g.distance(new double[] {2, 2, 0});
    double across = g.distance(new double[] {2, -2, 0});
    assertTrue(along < 3, "along " + along);
    assertTrue(across > 5 * along, "across " + across + " along " + along);
  }

  @Test
  void storedPartsGiveTheSameDistances() {
    ShrinkageGaussian g = ShrinkageGaussian.fit(new double[][] {{1, 2, 0}, {2, 1, 1}, {0, 0, 3}, {3, 1, 1}, {1, 1, 2}});
    ShrinkageGaussian h = ShrinkageGaussian.of(g.mean(), g.shrinkage(), g.lower());
    double[] x = {4, -1, 2};
    assertEquals(g.distance(x), h.distance(x), 1e-12);
  }

  @Test
  void badRowsAreRefusedByName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ShrinkageGaussian.fit(new double[][] {{1, 2}, {1, Double.NaN}}));
    assertTrue(e.getMessage().contains("row 1, column 1"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ShrinkageGaussian.fit(new double[][] {{1, 2}}));
    assertThrows(IllegalArgumentException.class, () -> ShrinkageGaussian.fit(new double[][] {{1, 2}, {1, 2}}));
  }
}
