package io.florets.dataengine.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.CaptionText;
import io.florets.datasets.target.ClassLabel;
import io.florets.datasets.target.Event;
import io.florets.datasets.target.EventType;
import io.florets.datasets.target.NumericProperty;
import io.florets.datasets.target.Property;
import io.florets.datasets.target.ShapeFacet;
import io.florets.datasets.target.ShapeTag;
import io.florets.datasets.target.Target;
import io.florets.prompt.task.Tasks;
import java.util.List;
import org.junit.jupiter.api.Test;

class ItemCorrectnessTest {
  private static final int W = Target.WHOLE_WINDOW;

  private static Annotation model(Target t, double confidence) {
    return new Annotation(t, "model", "1", confidence);
  }

  private static ConfidenceSample score(io.florets.prompt.task.Task<?> task, List<Annotation> pred,
      List<Annotation> truth, int tol) {
    ConfidenceSample s = new ConfidenceSample();
    ItemCorrectness.score(task, pred, truth, tol, s);
    return s;
  }

  @Test
  void eventsMatchWithinTheToleranceOneToOne() {
    List<Annotation> truth = List.of(Annotation.truth(new Event(EventType.SPIKE_UP, 50, 52, W)),
        Annotation.truth(new Event(EventType.DROPOUT, 100, 120, W)));
    List<Annotation> pred = List.of(
        model(new Event(EventType.SPIKE_UP, 51, 54, W), 0.9),     // start +1, end +2: right
        model(new Event(EventType.SPIKE_UP, 50, 52, W), 0.8),     // the same truth again: wrong
        model(new Event(EventType.DROPOUT, 100, 123, W), 0.7),    // end +3 > 2: wrong
        model(new Event(EventType.SPIKE_DOWN, 100, 120, W), 0.6), // wrong type: wrong
        model(new Event(EventType.DROPOUT, 100, 120, 0), 0.5));   // wrong channel: wrong
    ConfidenceSample s = score(Tasks.EVENTS, pred, truth, 2);
    assertArrayEquals(new boolean[] {true, false, false, false, false}, s.correct());
    assertArrayEquals(new double[] {0.9, 0.8, 0.7, 0.6, 0.5}, s.confidences());
    assertArrayEquals(new boolean[] {true, false, true, false, false},
        score(Tasks.EVENTS, pred, truth, 3).correct());
    assertEquals(0, score(Tasks.EVENTS, List.of(), truth, 2).size(), "a missed event is no item");
  }

  @Test
  void trueEventsCountsEveryTypeAndChannelAndNothingElse() {
    List<Annotation> truth = List.of(Annotation.truth(new Event(EventType.SPIKE_UP, 50, 52, W)),
        Annotation.truth(new ShapeTag(ShapeFacet.TREND, "increasing", W)),
        Annotation.truth(new Event(EventType.DROPOUT, 100, 120, 1)),
        Annotation.truth(new NumericProperty(Property.values()[0], 3.0, W)));
    assertEquals(2, ItemCorrectness.trueEvents(truth));
    assertEquals(0, ItemCorrectness.trueEvents(List.of()));
  }

  @Test
  void shapeTagsAgainstTheTruthOfTheirFacetAndChannel() {
    List<Annotation> truth = List.of(Annotation.truth(new ShapeTag(ShapeFacet.TREND, "increasing", W)),
        Annotation.truth(new ShapeTag(ShapeFacet.NOISE, "low", W)));
    List<Annotation> pred = List.of(model(new ShapeTag(ShapeFacet.TREND, "increasing", W), 0.9),
        model(new ShapeTag(ShapeFacet.NOISE, "high", W), 0.8),
        model(new ShapeTag(ShapeFacet.SEASONALITY, "none", W), 0.7), // no truth: not scored
        model(new ShapeTag(ShapeFacet.TREND, "increasing", 1), 0.6)); // no truth on channel 1
    ConfidenceSample s = score(Tasks.SHAPE, pred, truth, 2);
    assertArrayEquals(new boolean[] {true, false}, s.correct());
    assertArrayEquals(new double[] {0.9, 0.8}, s.confidences());
  }

  @Test
  void numbersWithinTenPercentAreRight() {
    List<Annotation> truth = List.of(Annotation.truth(new NumericProperty(Property.MEAN, 10, W)),
        Annotation.truth(new NumericProperty(Property.STD, -2, W)),
        Annotation.truth(new NumericProperty(Property.MIN, 0, W)));
    List<Annotation> pred = List.of(model(new NumericProperty(Property.MEAN, 10.9, W), 0.9),
        model(new NumericProperty(Property.STD, -2.3, W), 0.8),
        model(new NumericProperty(Property.MIN, 0, W), 0.7),
        model(new NumericProperty(Property.MAX, 5, W), 0.6)); // no truth: not scored
    assertArrayEquals(new boolean[] {true, false, true},
        score(Tasks.PROPERTIES, pred, truth, 2).correct());
    assertArrayEquals(new boolean[] {false}, score(Tasks.PROPERTIES,
        List.of(model(new NumericProperty(Property.MIN, 1e-9, W), 0.5)), truth, 2).correct());
  }

  @Test
  void labelsAgainstTheTrueClassAndCaptionsNotAtAll() {
    List<Annotation> truth = List.of(Annotation.truth(new ClassLabel("increasing")));
    assertArrayEquals(new boolean[] {true}, score(Tasks.CLASSIFY,
        List.of(model(new ClassLabel("increasing"), 0.4)), truth, 2).correct());
    assertArrayEquals(new boolean[] {false}, score(Tasks.CLASSIFY,
        List.of(model(new ClassLabel("steady"), 0.4)), truth, 2).correct());
    assertEquals(0, score(Tasks.CLASSIFY, List.of(model(new ClassLabel("steady"), 0.4)), List.of(), 2)
        .size());
    assertEquals(0, score(Tasks.CAPTION, List.of(model(new CaptionText("a rising series", false),
        0.4)), truth, 2).size());
  }

  @Test
  void rejectsANegativeTolerance() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> score(Tasks.EVENTS, List.of(), List.of(), -1));
    assertEquals(true, e.getMessage().contains("-1"), e.getMessage());
  }
}
