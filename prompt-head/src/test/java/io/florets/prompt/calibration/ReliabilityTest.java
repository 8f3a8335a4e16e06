package io.florets.prompt.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReliabilityTest {

  @Test
  void calibratedConfidencesHaveNoError() {
    double[] c = new double[10];
    boolean[] r = new boolean[10];
    for (int i = 0; i < 10; i++) {
      c[i] = 0.8;
      r[i] = i < 8;
    }
    Reliability rel = Reliability.of(c, r);
    assertEquals(0, rel.ece(), 1e-12);
    assertEquals(0.8, rel.accuracy(), 1e-12);
    assertEquals(0.8, rel.meanConfidence(), 1e-12);
    assertEquals(10, rel.items());
  }

  @Test
  void certainAndAlwaysWrongIsTheWorstCase() {
    Reliability rel = Reliability.of(new double[] {1, 1, 1}, new boolean[3]);
    assertEquals(1, rel.ece(), 1e-12);
    assertEquals(0, rel.accuracy(), 1e-12);
  }

  @Test
  void weighsBinsByTheirShareOfItems() {
    // bin 9: 4 items at 0.95, all right (gap 0.05); bin 2: 6 items at 0.25, 3 right (gap 0.25)
    double[] c = {0.95, 0.95, 0.95, 0.95, 0.25, 0.25, 0.25, 0.25, 0.25, 0.25};
    boolean[] r = {true, true, true, true, true, true, true, false, false, false};
    assertEquals(0.4 * 0.05 + 0.6 * 0.25, Reliability.of(c, r).ece(), 1e-12);
  }

  @Test
  void itemsOfOneBinArePooledBeforeTheGapIsTaken() {
    // 0.91 right and 0.99 wrong share bin 9: |0.5 - 0.95| = 0.45, not 0.5*0.09 + 0.5*0.99 = 0.54
    assertEquals(0.45, Reliability.of(new double[] {0.91, 0.99}, new boolean[] {true, false}).ece(),
        1e-12);
    // 0.89 and 0.91 are in different bins: 0.5*|1-0.89| + 0.5*|0-0.91| = 0.51
    assertEquals(0.51, Reliability.of(new double[] {0.89, 0.91}, new boolean[] {true, false}).ece(),
        1e-12);
  }

  @Test
  void binsAreEqualWidthWithOneInTheLast() {
    assertEquals(0, Reliability.bin(0.0));
    assertEquals(0, Reliability.bin(0.0999));
    assertEquals(1, Reliability.bin(0.1));
    assertEquals(3, Reliability.bin(0.3));
    assertEquals(9, Reliability.bin(0.9));
    assertEquals(9, Reliability.bin(1.0));
  }

  @Test
  void rejectsBadInputNamingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Reliability.of(new double[] {0.2, 1.2}, new boolean[2]));
    assertTrue(e.getMessage().contains("index 1") && e.getMessage().contains("1.2"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Reliability.of(new double[0], new boolean[0]));
    assertThrows(IllegalArgumentException.class,
        () -> Reliability.of(new double[] {0.5}, new boolean[2]));
  }
}
