package io.florets.labelers.specialist;

import static io.florets.labelers.Fixtures.events;
import static io.florets.labelers.Fixtures.window;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.target.Event;
import io.florets.datasets.target.EventType;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PeltTrendChangeTest {

  @Test
  void aBendBesideASpikeRunIsFoundInPlace() {
    // a bend at 100 with a run of spikes 12 samples after it: PELT's short piece used to hide it
    Random r = new Random(21);
    float[] x = new float[256];
    for (int t = 0; t < x.length; t++) {
      x[t] = (float) (0.08 * Math.max(0, t - 100) + 0.2 * r.nextGaussian());
    }
    for (int t = 112; t < 121; t += 2) {
      x[t] += 4;
    }
    List<Event> tc = events(new PeltLabeler().label(window(x)), EventType.TREND_CHANGE);
    assertEquals(1, tc.size(), tc.toString());
    assertTrue(Math.abs(tc.get(0).start() - 100) <= 2, tc.toString());
    assertTrue(events(new PeltLabeler().label(window(x)), EventType.LEVEL_SHIFT_UP).isEmpty(),
        "a bend is not a level shift");
  }

  @Test
  void aLongBusyWindowStartsFromAtMostTheCappedCandidates() {
    // 20,000 samples of a wandering level: many change points, the joint fit keeps a bounded set
    Random r = new Random(4);
    float[] x = new float[20_000];
    double level = 0;
    double slope = 0;
    for (int t = 0; t < x.length; t++) {
      if (t % 400 == 0) {
        slope = 0.02 * r.nextGaussian();
      }
      level += slope;
      x[t] = (float) (level + r.nextGaussian());
    }
    List<Event> tc = events(new PeltLabeler().label(window(x)), EventType.TREND_CHANGE);
    assertTrue(tc.size() <= PeltLabeler.MAX_KINK_CANDIDATES, tc.size() + " trend changes");
    assertTrue(tc.size() >= 5, "bends every 400 samples, some of them strong: " + tc.size());
  }
}
