package io.florets.dataengine;

import io.florets.datasets.Window;
import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.Event;
import io.florets.datasets.target.EventType;
import io.florets.datasets.target.NumericProperty;
import io.florets.datasets.target.ShapeTag;
import io.florets.datasets.target.Target;
import io.florets.datasets.target.TargetKind;
import io.florets.labelers.Labeler;
import io.florets.labelers.signal.WindowAnalysis;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/**
 * A labeler made deliberately worse, to test that the data engine denoises: each output is dropped
 * with probability {@code rate}; each kept output is jittered with probability {@code rate} (an
 * event is shifted by up to 5% of the window, a shape tag is replaced by another allowed value, a
 * numeric value is scaled by {@code 1 + N(0, 0.3)}); and with probability {@code rate} the window
 * gets one false event of a type the labeler can report. The noise is a pure function of the seed,
 * the labeler name and the window's samples, so it is independent across labelers and windows and
 * the same on every call. Thread-safe.
 */
public final class DegradedLabeler implements Labeler {
  private final Labeler inner;
  private final double rate;
  private final long seed;

  private DegradedLabeler(Labeler inner, double rate, long seed) {
    this.inner = inner;
    this.rate = rate;
    this.seed = seed;
  }

  /**
   * Wraps a labeler.
   *
   * @param inner the labeler to degrade
   * @param rate fraction in [0, 1] of outputs dropped, of outputs jittered, and chance of a false event
   * @param seed noise seed
   * @throws IllegalArgumentException if {@code rate} is outside [0, 1] or NaN
   */
  public static DegradedLabeler of(Labeler inner, double rate, long seed) {
    Objects.requireNonNull(inner, "inner");
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException("degradation rate must be in [0, 1], got " + rate
          + " for labeler " + inner.name());
    }
    return new DegradedLabeler(inner, rate, seed);
  }

  /** Wraps every labeler of a list with the same rate and seed. */
  public static List<Labeler> all(List<Labeler> labelers, double rate, long seed) {
    List<Labeler> out = new ArrayList<>(labelers.size());
    labelers.forEach(l -> out.add(of(l, rate, seed)));
    return List.copyOf(out);
  }

  /** The wrapped labeler. */
  public Labeler inner() {
    return inner;
  }

  /** The degradation rate. */
  public double rate() {
    return rate;
  }

  @Override
  public String name() {
    return inner.name();
  }

  @Override
  public String version() {
    return inner.version() + "+degraded(" + rate + "," + seed + ")";
  }

  @Override
  public Set<TargetKind> kinds() {
    return inner.kinds();
  }

  @Override
  public Set<EventType> eventTypes() {
    return inner.eventTypes();
  }

  @Override
  public Set<io.florets.datasets.target.ShapeFacet> facets() {
    return inner.facets();
  }

  @Override
  public Set<io.florets.datasets.target.Property> properties() {
    return inner.properties();
  }

  @Override
  public List<Annotation> label(WindowAnalysis analysis) {
    List<Annotation> clean = inner.label(analysis);
    Window w = analysis.window();
    Random r = new Random(seed * 0x9E3779B97F4A7C15L ^ inner.name().hashCode() * 0xC2B2AE3D27D4EB4FL
        ^ windowHash(w));
    List<Annotation> out = new ArrayList<>(clean.size() + 1);
    int len = w.length();
    for (Annotation a : clean) {
      boolean drop = r.nextDouble() < rate;
      boolean jitter = r.nextDouble() < rate;
      if (drop) {
        continue;
      }
      out.add(jitter ? new Annotation(jitter(a.target(), len, r), a.source(), a.sourceVersion(),
          a.confidence()) : a);
    }
    List<EventType> types = new ArrayList<>(inner.eventTypes());
    if (!types.isEmpty() && len >= 4 && r.nextDouble() < rate) {
      types.sort(null);
      EventType t = types.get(r.nextInt(types.size()));
      int start = r.nextInt(len - 2);
      int end = Math.min(len - 1, start + r.nextInt(3));
      out.add(new Annotation(new Event(t, start, end, Target.WHOLE_WINDOW), inner.name(), version(),
          0.5 + 0.5 * r.nextDouble()));
    }
    return out;
  }

  private static Target jitter(Target t, int len, Random r) {
    if (t instanceof Event e) {
      int max = Math.max(2, len / 20);
      int shift = r.nextInt(2 * max + 1) - max;
      int s = Math.max(0, Math.min(len - 1, e.start() + shift));
      int en = Math.max(s, Math.min(len - 1, e.end() + shift));
      return new Event(e.type(), s, en, e.channel());
    }
    if (t instanceof ShapeTag g) {
      List<String> allowed = g.facet().allowed();
      if (allowed.size() < 2) {
        return t;
      }
      String v;
      do {
        v = allowed.get(r.nextInt(allowed.size()));
      } while (v.equals(g.value()));
      return new ShapeTag(g.facet(), v, g.channel());
    }
    if (t instanceof NumericProperty p) {
      double v = p.value() * (1 + 0.3 * r.nextGaussian());
      return new NumericProperty(p.property(), v, p.channel());
    }
    return t;
  }

  private static long windowHash(Window w) {
    long h = 1125899906842597L + w.length();
    for (int c = 0; c < w.channels(); c++) {
      for (float v : w.channelView(c)) {
        h = 31 * h + Float.floatToIntBits(v);
      }
    }
    return h;
  }
}
