package io.florets.labelers.rules;

import static io.florets.labelers.Fixtures.events;
import static io.florets.labelers.Fixtures.numeric;
import static io.florets.labelers.Fixtures.tag;
import static io.florets.labelers.Fixtures.window;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.Event;
import io.florets.datasets.target.EventType;
import io.florets.datasets.target.Property;
import io.florets.datasets.target.ShapeFacet;
import io.florets.labelers.Fixtures;
import io.florets.labelers.Labeler;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rule labelers on hand-built series with known answers. */
class RulesTest {

  @Test
  void sineOfPeriod24HasPeriod24() {
    float[] x = Fixtures.sine(256, 24, 3, 0.3, 7);
    for (Labeler l : List.of(new FftPeriodLabeler(), new AcfPeriodLabeler())) {
      double p = numeric(l.label(window(x)), Property.PERIOD).orElseThrow();
      assertEquals(24, p, 1.0, l.name());
    }
    List<Annotation> a = new DecompositionShapeLabeler().label(window(x));
    assertEquals("sine", tag(a, ShapeFacet.SEASONALITY).orElseThrow());
    assertEquals("steady", tag(a, ShapeFacet.TREND).orElseThrow());
    assertEquals(3, numeric(a, Property.SEASONAL_AMPLITUDE).orElseThrow(), 0.3);
  }

  @Test
  void whiteNoiseHasNoPeriod() {
    float[] x = Fixtures.noise(256, 1, 8);
    assertTrue(numeric(new FftPeriodLabeler().label(window(x)), Property.PERIOD).isEmpty());
    assertEquals("none", tag(new DecompositionShapeLabeler().label(window(x)), ShapeFacet.SEASONALITY).orElseThrow());
    assertEquals("none", tag(new SpectralShapeLabeler().label(window(x)), ShapeFacet.SEASONALITY).orElseThrow());
  }

  @Test
  void rampIsIncreasing() {
    float[] x = Fixtures.noise(256, 0.5, 9);
    for (int i = 0; i < x.length; i++) {
      x[i] += 0.05f * i;
    }
    for (Labeler l : List.of(new DecompositionShapeLabeler(), new TestsShapeLabeler())) {
      List<Annotation> a = l.label(window(x));
      assertEquals("increasing", tag(a, ShapeFacet.TREND).orElseThrow(), l.name());
      assertEquals("non_stationary", tag(a, ShapeFacet.STATIONARITY).orElseThrow(), l.name());
    }
    assertEquals(0.05, numeric(new StatsLabeler().label(window(x)), Property.SLOPE).orElseThrow(), 0.005);
  }

  @Test
  void squareAndTriangleWavesAreTold() {
    float[] sq = new float[256];
    float[] tri = new float[256];
    for (int i = 0; i < 256; i++) {
      double ph = (i % 32) / 32.0;
      sq[i] = ph < 0.5 ? 2f : -2f;
      tri[i] = (float) (ph < 0.5 ? -2 + 8 * ph : 6 - 8 * ph);
    }
    float[] nz = Fixtures.noise(256, 0.1, 10);
    for (int i = 0; i < 256; i++) {
      sq[i] += nz[i];
      tri[i] += nz[i];
    }
    for (Labeler l : List.of(new DecompositionShapeLabeler(), new SpectralShapeLabeler())) {
      assertEquals("square", tag(l.label(window(sq)), ShapeFacet.SEASONALITY).orElseThrow(), l.name());
      assertEquals("triangle", tag(l.label(window(tri)), ShapeFacet.SEASONALITY).orElseThrow(), l.name());
    }
  }

  @Test
  void qualityEventsAreFound() {
    float[] x = Fixtures.noise(200, 1, 11);
    for (int i = 0; i < 200; i++) {
      x[i] += 50;
    }
    Arrays.fill(x, 20, 25, Float.NaN);
    Arrays.fill(x, 60, 70, 0f);
    Arrays.fill(x, 100, 112, 47.25f);
    float top = 60f;
    Arrays.fill(x, 140, 144, top);
    Arrays.fill(x, 160, 163, top);
    List<Annotation> a = new QualityEventLabeler().label(window(x));
    assertEquals(List.of(new Event(EventType.MISSING_RUN, 20, 24)), events(a, EventType.MISSING_RUN));
    assertEquals(List.of(new Event(EventType.DROPOUT, 60, 69)), events(a, EventType.DROPOUT));
    assertEquals(List.of(new Event(EventType.FLATLINE, 100, 111)), events(a, EventType.FLATLINE));
    assertEquals(List.of(new Event(EventType.CLIPPING, 140, 143), new Event(EventType.CLIPPING, 160, 162)),
        events(a, EventType.CLIPPING));
  }

  @Test
  void statsAreExact() {
    float[] x = {1, 2, 3, 4, Float.NaN, 6};
    List<Annotation> a = new StatsLabeler().label(window(x));
    assertEquals(3.2, numeric(a, Property.MEAN).orElseThrow(), 1e-9);
    assertEquals(3, numeric(a, Property.MEDIAN).orElseThrow(), 1e-9);
    assertEquals(5, numeric(a, Property.RANGE).orElseThrow(), 1e-9);
    assertEquals(1.0 / 6, numeric(a, Property.MISSING_FRACTION).orElseThrow(), 1e-9);
    assertEquals(1.0, numeric(a, Property.SLOPE).orElseThrow(), 1e-9);
  }
}
