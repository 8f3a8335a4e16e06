package io.florets.labelers.nab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The incremental matrix-profile value equals a brute-force nearest-neighbour search. */
class NearestNeighbourDistanceTest {

  @Test
  void matchesBruteForce() {
    int m = 5;
    int maxLag = 40;
    Random r = new Random(7);
    double[] x = new double[400];
    for (int i = 0; i < x.length; i++) {
      x[i] = Math.sin(i / 6.0) + 0.2 * r.nextGaussian();
    }
    NearestNeighbourDistance nn = new NearestNeighbourDistance(m, maxLag);
    for (int t = 0; t < x.length; t++) {
      double got = nn.update(x[t]);
      double best = Double.POSITIVE_INFINITY;
      for (int lag = m; lag <= Math.min(maxLag, t); lag++) {
        if (t - lag - m + 1 < 0) {
          continue;
        }
        double s = 0;
        for (int k = 0; k < m; k++) {
          double d = x[t - k] - x[t - k - lag];
          s += d * d;
        }
        best = Math.min(best, s);
      }
      if (best == Double.POSITIVE_INFINITY) {
        assertTrue(Double.isNaN(got), "no pair yet at " + t);
      } else {
        assertEquals(Math.sqrt(best / m), got, 1e-9, "at " + t);
      }
    }
  }
}
