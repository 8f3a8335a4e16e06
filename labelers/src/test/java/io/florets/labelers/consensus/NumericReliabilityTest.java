package io.florets.labelers.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.NumericProperty;
import io.florets.datasets.target.Property;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NumericReliabilityTest {

  private static Annotation value(String source, Property p, double v) {
    return new Annotation(new NumericProperty(p, v, -1), source, "1", 0.8);
  }

  private static Annotation truth(Property p, double v) {
    return Annotation.truth(new NumericProperty(p, v, -1));
  }

  @Test
  void mergesOnlyTheLabelersThatAreRightMoreOftenOnTheReliabilityWindows() {
    NumericReliability r = new NumericReliability(List.of("fft", "acf", "stats"),
        Map.of("fft", Set.of(Property.PERIOD), "acf", Set.of(Property.PERIOD), "stats", Set.of(Property.MEAN)),
        0.25);
    for (int i = 0; i < 40; i++) {
      double period = 10 + i;
      // fft is exact; acf is 20% off every other window: their mean is 10% off, or they are dropped
      r.add(List.of(value("fft", Property.PERIOD, period),
          value("acf", Property.PERIOD, i % 2 == 0 ? period : 1.2 * period),
          value("stats", Property.MEAN, 3)),
          List.of(truth(Property.PERIOD, period), truth(Property.MEAN, 3)));
    }
    r.finish();
    assertEquals(Set.of("fft"), r.sources(Property.PERIOD));
    assertNull(r.sources(Property.MEAN), "a single source is all of them");
  }

  @Test
  void keepsEveryLabelerWhenNoSubsetIsClearlyBetter() {
    NumericReliability r = new NumericReliability(List.of("a", "b", "c"),
        Map.of("a", Set.of(Property.NOISE_STD), "b", Set.of(Property.NOISE_STD), "c", Set.of(Property.NOISE_STD)),
        0.25);
    for (int i = 0; i < 30; i++) {
      double t = 1 + i;
      // errors of +5%, -5% and 0 in turn: the median of three is right
      r.add(List.of(value("a", Property.NOISE_STD, t * 1.05), value("b", Property.NOISE_STD, t * 0.95),
          value("c", Property.NOISE_STD, t)),
          List.of(truth(Property.NOISE_STD, t)));
    }
    r.finish();
    assertNull(r.sources(Property.NOISE_STD));
  }

  @Test
  void mergeIsTheConsensusRule() {
    assertEquals(2.0, NumericReliability.merge(new double[] {1, 2, 9}, 0.25), 0);
    assertTrue(Double.isNaN(NumericReliability.merge(new double[] {10, 13}, 0.25)), "two values 26% apart are dropped");
    assertEquals(11.0, NumericReliability.merge(new double[] {10, 12}, 0.25), 1e-12);
    assertTrue(Double.isNaN(NumericReliability.merge(new double[0], 0.25)));
  }
}
