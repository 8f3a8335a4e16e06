package io.florets.prompt.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.Event;
import io.florets.datasets.target.EventType;
import io.florets.datasets.target.Segment;
import io.florets.datasets.target.SegmentLabel;
import io.florets.datasets.target.ShapeTag;
import io.florets.datasets.target.Target;
import io.florets.prompt.readout.Events;
import io.florets.prompt.readout.Readout;
import io.florets.prompt.task.Contract;
import io.florets.prompt.task.Prompt;
import io.florets.prompt.task.Tasks;
import io.florets.prompt.vocab.Quantizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * Targets survive serialize, decode (the grammar that constrained decoding follows) and parse, and
 * back to targets: exactly for windows up to 1000 samples, and within the quantisation bound
 * {@code L/2000 + 0.5} samples beyond, on every path that carries positions.
 */
class ReadoutTargetsProperties {

  @Property(tries = 100)
  void locatedTargetsComeBackExactlyInShortWindows(@ForAll long seed, @ForAll @IntRange(min = 8, max = 1000) int length) {
    SeriesCase c = SeriesCase.generate(length, new Random(seed));
    Set<Target> back = new HashSet<>();
    for (TrainingPair p : SeriesRoundTripProperties.SER.pairs(c.targets(), length)) {
      if (p.prompt().task() != Tasks.EVENTS && p.prompt().task() != Tasks.SEGMENTS
          && p.prompt().task() != Tasks.SHAPE) {
        continue;
      }
      Readout r = SeriesRoundTripProperties.PARSER.parse(p.prompt(), p.targetTokens(), Extent.series(length));
      for (Annotation a : ReadoutTargets.annotations(p.prompt(), r, length, "model", "test")) {
        assertEquals(1.0, a.confidence());
        back.add(a.target());
      }
    }
    Set<Target> want = new HashSet<>();
    long events = c.targets().stream().filter(t -> t instanceof Event).distinct().count();
    long segments = c.targets().stream().filter(t -> t instanceof Segment).distinct().count();
    for (Target t : c.targets()) {
      boolean located = t instanceof Event && events <= Contract.MAX_ITEMS
          || t instanceof Segment && segments <= Contract.MAX_ITEMS;
      if (located || t instanceof ShapeTag && c.targets().stream().filter(x -> x instanceof ShapeTag).count()
          <= Contract.MAX_ITEMS) {
        want.add(t);
      }
    }
    assertTrue(back.containsAll(want), () -> "missing " + diff(want, back));
  }

  @Property(tries = 200)
  void everyPathReturnsPositionsWithinTheQuantisationBound(@ForAll long seed,
      @ForAll @IntRange(min = 8, max = 100_000) int length) {
    SeriesCase c = SeriesCase.generate(length, new Random(seed));
    double bound = length / 2000.0 + 0.5;
    List<Prompt<?>> paths = new ArrayList<>(List.of(Tasks.EVENTS.prompt(), Tasks.SEGMENTS.prompt(),
        Tasks.ALERT.prompt()));
    for (EventType t : EventType.values()) {
      paths.add(Prompt.eventsOf(t));
    }
    for (Prompt<?> p : paths) {
      Predicate<Target> onPath = onPath(p);
      List<Target> want = c.targets().stream().filter(onPath).distinct().toList();
      if (want.isEmpty() && p.task() == Tasks.SEGMENTS || want.size() > Contract.MAX_ITEMS) {
        continue;
      }
      int[] ids = SeriesRoundTripProperties.SER.serialize(p, c.targets(), length).orElseThrow();
      assertTrue(SeriesRoundTripProperties.GRAMMARS.forPrompt(p).accepts(ids), p::text);
      Readout r = SeriesRoundTripProperties.PARSER.parse(p, ids, Extent.series(length));
      List<Target> back = ReadoutTargets.annotations(p, r, length, "model", "test").stream()
          .map(Annotation::target).toList();
      assertTrue(back.stream().allMatch(onPath), () -> p.text() + " gave " + back);
      for (Target t : want) {
        assertTrue(back.stream().anyMatch(b -> near(t, b, bound)),
            () -> p.text() + ": " + t + " not within " + bound + " samples in " + back + " (length " + length + ")");
      }
      for (Target b : back) {
        assertTrue(inside(b, length), () -> p.text() + ": " + b + " outside a window of " + length);
      }
    }
  }

  @Test
  void halfSampleCentresRoundDown() {
    // on a 1000-sample window every bin centre is a half sample: q + 0.5 must give sample q
    int length = 1000;
    for (int q : new int[] {0, 7, 499, 998, 999}) {
      double centre = Quantizer.dequantize(q, length);
      Events e = new Events(List.of(new Events.Item(EventType.SPIKE_UP, centre, centre, -1, 0.9)));
      Event back = (Event) ReadoutTargets.annotations(Tasks.EVENTS.prompt(), e, length, "model", "1")
          .get(0).target();
      assertEquals(new Event(EventType.SPIKE_UP, q, q, -1), back, "bin " + q);
    }
  }

  private static Predicate<Target> onPath(Prompt<?> p) {
    if (p.task() == Tasks.SEGMENTS) {
      return t -> t instanceof Segment;
    }
    if (p.task() == Tasks.ALERT) {
      return t -> t instanceof Event e && Contract.ABNORMAL.contains(e.type());
    }
    EventType only = p.eventType().orElse(null);
    return t -> t instanceof Event e && (only == null || e.type() == only);
  }

  private static boolean near(Target want, Target got, double bound) {
    if (want instanceof Event a && got instanceof Event b) {
      return a.type() == b.type() && a.channel() == b.channel()
          && Math.abs(a.start() - b.start()) <= bound && Math.abs(a.end() - b.end()) <= bound;
    }
    if (want instanceof Segment a && got instanceof Segment b) {
      SegmentLabel l = a.label();
      return l == b.label() && a.channel() == b.channel()
          && Math.abs(a.start() - b.start()) <= bound && Math.abs(a.end() - b.end()) <= bound;
    }
    return false;
  }

  private static boolean inside(Target t, int length) {
    if (t instanceof Event e) {
      return 0 <= e.start() && e.start() <= e.end() && e.end() < length;
    }
    Segment s = (Segment) t;
    return 0 <= s.start() && s.start() <= s.end() && s.end() < length;
  }

  private static List<Target> diff(Set<Target> a, Set<Target> b) {
    return a.stream().filter(t -> !b.contains(t)).toList();
  }
}
