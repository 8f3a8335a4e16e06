package io.florets.labelers.nab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Behaviour of the robust streaming detector on synthetic streams. */
class RobustStreamingDetectorTest {
  private final StreamingDetector detector = RobustStreamingDetector.of(RobustDetectorConfig.defaults());

  private static double[] noisyDaily(long seed, int n) {
    Random r = new Random(seed);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = 10 + 3 * Math.sin(2 * Math.PI * i / 96.0) + 0.3 * r.nextGaussian();
    }
    return x;
  }

  @Test
  void scoresAreCausalAndInUnitRange() {
    double[] x = noisyDaily(1, 3000);
    double[] full = detector.scoreAll(x);
    double[] prefix = detector.scoreAll(Arrays.copyOf(x, 2000));
    assertArrayEquals(prefix, Arrays.copyOf(full, 2000), 0.0, "a score must not depend on later samples");
    for (double s : full) {
      assertTrue(s >= 0 && s <= 1, "score " + s);
    }
  }

  @Test
  void aSpikeScoresAboveEverythingElseAndRaisesOneAlarm() {
    double[] x = noisyDaily(2, 3000);
    x[2500] += 8;
    double[] s = detector.scoreAll(x);
    int arg = 0;
    for (int i = 0; i < s.length; i++) {
      if (s[i] > s[arg]) {
        arg = i;
      }
    }
    assertEquals(2500, arg);
    for (int i = 2501; i < 2600; i++) {
      assertTrue(s[i] < s[2500], "no second alarm as high as the spike's at " + i);
    }
  }

  @Test
  void aLevelShiftIsFlaggedNearItsOnset() {
    double[] x = noisyDaily(3, 3000);
    for (int i = 2400; i < x.length; i++) {
      x[i] += 4;
    }
    double[] s = detector.scoreAll(x);
    double before = Arrays.stream(s, 300, 2400).max().orElse(0);
    double onset = Arrays.stream(s, 2400, 2420).max().orElse(0);
    assertTrue(onset > before, "onset " + onset + " vs before " + before);
  }

  @Test
  void flatAndQuantisedStreamsStayFinite() {
    double[] flat = new double[1000];
    Arrays.fill(flat, 7.0);
    for (double v : detector.scoreAll(flat)) {
      assertEquals(0.0, v, 0.0);
    }
    double[] steps = new double[1000];
    for (int i = 0; i < steps.length; i++) {
      steps[i] = i % 50 == 0 ? 1 : 0;
    }
    for (double v : detector.scoreAll(steps)) {
      assertTrue(v >= 0 && v <= 1);
    }
  }

  @Test
  void aSurpriseThatStartsLateWaitsForItsOwnCalibration() {
    // the seasonal break alone: it starts when the period of 288 samples is first found (sample 2000) and
    // 30 seasonal differences are known; it may score only once `warmup` of its own values are calibrated,
    // not against the zeros before it
    RobustDetectorConfig d = RobustDetectorConfig.defaults();
    RobustDetectorConfig seasonOnly = new RobustDetectorConfig(d.baselineWindow(), d.recentWindow(), d.warmup(),
        d.minScaleFraction(), 0, 0, 0, 0, 1, 0, d.discordLength(), d.discordMaxLag(), d.calibrationWindow(),
        d.calibrationFloor(), d.refractory(), d.damping());
    Random r = new Random(6);
    double[] x = new double[3200];
    for (int i = 0; i < x.length; i++) {
      x[i] = 10 + 3 * Math.sin(2 * Math.PI * i / 288.0) + 0.1 * r.nextGaussian();
    }
    double[] s = RobustStreamingDetector.of(seasonOnly).scoreAll(x);
    int firstMeasured = 2000 + RobustFeatures.MIN_BASELINE;
    for (int i = 0; i < firstMeasured + d.warmup() - 1; i++) {
      assertEquals(0.0, s[i], 0.0, "sample " + i);
    }
    assertTrue(Arrays.stream(s, firstMeasured + d.warmup(), x.length).max().orElse(0) > 0,
        "the seasonal break scores once calibrated");
  }

  @Test
  void rejectsNonFiniteValuesAndBadSettings() {
    StreamingDetector.Session s = detector.start();
    assertThrows(IllegalArgumentException.class, () -> s.update(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> new RobustDetectorConfig(0, 12, 150, 1e-3,
        1, 1, 1, 1, 1, 1, 16, 700, 1000, 1.0, 300, 0));
    assertThrows(IllegalArgumentException.class, () -> new RobustDetectorConfig(600, 12, 150, 1e-3,
        1, 1, 1, 1, 1, 1, 16, 700, 1000, 1.0, 300, 1.5));
  }
}
