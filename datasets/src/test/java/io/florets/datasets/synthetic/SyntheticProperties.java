package io.florets.datasets.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.Event;
import io.florets.datasets.target.EventType;
import io.florets.datasets.target.Segment;
import io.florets.datasets.target.Target;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Invariants of every generated window, over random seeds, lengths and channel counts. */
class SyntheticProperties {

  @Property(tries = 40)
  void eventsAreInsideSeparatedAndExact(@ForAll long seed, @ForAll @IntRange(min = 32, max = 700) int length,
      @ForAll @IntRange(min = 1, max = 3) int channels, @ForAll @IntRange(min = 0, max = 10_000) int index) {
    int maxEvents = Math.min(4, EventPlanner.capacity(length));
    SyntheticConfig c = SyntheticConfig.builder().count(index + 1).length(length).channels(channels)
        .seed(seed).events(0, maxEvents).build();
    SyntheticWindow w = SyntheticGenerator.window(c, index);
    assertEquals(w, SyntheticGenerator.window(c, index), "not deterministic");
    int margin = EventPlanner.margin(length);
    for (int ch = 0; ch < channels; ch++) {
      List<Event> events = new ArrayList<>();
      for (InjectedEvent e : w.truth().get(ch).events()) {
        events.add(e.event());
      }
      events.sort(Comparator.comparingInt(Event::start));
      for (int i = 0; i < events.size(); i++) {
        Event e = events.get(i);
        assertTrue(e.start() >= margin && e.end() <= length - 1 - margin, "edge margin: " + e);
        if (i > 0) {
          assertTrue(e.start() - events.get(i - 1).end() - 1 >= margin, "separation: " + events);
        }
      }
      float[] v = w.window().channel(ch);
      for (int t = 0; t < length; t++) {
        boolean inMissingRun = false;
        for (Event e : events) {
          inMissingRun |= e.type() == EventType.MISSING_RUN && t >= e.start() && t <= e.end();
        }
        assertEquals(inMissingRun, Float.isNaN(v[t]), "NaN at " + t);
      }
    }
    for (Annotation a : w.annotations()) {
      Target t = a.target();
      assertEquals(Annotation.truth(t), a);
      assertTrue(t.channel() < channels);
      if (t instanceof Event) {
        assertTrue(((Event) t).end() < length, t.toString());
      }
      if (t instanceof Segment) {
        assertTrue(((Segment) t).end() < length, t.toString());
      }
    }
  }
}
