package io.florets.prompt.facade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.florets.datasets.Window;
import io.florets.engine.EngineConfig;
import io.florets.engine.series.SeriesFrontEndConfig;
import io.florets.prompt.facade.bundle.ModelBundle;
import io.florets.prompt.readout.Caption;
import io.florets.prompt.readout.Embedding;
import io.florets.prompt.readout.Label;
import io.florets.prompt.readout.ShapeTags;
import io.florets.prompt.task.Tasks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Closing a facade while other threads ask it (issue 17, item 1): the JVM must not abort and every
 * ask must either answer normally or fail with the facade's own "closed" exception, never with a
 * raw engine error. Each round uses a fresh tiny model, since closing frees it.
 */
class FloretsCloseTest {
  private static final int ROUNDS = 20;
  private static final int ASKERS = 6;
  private static final List<Window> WINDOWS = TinyModels.data().windows().subList(0, 8);

  /** A fresh tiny model over the shared head (the shared one must stay open for other tests). */
  private static Florets freshFacade() {
    EngineConfig e = EngineConfig.tiny().withMaxLengths(32, 128);
    ModelBundle b = ModelBundle.create(e, SeriesFrontEndConfig.defaults(e.dModel()),
        TinyModels.bundle().head(), 3).withChannels(1);
    return Florets.of(b);
  }

  /** One ask of kind {@code j % 4}: classify, shape, embed, or a stream push that completes a window. */
  private static Object askOnce(Florets f, WindowStream stream, int j) {
    Window w = WINDOWS.get(j % WINDOWS.size());
    switch (j % 4) {
      case 0: {
        Label l = f.ask(w, Tasks.CLASSIFY);
        assertTrue(TinyModels.classNames().contains(l.name()), l.toString());
        assertTrue(l.confidence() > 0 && l.confidence() <= 1, l.toString());
        return l;
      }
      case 1: {
        ShapeTags s = f.ask(w, Tasks.SHAPE);
        s.tags().forEach(t -> assertTrue(t.confidence() > 0 && t.confidence() <= 1, t.toString()));
        return s;
      }
      case 2: {
        Embedding e = f.embed(w);
        double n = 0;
        for (float v : e.vector()) {
          n += v * v;
        }
        assertEquals(1.0, Math.sqrt(n), 1e-3, "embedding norm");
        return e;
      }
      default: {
        // 32 samples complete one window of the stream (length 64, stride 32) after the first push
        float[] x = w.channel(0);
        int before = stream.pushed() == 0 ? 64 : 32;
        float[] part = new float[before];
        System.arraycopy(x, 0, part, 0, before);
        stream.pushAll(part);
        return "stream";
      }
    }
  }

  @Test
  void closeRacingManyAskersNeverAbortsAndEveryAskAnswersOrSaysClosed() throws Exception {
    Random rnd = new Random(17);
    int answeredTotal = 0;
    int refusedTotal = 0;
    for (int round = 0; round < ROUNDS; round++) {
      Florets f = freshFacade();
      ConcurrentLinkedQueue<Throwable> wrong = new ConcurrentLinkedQueue<>();
      int[] answered = new int[ASKERS];
      int[] refused = new int[ASKERS];
      CountDownLatch started = new CountDownLatch(ASKERS);
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < ASKERS; t++) {
        int id = t;
        List<WindowStream.StreamReadout<?>> got = new ArrayList<>();
        WindowStream stream = f.stream(StreamSpec.windowsOf(64).every(32),
            List.of(Tasks.CLASSIFY.prompt()), got::add);
        Thread th = new Thread(() -> {
          started.countDown();
          for (int j = id; ; j++) {
            try {
              askOnce(f, stream, j);
              answered[id]++;
            } catch (IllegalStateException e) {
              if (Florets.CLOSED.equals(e.getMessage())) {
                refused[id]++;
                return;
              }
              wrong.add(e);
              return;
            } catch (Throwable e) {
              wrong.add(e);
              return;
            }
          }
        }, "asker-" + round + "-" + t);
        threads.add(th);
        th.start();
      }
      assertTrue(started.await(30, TimeUnit.SECONDS), "askers did not start");
      Thread.sleep(rnd.nextInt(25));
      f.close();
      assertTrue(f.isClosed());
      for (Thread th : threads) {
        th.join(TimeUnit.SECONDS.toMillis(60));
        assertFalse(th.isAlive(), th.getName() + " still asking 60 s after close");
      }
      if (!wrong.isEmpty()) {
        Throwable first = wrong.peek();
        fail("round " + round + ": " + wrong.size() + " ask(s) failed with something other than "
            + "the closed exception; first: " + first, first);
      }
      // every asker stops on the closed exception, and the memory is freed once none runs
      for (int t = 0; t < ASKERS; t++) {
        assertEquals(1, refused[t], "asker " + t + " of round " + round);
        answeredTotal += answered[t];
      }
      refusedTotal += ASKERS;
      assertEquals(0, f.asksInFlight());
      assertTrue(f.nativeMemoryFreed(), "round " + round + ": native memory not freed");
      IllegalStateException after = assertThrows(IllegalStateException.class,
          () -> f.ask(WINDOWS.get(0), Tasks.CLASSIFY));
      assertEquals("this Florets is closed", after.getMessage());
      f.close(); // idempotent
    }
    assertEquals(ROUNDS * ASKERS, refusedTotal);
    assertTrue(answeredTotal > 0, "no ask was answered before any close; the race tested nothing");
  }

  @Test
  void closeWaitsAtMostItsBoundAndTheLastAskInFlightFreesTheMemory() throws Exception {
    Florets f = freshFacade();
    List<Window> many = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      many.addAll(WINDOWS);
    }
    AtomicReference<Object> result = new AtomicReference<>();
    Thread asker = new Thread(() -> {
      try {
        result.set(f.askAll(many, Tasks.DETAILED_CAPTION));
      } catch (Throwable e) {
        result.set(e);
      }
    }, "long-ask");
    asker.start();
    long spinUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (f.asksInFlight() == 0 && result.get() == null && System.nanoTime() < spinUntil) {
      Thread.onSpinWait();
    }
    assertEquals(1, f.asksInFlight(), "the long ask did not start (or ended at once): " + result.get());
    long t0 = System.nanoTime();
    boolean freed = f.close(Duration.ZERO);
    long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    assertFalse(freed, "close freed the model under a running ask");
    assertTrue(waitedMs < 1000, "close(0) waited " + waitedMs + " ms");
    assertFalse(f.nativeMemoryFreed());
    assertThrows(IllegalStateException.class, () -> f.embed(WINDOWS.get(0)));
    asker.join(TimeUnit.SECONDS.toMillis(120));
    assertFalse(asker.isAlive(), "the long ask did not finish");
    Object r = result.get();
    assertTrue(r instanceof List<?>, "the ask in flight should answer, got " + r);
    List<?> captions = (List<?>) r;
    assertEquals(many.size(), captions.size());
    captions.forEach(c -> assertTrue(c instanceof Caption, String.valueOf(c)));
    assertTrue(f.nativeMemoryFreed(), "the last ask in flight did not free the memory");
    assertTrue(f.close(Duration.ZERO), "a later close reports the memory freed");
  }

  @Test
  void closeRefusesANegativeBound() {
    Florets f = freshFacade();
    try {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> f.close(Duration.ofMillis(-1)));
      assertTrue(e.getMessage().contains("PT-0.001S"), e.getMessage());
      assertFalse(f.isClosed());
    } finally {
      f.close();
    }
  }
}
