package io.florets.labelers.specialist;

import static io.florets.labelers.Fixtures.events;
import static io.florets.labelers.Fixtures.noise;
import static io.florets.labelers.Fixtures.window;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.Event;
import io.florets.datasets.target.EventType;
import io.florets.datasets.target.Segment;
import io.florets.datasets.target.SegmentLabel;
import io.florets.labelers.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Specialist detectors on hand-built series with known answers. */
class DetectorsTest {

  @Test
  void singleSpikeIsFoundByBothSpikeDetectors() {
    float[] x = noise(256, 0.5, 1);
    x[100] += 10;
    x[180] -= 9;
    for (var l : List.of(new HampelSpikeLabeler(), new RobustZSpikeLabeler())) {
      List<Annotation> a = l.label(window(x));
      List<Event> up = events(a, EventType.SPIKE_UP);
      List<Event> down = events(a, EventType.SPIKE_DOWN);
      assertEquals(1, up.size(), l.name() + " " + a);
      assertEquals(100, up.get(0).start());
      assertEquals(1, down.size(), l.name() + " " + a);
      assertEquals(180, down.get(0).start());
    }
  }

  @Test
  void pureNoiseHasNoSpikesOrShifts() {
    float[] x = noise(256, 1, 2);
    for (var l : List.of(new HampelSpikeLabeler(), new RobustZSpikeLabeler(), new JumpShiftLabeler(),
        new PeltLabeler())) {
      List<Annotation> a = l.label(window(x));
      for (Annotation an : a) {
        assertTrue(!(an.target() instanceof Event), l.name() + " found " + an);
      }
    }
  }

  @Test
  void stepIsALevelShiftUpForPeltAndJump() {
    float[] x = noise(256, 0.5, 3);
    for (int i = 150; i < 256; i++) {
      x[i] += 5;
    }
    for (var l : List.of(new PeltLabeler(), new JumpShiftLabeler())) {
      List<Event> s = events(l.label(window(x)), EventType.LEVEL_SHIFT_UP);
      assertEquals(1, s.size(), l.name() + " " + s);
      assertTrue(Math.abs(s.get(0).start() - 150) <= 2, l.name() + " " + s);
    }
  }

  @Test
  void peltSegmentsARiseAndFall() {
    float[] x = noise(200, 0.3, 4);
    for (int i = 0; i < 200; i++) {
      x[i] += i < 100 ? 0.1f * i : 10 - 0.1f * (i - 100);
    }
    List<Annotation> a = new PeltLabeler().label(window(x));
    List<Segment> segs = a.stream().filter(an -> an.target() instanceof Segment)
        .map(an -> (Segment) an.target()).toList();
    assertEquals(2, segs.size(), segs.toString());
    assertEquals(SegmentLabel.RISING, segs.get(0).label());
    assertEquals(SegmentLabel.FALLING, segs.get(1).label());
    // a slope change of 0.2/sample under noise 0.3 is located to a few samples only
    assertTrue(Math.abs(segs.get(1).start() - 100) <= 6, segs.toString());
    assertEquals(1, events(a, EventType.TREND_CHANGE).size(), a.toString());
    assertEquals("multiple", Fixtures.tag(a, io.florets.datasets.target.ShapeFacet.TREND).orElseThrow());
  }

  @Test
  void discordMarksTheOddCycle() {
    float[] x = Fixtures.sine(256, 16, 2, 0.05, 5);
    for (int i = 130; i < 138; i++) {
      x[i] = 0.3f;
    }
    List<Event> d = events(new DiscordLabeler().label(window(x)), EventType.ANOMALY);
    assertEquals(1, d.size(), d.toString());
    assertTrue(d.get(0).start() <= 137 && d.get(0).end() >= 130, d.toString());
  }
}
