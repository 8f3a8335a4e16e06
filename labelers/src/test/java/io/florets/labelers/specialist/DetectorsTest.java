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
  void aShiftOfAFewNoiseSigmasIsFoundAndNoiseAloneStaysQuiet() {
    // the synthetic level shifts start at three noise sigmas: PELT reports fitted jumps above 3
    // local sigmas (a 4-sigma step), the jump scan z statistics above 4 (a 5-sigma step over 10
    // samples each side: z about 5.6)
    int peltFound = 0;
    int jumpFound = 0;
    for (long seed = 10; seed < 30; seed++) {
      float[] pelt = noise(256, 1, seed);
      float[] jump = noise(256, 1, seed);
      for (int i = 120; i < 256; i++) {
        pelt[i] += 4f;
        jump[i] += 5f;
      }
      List<Event> p = events(new PeltLabeler().label(window(pelt)), EventType.LEVEL_SHIFT_UP);
      List<Event> j = events(new JumpShiftLabeler().label(window(jump)), EventType.LEVEL_SHIFT_UP);
      assertTrue(p.size() <= 1 && j.size() <= 1, "seed " + seed + " pelt " + p + " jump " + j);
      peltFound += p.size() == 1 && Math.abs(p.get(0).start() - 120) <= 2 ? 1 : 0;
      jumpFound += j.size() == 1 && Math.abs(j.get(0).start() - 120) <= 2 ? 1 : 0;
    }
    // the local noise sigma from 33 differences is itself uncertain: most, not all, steps pass
    assertTrue(peltFound >= 16, "pelt placed " + peltFound + " of 20 steps");
    assertTrue(jumpFound >= 16, "jump placed " + jumpFound + " of 20 steps");
    int falseShifts = 0;
    for (long seed = 20; seed < 40; seed++) {
      float[] x = noise(256, 1, seed);
      for (var l : List.of(new PeltLabeler(), new JumpShiftLabeler())) {
        falseShifts += events(l.label(window(x)), EventType.LEVEL_SHIFT_UP).size()
            + events(l.label(window(x)), EventType.LEVEL_SHIFT_DOWN).size();
      }
    }
    assertTrue(falseShifts <= 1, falseShifts + " level shifts in 20 windows of white noise");
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
