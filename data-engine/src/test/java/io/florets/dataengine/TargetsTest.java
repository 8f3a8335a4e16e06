package io.florets.dataengine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.ClassLabel;
import io.florets.datasets.target.Event;
import io.florets.datasets.target.EventType;
import io.florets.datasets.target.ShapeFacet;
import io.florets.datasets.target.ShapeTag;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetsTest {
  @Test
  void humanLabelsOutrankMachineLabels() {
    Annotation humanTag = new Annotation(new ShapeTag(ShapeFacet.TREND, "steady"), Annotation.HUMAN, "1", 1);
    Annotation humanClass = new Annotation(new ClassLabel("walk"), Annotation.HUMAN, "1", 1);
    Annotation humanEvent = new Annotation(new Event(EventType.SPIKE_UP, 10, 12), Annotation.HUMAN, "1", 1);
    List<Annotation> machine = List.of(
        new Annotation(new ShapeTag(ShapeFacet.TREND, "increasing"), "consensus", "1", 0.99),
        new Annotation(new ShapeTag(ShapeFacet.NOISE, "low"), "consensus", "1", 0.9),
        new Annotation(new ClassLabel("run"), "model", "1", 0.99),
        new Annotation(new Event(EventType.SPIKE_UP, 11, 13), "consensus", "1", 0.9),
        new Annotation(new Event(EventType.SPIKE_UP, 40, 41), "consensus", "1", 0.9));
    List<Annotation> out = Targets.withHuman(List.of(humanTag, humanClass, humanEvent), machine);
    assertEquals(5, out.size(), out.toString());
    assertTrue(out.containsAll(List.of(humanTag, humanClass, humanEvent, machine.get(1), machine.get(4))));
  }

  @Test
  void changedCountsAddedAndRemoved() {
    Annotation a = new Annotation(new ShapeTag(ShapeFacet.TREND, "steady"), "consensus", "1", 1);
    Annotation b = new Annotation(new ShapeTag(ShapeFacet.TREND, "increasing"), "consensus", "1", 1);
    Annotation c = new Annotation(new ShapeTag(ShapeFacet.NOISE, "low"), "consensus", "1", 1);
    assertEquals(0, Targets.changed(List.of(a, c), List.of(c, a)));
    assertEquals(2, Targets.changed(List.of(a, c), List.of(b, c)));
  }
}
