package io.florets.datasets.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.EventType;
import io.florets.datasets.target.NumericProperty;
import io.florets.datasets.target.Property;
import io.florets.datasets.target.Segment;
import io.florets.datasets.target.SegmentLabel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The truth is right: each check recomputes it from the generated signal. */
class SyntheticTruthTest {

  private static List<SyntheticWindow> generate(SyntheticConfig.Builder b) {
    return SyntheticGenerator.windows(b.build());
  }

  @Test
  void aSpikeIsTheLargestDeviationFromTheCleanSignalAtItsPosition() {
    int spikes = 0;
    for (SyntheticWindow w : generate(SyntheticConfig.builder().count(150).seed(11).events(1, 3)
        .eventTypes(EventType.SPIKE_UP, EventType.SPIKE_DOWN))) {
      ChannelTruth truth = w.truth().get(0);
      double[] dev = TruthChecks.deviation(w.components().get(0));
      List<InjectedEvent> ev = truth.events();
      Integer[] order = new Integer[dev.length];
      for (int t = 0; t < dev.length; t++) {
        order[t] = t;
      }
      Arrays.sort(order, (x, y) -> Double.compare(Math.abs(dev[y]), Math.abs(dev[x])));
      List<Integer> expected = new ArrayList<>();
      for (InjectedEvent e : ev) {
        if (e.event().type() != EventType.TREND_CHANGE) {
          expected.add(e.event().start());
          assertEquals(e.event().type() == EventType.SPIKE_UP, e.magnitude() > 0, e.toString());
          assertEquals(Math.signum(e.magnitude()), Math.signum(dev[e.event().start()]), e.toString());
          spikes++;
        }
      }
      List<Integer> top = new ArrayList<>(Arrays.asList(order).subList(0, expected.size()));
      top.sort(null);
      expected.sort(null);
      assertEquals(expected, top, "window " + w.index());
    }
    assertTrue(spikes > 150, "spikes seen: " + spikes);
  }

  @Test
  void aLevelShiftChangesTheLocalMeanByItsAmount() {
    int shifts = 0;
    for (SyntheticWindow w : generate(SyntheticConfig.builder().count(150).seed(12).events(1, 3)
        .eventTypes(EventType.LEVEL_SHIFT_UP, EventType.LEVEL_SHIFT_DOWN))) {
      ChannelComponents comp = w.components().get(0);
      double[] dev = TruthChecks.deviation(comp);
      int m = EventPlanner.margin(dev.length);
      double sigma = TruthChecks.noiseStd(comp);
      for (InjectedEvent e : TruthChecks.events(w.truth().get(0), EventType.LEVEL_SHIFT_UP,
          EventType.LEVEL_SHIFT_DOWN)) {
        int p = e.event().start();
        int lo = Math.max(0, p - 64);
        int hi = Math.min(dev.length - 1, p + 63);
        for (InjectedEvent o : w.truth().get(0).events()) {
          if (o != e && o.event().type() != EventType.TREND_CHANGE) {
            lo = o.event().end() < p ? Math.max(lo, o.event().end() + 1) : lo;
            hi = o.event().start() > p ? Math.min(hi, o.event().start() - 1) : hi;
          }
        }
        assertTrue(p - lo >= m && hi - p + 1 >= m, "margin around " + e);
        double before = 0;
        double after = 0;
        for (int t = lo; t < p; t++) {
          before += dev[t] / (p - lo);
        }
        for (int t = p; t <= hi; t++) {
          after += dev[t] / (hi - p + 1);
        }
        // difference of two means of independent noise: 5 standard errors (irregular noise's
        // envelope reaches 1.6 / 1.0 of its root mean square)
        double envelope = w.truth().get(0).noiseKind() == NoiseKind.IRREGULAR ? 1.6 : 1.0;
        double tolerance = 5 * envelope * sigma * Math.sqrt(1.0 / (p - lo) + 1.0 / (hi - p + 1));
        assertEquals(e.magnitude(), after - before, tolerance, "window " + w.index() + " " + e);
        assertEquals(e.event().type() == EventType.LEVEL_SHIFT_UP, e.magnitude() > 0);
        assertTrue(Math.abs(e.magnitude()) >= 3 * sigma * 0.9, "shift too small: " + e);
        shifts++;
      }
    }
    assertTrue(shifts > 150, "shifts seen: " + shifts);
  }

  @Test
  void missingDropoutAndFlatlineRunsAreExactlyWhereAnnotated() {
    int runs = 0;
    for (SyntheticWindow w : generate(SyntheticConfig.builder().count(150).seed(13).events(2, 4)
        .channels(2).eventTypes(EventType.MISSING_RUN, EventType.DROPOUT, EventType.FLATLINE))) {
      for (int ch = 0; ch < 2; ch++) {
        ChannelTruth truth = w.truth().get(ch);
        float[] v = w.window().channel(ch);
        boolean[] missing = new boolean[v.length];
        boolean[] zero = new boolean[v.length];
        for (InjectedEvent e : truth.events()) {
          int s = e.event().start();
          int end = e.event().end();
          assertEquals(ch, e.event().channel());
          if (e.event().type() == EventType.MISSING_RUN) {
            Arrays.fill(missing, s, end + 1, true);
          } else if (e.event().type() == EventType.DROPOUT) {
            Arrays.fill(zero, s, end + 1, true);
          } else if (e.event().type() == EventType.FLATLINE) {
            for (int t = s; t <= end; t++) {
              assertEquals(Float.floatToIntBits(v[s]), Float.floatToIntBits(v[t]), e.toString());
            }
            assertNotEquals(v[s], v[s - 1], "flatline starts later than annotated: " + e);
            assertNotEquals(v[end], v[end + 1], "flatline ends later than annotated: " + e);
            assertEquals((float) e.magnitude(), v[s]);
          }
          runs++;
        }
        double nan = 0;
        for (int t = 0; t < v.length; t++) {
          assertEquals(missing[t], Float.isNaN(v[t]), "NaN at " + t + " in window " + w.index());
          assertEquals(zero[t], v[t] == 0f, "zero at " + t + " in window " + w.index());
          nan += missing[t] ? 1 : 0;
        }
        assertEquals(nan / v.length, numeric(w, ch, Property.MISSING_FRACTION), 0.0);
      }
    }
    assertTrue(runs > 300, "runs seen: " + runs);
  }

  @Test
  void wideSpikesAndSpikeRunsTouchExactlyTheirExtent() {
    for (SyntheticWindow w : generate(SyntheticConfig.builder().count(100).seed(14).events(1, 3)
        .eventTypes(EventType.WIDE_SPIKE, EventType.SPIKE_RUN))) {
      double[] effect = w.components().get(0).eventEffect();
      double[] dev = TruthChecks.deviation(w.components().get(0));
      for (int t = 0; t < effect.length; t++) {
        boolean touched = effect[t] != 0;
        boolean annotated = false;
        for (InjectedEvent e : w.truth().get(0).events()) {
          annotated |= e.positions().contains(t) && e.event().type() != EventType.TREND_CHANGE;
        }
        assertEquals(annotated, touched, "sample " + t + " of window " + w.index());
      }
      int argmax = 0;
      for (int t = 0; t < dev.length; t++) {
        argmax = Math.abs(dev[t]) > Math.abs(dev[argmax]) ? t : argmax;
      }
      assertTrue(TruthChecks.inAnyEvent(w.truth().get(0), argmax),
          "largest deviation at " + argmax + " outside every event of window " + w.index());
      for (InjectedEvent e : TruthChecks.events(w.truth().get(0), EventType.WIDE_SPIKE)) {
        int centre = (e.event().start() + e.event().end()) / 2;
        assertEquals(e.magnitude(), effect[centre], 1e-12 * Math.abs(e.magnitude()));
        assertEquals(1, (e.event().end() - e.event().start() + 1) % 2);
        double noiseAtCentre = w.components().get(0).noise()[centre];
        assertEquals(e.magnitude(), dev[centre] - noiseAtCentre,
            Math.ulp(w.window().value(0, centre)));
      }
    }
  }

  @Test
  void periodMatchesThePeriodogramPeak() {
    int checked = 0;
    for (SyntheticWindow w : generate(SyntheticConfig.builder().count(60).seed(15).events(0, 0)
        .trends(TrendKind.STEADY).noiseLevels(NoiseLevel.LOW, NoiseLevel.MEDIUM)
        .seasonalities(SeasonalityKind.SINE, SeasonalityKind.SQUARE, SeasonalityKind.TRIANGLE))) {
      float[] v = w.window().channel(0);
      int n = v.length;
      double mean = 0;
      for (float x : v) {
        mean += x / (double) n;
      }
      int best = 1;
      double bestPower = -1;
      for (int k = 1; k <= n / 2; k++) {
        double re = 0;
        double im = 0;
        for (int t = 0; t < n; t++) {
          re += (v[t] - mean) * Math.cos(2 * Math.PI * k * t / n);
          im -= (v[t] - mean) * Math.sin(2 * Math.PI * k * t / n);
        }
        double power = re * re + im * im;
        if (power > bestPower) {
          bestPower = power;
          best = k;
        }
      }
      double period = numeric(w, -1, Property.PERIOD);
      assertEquals(w.truth().get(0).period(), period, 0.0);
      assertTrue(Math.abs(best - n / period) < 1.0,
          "window " + w.index() + ": peak bin " + best + " vs period " + period);
      checked++;
    }
    assertEquals(60, checked);
  }

  @Test
  void numericTruthIsRecomputableFromTheValues() {
    for (SyntheticWindow w : generate(SyntheticConfig.builder().count(40).seed(16).channels(2))) {
      for (int ch = 0; ch < 2; ch++) {
        float[] v = w.window().channel(ch);
        double sum = 0;
        double sxy = 0;
        int n = 0;
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        List<Double> sorted = new ArrayList<>();
        for (int t = 0; t < v.length; t++) {
          if (!Float.isNaN(v[t])) {
            sum += v[t];
            n++;
            min = Math.min(min, v[t]);
            max = Math.max(max, v[t]);
            sorted.add((double) v[t]);
          }
        }
        double mean = sum / n;
        double ss = 0;
        double meanT = 0;
        for (int t = 0; t < v.length; t++) {
          if (!Float.isNaN(v[t])) {
            ss += (v[t] - mean) * (v[t] - mean);
            meanT += t / (double) n;
          }
        }
        double stt = 0;
        for (int t = 0; t < v.length; t++) {
          if (!Float.isNaN(v[t])) {
            sxy += (t - meanT) * (v[t] - mean);
            stt += (t - meanT) * (t - meanT);
          }
        }
        sorted.sort(null);
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        double tol = 1e-9 * (Math.abs(mean) + 1);
        assertEquals(mean, numeric(w, ch, Property.MEAN), tol);
        assertEquals(Math.sqrt(ss / n), numeric(w, ch, Property.STD), tol);
        assertEquals(min, numeric(w, ch, Property.MIN), 0.0);
        assertEquals(max, numeric(w, ch, Property.MAX), 0.0);
        assertEquals(max - min, numeric(w, ch, Property.RANGE), tol);
        assertEquals(median, numeric(w, ch, Property.MEDIAN), 0.0);
        assertEquals(sxy / stt, numeric(w, ch, Property.SLOPE), 1e-9 * (Math.abs(sxy / stt) + 1e-6));
        ChannelTruth truth = w.truth().get(ch);
        if (truth.period() > 0) {
          double amp = numeric(w, ch, Property.SEASONAL_AMPLITUDE);
          // sampling may miss a crest by half a sample: at period 8 a triangle keeps 3/4 of a
          assertTrue(amp <= truth.seasonalAmplitude() + 1e-9 && amp >= 0.74 * truth.seasonalAmplitude(),
              "seasonal amplitude " + amp + " vs parameter " + truth.seasonalAmplitude());
        }
      }
    }
  }

  @Test
  void segmentsTileTheWindowAndFollowTrendPiecesAndLevelShifts() {
    for (SyntheticWindow w : generate(SyntheticConfig.builder().count(120).seed(17).events(0, 3)
        .eventTypes(EventType.LEVEL_SHIFT_UP, EventType.LEVEL_SHIFT_DOWN, EventType.SPIKE_UP))) {
      ChannelTruth truth = w.truth().get(0);
      Map<Integer, Segment> segments = new TreeMap<>();
      for (Annotation a : w.annotations()) {
        if (a.target() instanceof Segment) {
          Segment s = (Segment) a.target();
          segments.put(s.start(), s);
        }
      }
      int expectedCuts = truth.trendPieces().size()
          + TruthChecks.events(truth, EventType.LEVEL_SHIFT_UP, EventType.LEVEL_SHIFT_DOWN).size();
      assertEquals(expectedCuts, segments.size(), "window " + w.index());
      int next = 0;
      for (Segment s : segments.values()) {
        assertEquals(next, s.start());
        next = s.end() + 1;
        double[] trend = w.components().get(0).trend();
        double rise = trend[s.end()] - trend[s.start()];
        SegmentLabel expected = rise > 0 ? SegmentLabel.RISING : rise < 0 ? SegmentLabel.FALLING
            : truth.period() > 0 ? SegmentLabel.OSCILLATING : SegmentLabel.FLAT;
        if (s.end() > s.start()) {
          assertEquals(expected, s.label(), "segment " + s + " of window " + w.index());
        }
      }
      assertEquals(w.window().length(), next);
      for (InjectedEvent e : TruthChecks.events(truth, EventType.TREND_CHANGE)) {
        int b = e.event().start();
        double[] trend = w.components().get(0).trend();
        double before = trend[b - 1] - trend[b - 2];
        double after = trend[b] - trend[b - 1];
        assertEquals(e.magnitude(), after - before, 1e-9 * Math.abs(e.magnitude()) + 1e-12);
        assertTrue(Math.signum(before) == -Math.signum(after), "slopes do not alternate at " + b);
      }
    }
  }

  private static double numeric(SyntheticWindow w, int channel, Property p) {
    for (Annotation a : w.annotations()) {
      if (a.target() instanceof NumericProperty) {
        NumericProperty np = (NumericProperty) a.target();
        if (np.property() == p && np.channel() == channel) {
          return np.value();
        }
      }
    }
    throw new AssertionError("no " + p + " for channel " + channel + " in window " + w.index());
  }
}
