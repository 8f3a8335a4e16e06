package io.florets.dataengine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClassReadoutsTest {

  @Test
  void theTemperatureGrowsWithHowOftenTheLeaveOneOutScoresAreRight() {
    double[][] loo = {{0.5, -0.5}, {-0.5, 0.5}, {0.4, -0.4}, {-0.3, 0.3}};
    // all right: sharp, but finite (the smoothed labels leave 1 in 6 to the other class)
    double sharp = ClassReadouts.temperature(loo, new int[] {0, 1, 0, 1});
    assertTrue(sharp > 1 && sharp < Math.pow(10, 2.5), "temperature " + sharp);
    // half wrong at the same margins: the flattest softmax on the grid
    assertEquals(0.1, ClassReadouts.temperature(loo, new int[] {1, 0, 0, 1}), 0.02);
    // mostly right: in between; the fitted probability of the right class is the smoothed share
    // of right answers, (3 (1 - 1/6) + 1/6) / 4 = 2/3
    double[][] mixed = {{1, -1}, {1, -1}, {1, -1}, {-1, 1}};
    double t = ClassReadouts.temperature(mixed, new int[] {0, 0, 0, 0});
    assertTrue(t > 0.1 && t < sharp, "temperature " + t);
    double p = 1 / (1 + Math.exp(-2 * t * 1));
    assertEquals(2.0 / 3, p, 0.03);
  }
}
