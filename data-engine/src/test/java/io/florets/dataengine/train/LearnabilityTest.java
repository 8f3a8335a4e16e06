package io.florets.dataengine.train;

import static io.florets.dataengine.train.LearnabilityFixture.captionMisses;
import static io.florets.dataengine.train.LearnabilityFixture.classAccuracy;
import static io.florets.dataengine.train.LearnabilityFixture.eventF1;
import static io.florets.dataengine.train.LearnabilityFixture.fit;
import static io.florets.dataengine.train.LearnabilityFixture.propertyFraction;
import static io.florets.dataengine.train.LearnabilityFixture.propertyMisses;
import static io.florets.dataengine.train.LearnabilityFixture.segmentF1;
import static io.florets.dataengine.train.LearnabilityFixture.shapeAccuracy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.dataengine.train.LearnabilityFixture.Fitted;
import io.florets.dataengine.train.LearnabilityFixture.Settings;
import io.florets.datasets.target.CaptionText;
import io.florets.datasets.target.ClassLabel;
import io.florets.datasets.target.Event;
import io.florets.datasets.target.NumericProperty;
import io.florets.datasets.target.Segment;
import io.florets.datasets.target.ShapeTag;
import io.florets.prompt.readout.Caption;
import io.florets.prompt.readout.Events;
import io.florets.prompt.readout.Label;
import io.florets.prompt.readout.NumericProperties;
import io.florets.prompt.readout.Segments;
import io.florets.prompt.readout.ShapeTags;
import io.florets.prompt.task.Tasks;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Learnability guards: a fresh tiny engine with the front end and vocabulary of new series models
 * fits a handful of seeded synthetic windows (128 samples, truth as targets) on each task, trained
 * with the multitask trainer with that task dominating, and then answers the same windows through
 * the facade as it was taught. A defect in target serialization, loss masking, label smoothing,
 * front-end scaling or constrained decoding shows here as a task that cannot be fitted.
 *
 * <p>Each fit also scores window {@code i}'s answers against window {@code i + 1}'s truth: a model
 * that answered every window alike would score as well there, so that control must stay low.
 * Settings were chosen so that each test takes well under a minute on one core (10-30 s measured
 * on a two-core machine with a training run beside it).
 */
class LearnabilityTest {
  /** Event and segment boundary tolerance, in samples. */
  private static final int TOLERANCE = 2;
  /** Most a shifted (window i against window i + 1) score may reach. */
  private static final double CONTROL = 0.6;
  private static final double LR = 2e-3;

  @Test
  void eventsAreFittedByTypeAndStart() {
    try (Fitted f = fit(Tasks.EVENTS, new Settings(32, 300, 16, LR))) {
      assertTrue(f.all(Event.class).size() >= 20, "too few events to learn: " + f.all(Event.class));
      List<Events> answers = f.florets().askAll(f.windows(), Tasks.EVENTS);
      double f1 = eventF1(answers, f, TOLERANCE, 0);
      assertTrue(f1 >= 0.9, "event F1 (type, start within ±2 samples) " + f1 + ": " + answers);
      assertControl(eventF1(answers, f, TOLERANCE, 1), "event F1");
    }
  }

  /** Within 5% relative in model units (see {@link LearnabilityFixture#propertyFraction}). */
  @Test
  void propertiesAreFittedWithinFivePercent() {
    try (Fitted f = fit(Tasks.PROPERTIES, new Settings(16, 300, 8, LR))) {
      List<NumericProperties> answers = f.florets().askAll(f.windows(), Tasks.PROPERTIES);
      double within = propertyFraction(answers, f, 0.05, 0);
      assertTrue(within >= 0.9, "properties within 5% in model units: " + within
          + " of " + f.all(NumericProperty.class).size() + "; misses (window property truth answer): "
          + propertyMisses(answers, f, 0.05, 0));
      assertControl(propertyFraction(answers, f, 0.05, 1), "properties within 5%");
    }
  }

  @Test
  void shapeTagsAreFitted() {
    try (Fitted f = fit(Tasks.SHAPE, new Settings(32, 300, 16, LR))) {
      assertTrue(distinct(f.all(ShapeTag.class)) >= 10, "too few distinct tags to learn");
      List<ShapeTags> answers = f.florets().askAll(f.windows(), Tasks.SHAPE);
      double accuracy = shapeAccuracy(answers, f, 0);
      assertTrue(accuracy >= 0.9, "shape-tag accuracy " + accuracy + ": " + answers);
      assertControl(shapeAccuracy(answers, f, 1), "shape-tag accuracy");
    }
  }

  /** Every caption exactly the (tokenizer-normalised) caption it was trained on. */
  @Test
  void captionsAreFittedExactly() {
    try (Fitted f = fit(Tasks.CAPTION, new Settings(16, 360, 8, LR))) {
      List<CaptionText> captions = f.all(CaptionText.class).stream().filter(c -> !c.detailed()).toList();
      assertEquals(f.size(), distinct(captions), "every window should have its own caption");
      List<Caption> answers = f.florets().askAll(f.windows(), Tasks.CAPTION);
      List<String> misses = captionMisses(answers, f, 0);
      assertTrue(misses.isEmpty(), misses.size() + " of " + f.size() + " captions differ: " + misses);
      double shifted = 1 - captionMisses(answers, f, 1).size() / (double) f.size();
      assertControl(shifted, "exact captions");
    }
  }

  @Test
  void segmentsAreFittedWithBoundaries() {
    try (Fitted f = fit(Tasks.SEGMENTS, new Settings(32, 300, 16, LR))) {
      long inner = f.all(Segment.class).stream().filter(s -> s.start() > 0).count();
      assertTrue(inner >= 8, "too few inner segment boundaries to learn: " + inner);
      List<Segments> answers = f.florets().askAll(f.windows(), Tasks.SEGMENTS);
      double f1 = segmentF1(answers, f, TOLERANCE, 0);
      assertTrue(f1 >= 0.9, "segment F1 (label, start and end within ±2 samples) " + f1 + ": "
          + answers);
      assertControl(segmentF1(answers, f, TOLERANCE, 1), "segment F1");
    }
  }

  @Test
  void classesAreFitted() {
    try (Fitted f = fit(Tasks.CLASSIFY, new Settings(32, 300, 16, LR))) {
      assertTrue(distinct(f.all(ClassLabel.class)) >= 3, "too few classes to learn");
      List<Label> answers = f.florets().askAll(f.windows(), Tasks.CLASSIFY);
      double accuracy = classAccuracy(answers, f, 0);
      assertTrue(accuracy >= 0.9, "classification accuracy " + accuracy + ": " + answers);
      assertControl(classAccuracy(answers, f, 1), "classification accuracy");
    }
  }

  private static void assertControl(double shifted, String what) {
    assertTrue(shifted <= CONTROL, what + " against the next window's truth is " + shifted
        + " (at most " + CONTROL + " expected): the answers do not depend on the window");
  }

  private static int distinct(List<?> xs) {
    Set<Object> s = new HashSet<>(xs);
    return s.size();
  }
}
