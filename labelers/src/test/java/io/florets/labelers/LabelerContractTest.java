package io.florets.labelers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.Window;
import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.Event;
import io.florets.datasets.target.NumericProperty;
import io.florets.datasets.target.Segment;
import io.florets.datasets.target.ShapeTag;
import io.florets.datasets.target.Target;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The one contract every discovered labeler must keep. */
class LabelerContractTest {

  static Stream<Labeler> labelers() {
    return Labelers.discover().values().stream();
  }

  static List<Window> windows() {
    List<Window> out = new ArrayList<>();
    Random r = new Random(11);
    for (int k = 0; k < 6; k++) {
      float[] x = new float[128 + 32 * k];
      for (int i = 0; i < x.length; i++) {
        x[i] = (float) (Math.sin(2 * Math.PI * i / (12 + k)) * 3 + 0.02 * i * (k - 2) + r.nextGaussian() * 0.3);
      }
      if (k == 2) {
        x[40] += 8;
        Arrays.fill(x, 60, 70, Float.NaN);
      }
      if (k == 3) {
        for (int i = 80; i < x.length; i++) {
          x[i] += 6;
        }
        Arrays.fill(x, 20, 30, 0f);
      }
      out.add(Window.of(x));
    }
    float[][] multi = new float[3][200];
    for (int c = 0; c < 3; c++) {
      for (int i = 0; i < 200; i++) {
        multi[c][i] = (float) (c * Math.cos(i / 5.0) + r.nextGaussian());
      }
    }
    multi[1][77] = 25;
    out.add(Window.of(multi));
    return out;
  }

  static List<Window> degenerate() {
    float[] nan = new float[64];
    Arrays.fill(nan, Float.NaN);
    float[] constant = new float[64];
    Arrays.fill(constant, 4.5f);
    float[] half = new float[64];
    Arrays.fill(half, 0, 32, Float.NaN);
    Arrays.fill(half, 32, 64, 1f);
    return List.of(Window.of(nan), Window.of(constant), Window.of(half), Window.of(new float[] {1f}),
        Window.of(new float[] {1f, 2f, Float.NaN}), Window.of(new float[] {0f, 0f, 0f, 5f, 0f, 0f, 0f, 0f, 1f}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("labelers")
  void describesItself(Labeler l) {
    assertTrue(l.name().matches("[a-z0-9]+(\\.[a-z0-9]+)+"), l.name());
    assertFalse(l.version().isBlank());
    assertFalse(l.kinds().isEmpty());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("labelers")
  void deterministicAndWellFormed(Labeler l) {
    for (Window w : windows()) {
      List<Annotation> a = l.label(w);
      assertEquals(a, l.label(w), "determinism on " + w);
      for (Annotation an : a) {
        check(l, w, an);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("labelers")
  void degenerateWindowsDoNotThrow(Labeler l) {
    for (Window w : degenerate()) {
      List<Annotation> a = l.label(w);
      assertNotNull(a);
      for (Annotation an : a) {
        check(l, w, an);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("labelers")
  void threadSafeUnderConcurrentCalls(Labeler l) throws Exception {
    List<Window> ws = windows();
    List<List<Annotation>> expected = new ArrayList<>();
    for (Window w : ws) {
      expected.add(l.label(w));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> fs = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        final int off = t;
        fs.add(pool.submit(() -> {
          for (int k = 0; k < 3 * ws.size(); k++) {
            int i = (k + off) % ws.size();
            if (!l.label(ws.get(i)).equals(expected.get(i))) {
              return false;
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> f : fs) {
        assertTrue(f.get(), l.name() + " differs under concurrency");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void check(Labeler l, Window w, Annotation an) {
    assertEquals(l.name(), an.source());
    assertEquals(l.version(), an.sourceVersion());
    assertTrue(an.confidence() >= 0 && an.confidence() <= 1);
    Target t = an.target();
    assertTrue(l.kinds().contains(t.kind()), l.name() + " produced undeclared kind " + t.kind());
    int ch = t.channel();
    if (w.channels() == 1) {
      assertEquals(Target.WHOLE_WINDOW, ch);
    } else {
      assertTrue(ch >= 0 && ch < w.channels(), "channel " + ch);
    }
    if (t instanceof Event e) {
      assertTrue(e.end() < w.length(), e + " outside " + w);
      assertTrue(l.eventTypes().contains(e.type()), l.name() + " produced undeclared " + e.type());
    }
    if (t instanceof Segment s) {
      assertTrue(s.end() < w.length(), s + " outside " + w);
    }
    if (t instanceof ShapeTag s) {
      assertTrue(l.facets().contains(s.facet()), l.name() + " produced undeclared " + s.facet());
    }
    if (t instanceof NumericProperty p) {
      assertTrue(l.properties().contains(p.property()), l.name() + " produced undeclared " + p.property());
    }
  }
}
