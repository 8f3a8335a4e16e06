package io.florets.labelers.changepoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SegmentationScoresTest {

  @Test
  void noPredictionOnTwoEqualHalvesCoversHalf() {
    assertEquals(0.5, SegmentationScores.covering(new int[] {5}, new int[0], 10), 1e-12);
  }

  @Test
  void exactPredictionCoversAll() {
    assertEquals(1.0, SegmentationScores.covering(new int[] {3, 7}, new int[] {7, 3, 3}, 10), 1e-12);
  }

  @Test
  void shiftedPredictionCoveringByHand() {
    // true [0,4) [4,10); predicted [0,6) [6,10): (4 * 4/6 + 6 * 4/6) / 10
    assertEquals(2.0 / 3.0, SegmentationScores.covering(new int[] {4}, new int[] {6}, 10), 1e-12);
  }

  @Test
  void predictionsOutsideTheSeriesAddNoSegment() {
    assertEquals(0.5, SegmentationScores.covering(new int[] {5}, new int[] {0, 10, 12}, 10), 1e-12);
  }

  @Test
  void f1MatchesWithinTheMargin() {
    // T = {0, 300, 700}, X = {0, 305, 500}: 0-0 and 300-305 match; P = R = 2/3
    assertEquals(2.0 / 3.0, SegmentationScores.f1(new int[] {300, 700}, new int[] {305, 500}, 1000, 10), 1e-12);
  }

  @Test
  void f1UsesEachPredictionOnce() {
    // T = {0, 300, 305}, X = {0, 302}: 300 takes 302, 305 finds none; P = 1, R = 2/3
    assertEquals(0.8, SegmentationScores.f1(new int[] {300, 305}, new int[] {302}, 1000, 10), 1e-12);
  }

  @Test
  void oneSegmentPredictedAsOneIsPerfect() {
    assertEquals(1.0, SegmentationScores.f1(new int[0], new int[0], 500, 5), 1e-12);
    assertEquals(1.0, SegmentationScores.covering(new int[0], new int[0], 500), 1e-12);
  }

  @Test
  void marginIsOnePercentRoundedDown() {
    assertEquals(12, SegmentationScores.margin(1299));
  }

  @Test
  void trueChangePointOutsideTheSeriesIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SegmentationScores.covering(new int[] {10}, new int[0], 10));
    assertEquals("true change point 10 is outside (0, 10)", e.getMessage());
  }
}
