package io.florets.dataengine.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The event F1 of a sample under a minimum confidence, and the threshold of best F1. */
class ConfidenceSampleTest {

  private static ConfidenceSample sample(double[] c, boolean[] right) {
    ConfidenceSample s = new ConfidenceSample();
    for (int i = 0; i < c.length; i++) {
      s.add(c[i], right[i]);
    }
    return s;
  }

  // F1 = 2 TP / (kept + 5) at each candidate:
  //   0.9: 2/6 = .333   0.8: 4/7 = .571   0.7: 4/8 = .5   0.6: 6/9 = .667 (best)
  //   0.5: 6/10 = .6    0.4: 6/11 = .545  0.3: 6/12 = .5  0: 6/12 = .5
  private static final double[] CONF = {0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3};
  private static final boolean[] RIGHT = {true, true, false, true, false, false, false};
  private static final int GOLD = 5;

  @Test
  void f1CountsKeptItemsAgainstEveryTrueObject() {
    ConfidenceSample s = sample(CONF, RIGHT);
    assertEquals(0.5, s.f1(0, GOLD).getAsDouble(), 1e-15, "all kept: 2*3 / (7+5)");
    assertEquals(2.0 / 3, s.f1(0.6, GOLD).getAsDouble(), 1e-15, "at the threshold is kept");
    assertEquals(0.5, s.f1(0.65, GOLD).getAsDouble(), 1e-15, "0.9, 0.8, 0.7 kept: 4 / 8");
    assertEquals(0, s.f1(0.95, GOLD).getAsDouble(), "nothing kept, 5 missed");
    assertTrue(new ConfidenceSample().f1(0, 0).isEmpty(), "nothing to find, nothing found");
  }

  @Test
  void bestThresholdHasTheHighestF1() {
    ConfidenceSample.Threshold t = sample(CONF, RIGHT).bestThreshold(GOLD).orElseThrow();
    assertEquals(0.6, t.minConfidence());
    assertEquals(2.0 / 3, t.f1(), 1e-15);
    // the same items in another order choose the same threshold
    List<Integer> order = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6));
    Collections.shuffle(order, new Random(7));
    ConfidenceSample shuffled = new ConfidenceSample();
    order.forEach(i -> shuffled.add(CONF[i], RIGHT[i]));
    assertEquals(t, shuffled.bestThreshold(GOLD).orElseThrow());
  }

  @Test
  void equalF1PrefersTheLowerThreshold() {
    // gold 2: 0.8 -> 2/3, 0.7 -> 2/4, 0.6 -> 2/5, 0.5 -> 4/6 = 2/3 (tie: lower), 0.3 -> 4/7
    ConfidenceSample s = sample(new double[] {0.8, 0.7, 0.6, 0.5, 0.3},
        new boolean[] {true, false, false, true, false});
    ConfidenceSample.Threshold t = s.bestThreshold(2).orElseThrow();
    assertEquals(0.5, t.minConfidence());
    assertEquals(2.0 / 3, t.f1(), 1e-15);
    // without the item at 0.3, 0 keeps the same items as 0.5: the lower, 0, wins
    ConfidenceSample four = sample(new double[] {0.8, 0.7, 0.6, 0.5},
        new boolean[] {true, false, false, true});
    assertEquals(new ConfidenceSample.Threshold(0, 2.0 / 3), four.bestThreshold(2).orElseThrow());
    // all wrong: every candidate has F1 0, so 0 (drop nothing)
    assertEquals(new ConfidenceSample.Threshold(0, 0),
        sample(new double[] {0.7, 0.2}, new boolean[] {false, false}).bestThreshold(3)
            .orElseThrow());
  }

  @Test
  void tiesOfEqualConfidenceAreKeptOrDroppedTogether() {
    // gold 2; the two items at 0.6 (one right) go together: 0.9 -> 2/3, 0.6 -> 4/5 = 0.8
    ConfidenceSample s = sample(new double[] {0.9, 0.6, 0.6, 0.1},
        new boolean[] {true, false, true, false});
    assertEquals(new ConfidenceSample.Threshold(0.6, 0.8), s.bestThreshold(2).orElseThrow());
  }

  @Test
  void refusesGoldBelowTheRightItemsAndNaN() {
    ConfidenceSample s = sample(CONF, RIGHT);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> s.bestThreshold(2));
    assertTrue(e.getMessage().contains("got 2") && e.getMessage().contains("3 right"),
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> s.f1(0.5, -1));
    assertThrows(IllegalArgumentException.class, () -> s.f1(Double.NaN, GOLD));
    assertTrue(new ConfidenceSample().bestThreshold(0).isEmpty());
  }

  @Test
  void aGroupOfWrongItemsGetsAHigherMinimumThanTheOthers() {
    ConfidenceSample s = new ConfidenceSample();
    // spikes: right at every confidence; trend changes: right only above 0.8
    for (double c : new double[] {0.2, 0.4, 0.6, 0.9}) {
      s.add(c, true, "spike_up");
    }
    for (double c : new double[] {0.3, 0.5, 0.7}) {
      s.add(c, false, "trend_change");
    }
    s.add(0.85, true, "trend_change");
    s.add(0.95, true, "trend_change");
    int gold = 8;
    java.util.Map<String, Double> t = s.bestGroupThresholds(gold, 0.0);
    assertEquals(0.0, t.get("spike_up"));
    assertEquals(0.85, t.get("trend_change"));
    // 6 right of 6 kept against 8 true: 12 / 14
    assertEquals(12.0 / 14, s.f1(t, 0.0, gold), 1e-12);
    assertTrue(s.f1(t, 0.0, gold) > s.f1(0.0, gold).getAsDouble());
  }
}
