package io.florets.labelers.nab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** The one-sample confirmation of the top of a rising run of scores. */
class PeakConfirmationTest {
  private static double[] run(double... in) {
    PeakConfirmation p = new PeakConfirmation();
    double[] out = new double[in.length];
    for (int i = 0; i < in.length; i++) {
      out[i] = p.apply(in[i]);
    }
    return out;
  }

  @Test
  void aRisingRunRaisesOneAlarmAtItsTopOneSampleLate() {
    assertArrayEquals(new double[] {0, 0, 0, 0, 0.7, 0}, run(0, 0.2, 0.5, 0.7, 0, 0), 0.0);
  }

  @Test
  void aSingleScoreIsReportedOnTheNextSample() {
    assertArrayEquals(new double[] {0, 0, 0.6, 0, 0}, run(0, 0.6, 0, 0, 0), 0.0);
  }

  @Test
  void aPlateauRaisesOneAlarmWhenItEndsAndAFallReportsEachStep() {
    assertArrayEquals(new double[] {0, 0, 0, 0.4, 0.1}, run(0.4, 0.4, 0.4, 0.1, 0), 0.0);
  }

  @Test
  void aFallingRunReportsEachStepDown() {
    assertArrayEquals(new double[] {0, 0.9, 0.5, 0.2}, run(0.9, 0.5, 0.2, 0), 0.0);
  }
}
