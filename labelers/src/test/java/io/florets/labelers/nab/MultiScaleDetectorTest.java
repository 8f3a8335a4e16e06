package io.florets.labelers.nab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Behaviour of the multi-scale streaming detector: causality, range, alarms and its declared grid. */
class MultiScaleDetectorTest {
  private final StreamingDetector detector = MultiScaleDetector.defaults();

  private static double[] noisyDaily(long seed, int n) {
    Random r = new Random(seed);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = 10 + 3 * Math.sin(2 * Math.PI * i / 96.0) + 0.3 * r.nextGaussian();
    }
    return x;
  }

  private static int argMax(double[] s, int from) {
    int arg = from;
    for (int i = from; i < s.length; i++) {
      if (s[i] > s[arg]) {
        arg = i;
      }
    }
    return arg;
  }

  @Test
  void aPrefixScoresTheSameWhateverFollows() {
    double[] x = noisyDaily(1, 3000);
    double[] other = x.clone();
    Random r = new Random(9);
    for (int i = 2000; i < other.length; i++) {
      other[i] = 100 * r.nextGaussian();
    }
    double[] a = detector.scoreAll(x);
    double[] b = detector.scoreAll(other);
    assertArrayEquals(Arrays.copyOf(a, 2000), Arrays.copyOf(b, 2000), 0.0,
        "a score must not depend on later samples");
    assertTrue(Arrays.stream(b, 2000, 3000).max().orElse(0) > 0.5, "the changed future is noticed once it arrives");
    for (double s : a) {
      assertTrue(s >= 0 && s <= 1, "score " + s);
    }
  }

  @Test
  void noScoreDuringTheWarmUp() {
    double[] s = detector.scoreAll(noisyDaily(2, 1000));
    int warmup = MultiScaleConfig.defaults().fast().warmup();
    for (int i = 0; i < warmup; i++) {
      assertEquals(0.0, s[i], 0.0, "sample " + i);
    }
  }

  @Test
  void aSpikeIsTheTopAlarmWithinTheSmoothingDelay() {
    double[] x = noisyDaily(3, 3000);
    x[2500] += 8;
    double[] s = detector.scoreAll(x);
    int arg = argMax(s, 0);
    assertTrue(arg >= 2500 && arg < 2500 + MultiScaleConfig.defaults().shortWindow(), "top alarm at " + arg);
  }

  @Test
  void aSlowDriftIsFlagged() {
    Random r = new Random(4);
    double[] x = new double[4000];
    for (int i = 0; i < x.length; i++) {
      x[i] = 10 + 0.3 * r.nextGaussian() + (i < 3000 ? 0 : Math.min(3.0, (i - 3000) / 100.0));
    }
    double[] s = detector.scoreAll(x);
    double before = Arrays.stream(s, 1500, 3000).max().orElse(0);
    double after = Arrays.stream(s, 3000, 3400).max().orElse(0);
    assertTrue(after > before, "drift " + after + " vs before " + before);
  }

  @Test
  void theDefaultsAreOneOfTheDeclaredCandidates() {
    assertTrue(MultiScaleConfig.candidates().contains(MultiScaleConfig.defaults()));
    assertEquals(16, MultiScaleConfig.candidates().size());
    assertEquals(MultiScaleConfig.candidates().size(), MultiScaleConfig.candidates().stream().distinct().count());
  }

  @Test
  void theFastScaleAloneUnsmoothedIsTheRobustDetector() {
    RobustDetectorConfig fast = RobustDetectorConfig.defaults();
    double[] x = noisyDaily(5, 2500);
    assertArrayEquals(RobustStreamingDetector.of(fast).scoreAll(x),
        MultiScaleDetector.of(new MultiScaleConfig(fast, 1200, 0, 1)).scoreAll(x), 0.0);
  }

  @Test
  void rejectsBadSettings() {
    RobustDetectorConfig fast = RobustDetectorConfig.defaults();
    assertThrows(IllegalArgumentException.class, () -> new MultiScaleConfig(fast, 1200, 96, 0));
    assertThrows(IllegalArgumentException.class, () -> new MultiScaleConfig(fast, 0, 96, 3));
    assertThrows(IllegalArgumentException.class, () -> new MultiScaleConfig(null, 1200, 96, 3));
    assertThrows(IllegalArgumentException.class, () -> detector.start().update(Double.POSITIVE_INFINITY));
  }
}
