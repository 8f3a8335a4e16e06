package io.florets.labelers;

import io.florets.datasets.Window;
import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.Event;
import io.florets.datasets.target.EventType;
import io.florets.datasets.target.NumericProperty;
import io.florets.datasets.target.Property;
import io.florets.datasets.target.ShapeFacet;
import io.florets.datasets.target.ShapeTag;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/** Hand-built series with known answers, and small lookups into annotation lists. */
public final class Fixtures {
  private Fixtures() {
  }

  /** Gaussian noise of the given sigma, seeded. */
  public static float[] noise(int n, double sigma, long seed) {
    Random r = new Random(seed);
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) (r.nextGaussian() * sigma);
    }
    return x;
  }

  /** {@code a sin(2 pi t / period)} plus seeded noise. */
  public static float[] sine(int n, double period, double a, double sigma, long seed) {
    float[] x = noise(n, sigma, seed);
    for (int i = 0; i < n; i++) {
      x[i] += (float) (a * Math.sin(2 * Math.PI * i / period));
    }
    return x;
  }

  public static Window window(float[] x) {
    return Window.of(x);
  }

  public static List<Event> events(List<Annotation> as, EventType type) {
    List<Event> out = new ArrayList<>();
    for (Annotation a : as) {
      if (a.target() instanceof Event e && e.type() == type) {
        out.add(e);
      }
    }
    return out;
  }

  public static Optional<Double> numeric(List<Annotation> as, Property p) {
    for (Annotation a : as) {
      if (a.target() instanceof NumericProperty np && np.property() == p) {
        return Optional.of(np.value());
      }
    }
    return Optional.empty();
  }

  public static Optional<String> tag(List<Annotation> as, ShapeFacet f) {
    for (Annotation a : as) {
      if (a.target() instanceof ShapeTag t && t.facet() == f) {
        return Optional.of(t.value());
      }
    }
    return Optional.empty();
  }
}
