package io.florets.dataengine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.Window;
import io.florets.datasets.synthetic.SyntheticConfig;
import io.florets.datasets.synthetic.SyntheticGenerator;
import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.Event;
import io.florets.labelers.Labeler;
import io.florets.labelers.specialist.HampelSpikeLabeler;
import io.florets.labelers.rules.StatsLabeler;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DegradedLabelerTest {
  private static final List<Window> WINDOWS = SyntheticGenerator.generate(
      SyntheticConfig.builder().count(60).length(128).seed(5).events(1, 3).build()).windows();

  @Test
  void sameSeedSameNoiseOtherSeedOtherNoise() {
    Labeler a = DegradedLabeler.of(new StatsLabeler(), 0.3, 1);
    Labeler b = DegradedLabeler.of(new StatsLabeler(), 0.3, 1);
    Labeler c = DegradedLabeler.of(new StatsLabeler(), 0.3, 2);
    List<List<Annotation>> la = new ArrayList<>();
    List<List<Annotation>> lc = new ArrayList<>();
    for (Window w : WINDOWS) {
      la.add(a.label(w));
      assertEquals(la.get(la.size() - 1), b.label(w));
      lc.add(c.label(w));
    }
    assertNotEquals(la, lc);
  }

  @Test
  void rateZeroIsTheCleanLabeler() {
    Labeler clean = new HampelSpikeLabeler();
    Labeler d = DegradedLabeler.of(clean, 0, 9);
    for (Window w : WINDOWS) {
      assertEquals(clean.label(w), d.label(w));
    }
  }

  @Test
  void dropsJittersAndAddsAtTheConfiguredRate() {
    Labeler clean = new StatsLabeler();
    Labeler d = DegradedLabeler.of(clean, 0.3, 4);
    int cleanCount = 0;
    int kept = 0;
    int unchanged = 0;
    for (Window w : WINDOWS) {
      List<Annotation> c = clean.label(w);
      List<Annotation> x = d.label(w);
      cleanCount += c.size();
      kept += x.size();
      for (Annotation a : x) {
        unchanged += c.contains(a) ? 1 : 0;
      }
    }
    double keptFraction = (double) kept / cleanCount;
    assertTrue(keptFraction > 0.62 && keptFraction < 0.78, "kept fraction " + keptFraction);
    double unchangedFraction = (double) unchanged / kept;
    assertTrue(unchangedFraction > 0.6 && unchangedFraction < 0.8, "unchanged " + unchangedFraction);
  }

  @Test
  void falseEventsAtFullRate() {
    Labeler d = DegradedLabeler.of(new HampelSpikeLabeler(), 1.0, 3);
    for (Window w : WINDOWS.subList(0, 10)) {
      List<Annotation> x = d.label(w);
      assertEquals(1, x.size(), "every clean output dropped, one false event added: " + x);
      assertTrue(x.get(0).target() instanceof Event);
    }
  }

  @Test
  void rejectsBadRate() {
    assertThrows(IllegalArgumentException.class,
        () -> DegradedLabeler.of(new StatsLabeler(), Double.NaN, 1));
    assertThrows(IllegalArgumentException.class, () -> DegradedLabeler.of(new StatsLabeler(), 1.5, 1));
  }
}
