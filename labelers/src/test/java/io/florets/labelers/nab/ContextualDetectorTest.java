package io.florets.labelers.nab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Behaviour of the contextual detector and of the combined detector built on it. */
class ContextualDetectorTest {
  private final StreamingDetector contextual = ContextualDetector.of(ContextualConfig.defaults());
  private final StreamingDetector combined = CombinedDetector.defaults();
  private final CombinedDetector rawCombined = CombinedDetector.of(
      new CombinedConfig(MultiScaleConfig.defaults(), ContextualConfig.defaults(), 0.7, 0, 0));

  /** A saw-tooth of period 16 with a little noise: a sequence of levels the memory can learn. */
  private static double[] saw(long seed, int n) {
    Random r = new Random(seed);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = (i % 16) + 0.05 * r.nextGaussian();
    }
    return x;
  }

  @Test
  void aPrefixScoresTheSameWhateverFollows() {
    for (StreamingDetector d : new StreamingDetector[] {contextual, combined, rawCombined}) {
      double[] x = saw(1, 2000);
      double[] other = x.clone();
      Random r = new Random(9);
      for (int i = 1200; i < other.length; i++) {
        other[i] = 40 * r.nextGaussian();
      }
      double[] a = d.scoreAll(x);
      double[] b = d.scoreAll(other);
      assertArrayEquals(Arrays.copyOf(a, 1200), Arrays.copyOf(b, 1200), 0.0,
          d.name() + ": a score must not depend on later samples");
      for (double[] s : new double[][] {a, b}) {
        for (double v : s) {
          assertTrue(v >= 0 && v <= 1, d.name() + " score " + v);
        }
      }
    }
  }

  @Test
  void aLearnedSequenceIsQuietAndABrokenOneIsNot() {
    double[] x = saw(2, 2000);
    for (int i = 1500; i < 1516; i++) {
      x[i] = 15 - (i - 1500);
    }
    double[] s = contextual.scoreAll(x);
    double before = Arrays.stream(s, 1000, 1500).max().orElse(0);
    double at = Arrays.stream(s, 1500, 1520).max().orElse(0);
    assertTrue(before < 0.5, "a learned saw-tooth scores below 0.5, got " + before);
    assertTrue(at >= 0.75, "the reversed tooth reaches the alarm level, got " + at);
  }

  @Test
  void warmUpAndRestAreSilent() {
    ContextualConfig c = ContextualConfig.defaults();
    double[] x = saw(3, 2000);
    for (int i = 1500; i < 1516; i++) {
      x[i] = 15 - (i - 1500);
    }
    double[] s = contextual.scoreAll(x);
    for (int i = 0; i < c.warmup(); i++) {
      assertEquals(0.0, s[i], 0.0, "sample " + i + " lies in the warm-up");
    }
    int alarm = 1500;
    while (s[alarm] < c.alarmLevel()) {
      alarm++;
    }
    for (int i = alarm + 1; i <= alarm + c.restPeriod(); i++) {
      assertEquals(0.0, s[i], 0.0, "sample " + i + " lies in the rest after the alarm at " + alarm);
    }
  }

  @Test
  void sharedRawScoresGiveTheStreamingScores() {
    double[] x = saw(4, 1500);
    ContextualDetector d = ContextualDetector.of(ContextualConfig.defaults());
    assertArrayEquals(d.scoreAll(x), d.silenced(d.rawScores(x)), 0.0);
  }

  @Test
  void theCombinedScoreIsTheLargerPartThroughTheSharedRefractoryAtTheTopOfEachRise() {
    double[] x = saw(5, 1500);
    for (CombinedConfig c : new CombinedConfig[] {CombinedConfig.defaults(), rawCombined.settings()}) {
      double[] base = MultiScaleDetector.of(c.base()).scoreAll(x);
      double[] raw = ContextualDetector.of(c.context()).rawScores(x);
      java.util.function.DoubleUnaryOperator part = CombinedDetector.contextPart(c);
      Refractory once = CombinedDetector.outputRefractory(c);
      PeakConfirmation top = new PeakConfirmation();
      double[] both = CombinedDetector.of(c).scoreAll(x);
      for (int i = 0; i < x.length; i++) {
        double larger = Math.max(base[i], c.contextWeight() * part.applyAsDouble(raw[i]));
        assertEquals(top.apply(once.apply(larger)), both[i], 0.0, "sample " + i);
      }
    }
    double[] plain = ContextualDetector.of(ContextualConfig.defaults()).scoreAll(x);
    double[] base = MultiScaleDetector.defaults().scoreAll(x);
    double[] both = rawCombined.scoreAll(x);
    Refractory once = CombinedDetector.outputRefractory(rawCombined.settings());
    PeakConfirmation top = new PeakConfirmation();
    for (int i = 0; i < x.length; i++) {
      assertEquals(top.apply(once.apply(Math.max(base[i], 0.7 * plain[i]))), both[i], 0.0,
          "without the likelihood, sample " + i);
    }
  }

  @Test
  void neitherPartAlarmsAgainRightAfterTheOther() {
    // a saw that changes its period: both parts see the change; after the first score above 0 that is a
    // new peak, no later sample within the refractory period scores unless it beats that peak
    double[] x = new double[3000];
    for (int i = 0; i < x.length; i++) {
      x[i] = i < 2000 ? i % 5 : (i % 11) * 0.5;
    }
    CombinedConfig c = CombinedConfig.defaults();
    double[] s = CombinedDetector.of(c).scoreAll(x);
    int refractory = c.base().fast().refractory();
    double peak = 0;
    int peakAt = -refractory - 1;
    int alarms = 0;
    for (int i = 0; i < s.length; i++) {
      if (i - peakAt > refractory) {
        peak = 0;
      }
      if (s[i] > 0) {
        assertTrue(s[i] > peak, "sample " + i + " scores " + s[i] + " within " + refractory
            + " samples of the peak " + peak + " at " + peakAt);
        peak = s[i];
        peakAt = i;
        alarms++;
      }
    }
    assertTrue(alarms > 0, "the change of period raised no score");
  }

  @Test
  void theLikelihoodRisesOnlyWhenRawScoresStayHigh() {
    AnomalyLikelihood l = new AnomalyLikelihood(5, 200);
    Random r = new Random(6);
    double quiet = 0;
    for (int i = 0; i < 600; i++) {
      quiet = Math.max(quiet, l.apply(0.25 + 0.05 * r.nextGaussian()));
    }
    double high = 0;
    for (int i = 0; i < 5; i++) {
      high = Math.max(high, l.apply(0.9));
    }
    assertTrue(quiet < 0.5, "noise alone keeps the log-likelihood below 0.5, got " + quiet);
    assertTrue(high > 0.5 && high <= 1.0, "five high raw scores in a row exceed 0.5, got " + high);
  }

  @Test
  void badSettingsAndValuesAreNamed() {
    ContextualConfig d = ContextualConfig.defaults();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ContextualConfig(9, d.maxLeftFacts(), d.maxActive(), d.alarmLevel(), d.restPeriod(), d.warmup(),
            d.rangeMargin()));
    assertTrue(e.getMessage().contains("valueBits") && e.getMessage().contains("9"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new ContextualConfig(3, 7, 15, Double.NaN, 150, 150, 0.0));
    assertTrue(e.getMessage().contains("alarmLevel"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new ContextualConfig(3, 7, -1, 0.75, 150, 150, 0.0));
    assertTrue(e.getMessage().contains("-1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new CombinedConfig(MultiScaleConfig.defaults(), d, 1.5, 0, 0));
    assertTrue(e.getMessage().contains("contextWeight") && e.getMessage().contains("1.5"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new CombinedConfig(MultiScaleConfig.defaults(), d, 0.5, 0, 1000));
    assertTrue(e.getMessage().contains("likelihoodShort") && e.getMessage().contains("1000"), e.getMessage());
    StreamingDetector.Session s = contextual.start();
    e = assertThrows(IllegalArgumentException.class, () -> s.update(Double.NaN));
    assertTrue(e.getMessage().contains("sample 0"), e.getMessage());
  }

  @Test
  void theGridsStayWithinSixteenSettings() {
    assertTrue(ContextualConfig.candidates().size() <= 16);
    assertTrue(CombinedConfig.candidates().size() <= 16);
    assertEquals(CombinedConfig.candidates().size(), CombinedConfig.candidates().stream().distinct().count());
  }
}
