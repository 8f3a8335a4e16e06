package io.florets.prompt.facade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.Window;
import io.florets.prompt.facade.bundle.ModelBundle;
import io.florets.prompt.readout.Alert;
import io.florets.prompt.readout.Embedding;
import io.florets.prompt.readout.Label;
import io.florets.prompt.readout.Readout;
import io.florets.prompt.readout.ShapeTags;
import io.florets.prompt.task.PromptException;
import io.florets.prompt.task.Tasks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FloretsTest {
  private static Florets florets;
  private static List<Window> windows;

  @BeforeAll
  static void setUp() {
    ModelBundle b = TinyModels.bundle();
    // a second facade over the shared model would close it; wrap a view that is never closed
    florets = Florets.of(b);
    windows = TinyModels.data().windows().subList(0, 8);
  }

  @AfterAll
  static void tearDown() {
    // the shared model stays open for the other test classes
  }

  private static Readout askCall(int j) {
    Window w = windows.get(j % windows.size());
    return j % 10 == 9 ? florets.ask(w, Tasks.SHAPE) : florets.ask(w, "<CLASSIFY>");
  }

  @Test
  void sixteenThreadsAnswerLikeOne() throws Exception {
    int perThread = 50;
    List<Readout> single = new ArrayList<>();
    for (int j = 0; j < perThread; j++) {
      single.add(askCall(j));
    }
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<List<Readout>>> fs = new ArrayList<>();
      for (int t = 0; t < 16; t++) {
        fs.add(pool.submit(() -> {
          List<Readout> mine = new ArrayList<>();
          for (int j = 0; j < perThread; j++) {
            mine.add(askCall(j));
          }
          return mine;
        }));
      }
      for (Future<List<Readout>> f : fs) {
        assertEquals(single, f.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void answersAreTypedAndConfident() {
    Label l = florets.ask(windows.get(0), Tasks.CLASSIFY);
    assertTrue(TinyModels.classNames().contains(l.name()), l.name());
    assertTrue(l.confidence() > 0 && l.confidence() <= 1, "confidence " + l.confidence());
    ShapeTags s = florets.ask(windows.get(1), Tasks.SHAPE);
    for (ShapeTags.Tag t : s.tags()) {
      assertTrue(t.confidence() > 0 && t.confidence() <= 1, t.toString());
    }
  }

  @Test
  void askAllEqualsOneByOne() {
    List<Label> all = florets.askAll(windows, Tasks.CLASSIFY);
    for (int i = 0; i < windows.size(); i++) {
      assertEquals(florets.ask(windows.get(i), Tasks.CLASSIFY).name(), all.get(i).name());
    }
  }

  @Test
  void embeddingsAreUnitVectorsAndIndexFindsItself() {
    Embedding e = florets.embed(windows.get(2));
    double n = 0;
    for (float v : e.vector()) {
      n += v * v;
    }
    assertEquals(1.0, Math.sqrt(n), 1e-3);
    RetrievalIndex idx = florets.index(windows);
    List<RetrievalIndex.Neighbour> nn = idx.nearest(windows.get(2), 3);
    assertEquals(3, nn.size());
    assertEquals(2, nn.get(0).index());
    assertTrue(nn.get(0).similarity() >= nn.get(1).similarity());
    assertTrue(idx.nearestTo(2, 3).stream().noneMatch(x -> x.index() == 2));
  }

  @Test
  void badInputIsRefusedWithClearMessages() {
    Window w = windows.get(0);
    PromptException p = assertThrows(PromptException.class, () -> florets.ask(w, "<NOPE>"));
    assertTrue(p.getMessage().contains("NOPE"), p.getMessage());
    float[] nan = new float[64];
    Arrays.fill(nan, Float.NaN);
    IllegalArgumentException a = assertThrows(IllegalArgumentException.class,
        () -> florets.ask(Window.of(nan), Tasks.EVENTS));
    assertTrue(a.getMessage().contains("missing"), a.getMessage());
    assertThrows(IllegalArgumentException.class, () -> florets.ask(Window.of(new float[0]),
        Tasks.EVENTS));
    IllegalArgumentException c = assertThrows(IllegalArgumentException.class,
        () -> florets.ask(Window.of(new float[][] {w.channel(0), w.channel(0)}), Tasks.SHAPE));
    assertTrue(c.getMessage().contains("channels"), c.getMessage());
    IllegalArgumentException t = assertThrows(IllegalArgumentException.class,
        () -> florets.ask(w, Tasks.EVENTS_OF));
    assertTrue(t.getMessage().contains("needs arguments"), t.getMessage());
  }

  @Test
  void streamCutsWindowsAtTheStrideInStreamTime() {
    List<WindowStream.StreamReadout<Label>> got = new ArrayList<>();
    WindowStream s = florets.stream(StreamSpec.windowsOf(64).every(32), Tasks.CLASSIFY, got::add);
    float[] x = windows.get(0).channel(0);
    s.pushAll(Arrays.copyOf(x, 128));
    // cuts after 64, 96 and 128 samples
    assertEquals(3, got.size());
    assertEquals(List.of(0L, 32L, 64L), got.stream().map(WindowStream.StreamReadout::windowStart)
        .toList());
    assertEquals(Window.of(Arrays.copyOfRange(x, 32, 96)).channel(0).length,
        got.get(1).window().length());
    assertTrue(Arrays.equals(Arrays.copyOfRange(x, 32, 96), got.get(1).window().channel(0)));
  }

  @Test
  void typedStreamAnswersLikeAskAndTheSpecNamesItsNumbers() {
    List<Alert> alerts = new ArrayList<>();
    List<Long> starts = new ArrayList<>();
    WindowStream s = florets.stream(StreamSpec.windowsOf(64), Tasks.ALERT, a -> {
      alerts.add(a.readout());   // typed: an Alert, no cast
      starts.add(a.windowStart());
    });
    float[] x = windows.get(0).channel(0);
    s.pushAll(Arrays.copyOf(x, 130));
    assertEquals(List.of(0L, 64L), starts);
    assertEquals(florets.ask(Window.of(Arrays.copyOfRange(x, 64, 128)), Tasks.ALERT).abnormal(),
        alerts.get(1).abnormal());

    StreamSpec spec = StreamSpec.windowsOf(256).every(64).channels(3);
    assertEquals(new StreamSpec(256, 64, 3), spec);
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> StreamSpec.windowsOf(256).every(0));
    assertTrue(bad.getMessage().contains("stride") && bad.getMessage().contains("0"),
        bad.getMessage());
    IllegalArgumentException args = assertThrows(IllegalArgumentException.class,
        () -> florets.stream(spec, Tasks.EVENTS_OF, a -> { }));
    assertTrue(args.getMessage().contains("needs arguments"), args.getMessage());
  }

  @Test
  @SuppressWarnings("deprecation")
  void deprecatedStreamStillTakesChannelsLengthStride() {
    List<WindowStream.StreamReadout<?>> got = new ArrayList<>();
    WindowStream s = florets.stream(1, 64, 32, List.of(Tasks.CLASSIFY.prompt()), got::add);
    s.pushAll(Arrays.copyOf(windows.get(0).channel(0), 96));
    assertEquals(2, got.size());
    assertTrue(got.get(0).readout() instanceof Label);
  }
}
