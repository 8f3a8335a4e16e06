package io.florets.prompt.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.Event;
import io.florets.datasets.target.Segment;
import io.florets.datasets.target.ShapeTag;
import io.florets.datasets.target.Target;
import io.florets.prompt.readout.Readout;
import io.florets.prompt.task.Contract;
import io.florets.prompt.task.Tasks;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Targets survive serialize, parse and back to targets; exactly for windows up to 1000 samples. */
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

  private static List<Target> diff(Set<Target> a, Set<Target> b) {
    return a.stream().filter(t -> !b.contains(t)).toList();
  }
}
