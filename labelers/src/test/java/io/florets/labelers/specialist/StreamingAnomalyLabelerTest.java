package io.florets.labelers.specialist;

import static io.florets.labelers.Fixtures.events;
import static io.florets.labelers.Fixtures.sine;
import static io.florets.labelers.Fixtures.window;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.target.Event;
import io.florets.datasets.target.EventType;
import io.florets.labelers.Labelers;
import io.florets.labelers.nab.CombinedDetector;
import io.florets.labelers.nab.MultiScaleDetector;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The streaming detector as a batch labeler: the same scores, turned into anomaly events. */
class StreamingAnomalyLabelerTest {

  @Test
  void marksTheSpikeWhereTheStreamingDetectorAlarms() {
    float[] x = sine(2000, 96, 3, 0.3, 7);
    x[1600] += 8;
    List<Event> ev = events(new StreamingAnomalyLabeler().label(window(x)), EventType.ANOMALY);
    assertTrue(ev.stream().anyMatch(e -> e.start() >= 1600 && e.start() <= 1603), "events " + ev);
    double[] xs = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      xs[i] = x[i];
    }
    double[] s = CombinedDetector.defaults().scoreAll(xs);
    long alarms = java.util.Arrays.stream(s).filter(v -> v >= StreamingAnomalyLabeler.DEFAULT_THRESHOLD).count();
    assertEquals(alarms, ev.size(), "one event per alarm of the streaming detector");
  }

  @Test
  void isDiscoverableButOffByDefault() {
    assertTrue(Labelers.discover().containsKey("anomaly.stream"));
    assertTrue(Labelers.defaultSuite().stream().noneMatch(l -> l.name().equals("anomaly.stream")));
  }

  @Test
  void rejectsAThresholdOutsideTheUnitInterval() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new StreamingAnomalyLabeler(MultiScaleDetector.defaults(), 1.5));
    assertTrue(e.getMessage().contains("1.5"), e.getMessage());
  }
}
