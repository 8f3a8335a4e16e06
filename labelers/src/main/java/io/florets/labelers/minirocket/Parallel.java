package io.florets.labelers.minirocket;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/** Runs an indexed loop on a few plain threads, each with its own scratch state. */
final class Parallel {
  private Parallel() {
  }

  /** The loop body: index and the calling thread's scratch object. */
  interface Body<S> {
    void run(int index, S scratch);
  }

  /**
   * Runs {@code body} for every index in {@code [0, n)}, handing out indices one at a time to at
   * most {@code threads} threads (the calling thread is one of them). Rethrows the first failure.
   */
  static <S> void forEach(int n, int threads, Supplier<S> scratch, Body<S> body) {
    int workers = Math.max(1, Math.min(threads, n));
    AtomicInteger next = new AtomicInteger();
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    Runnable task = () -> {
      S s = scratch.get();
      try {
        for (int i = next.getAndIncrement(); i < n && failure.get() == null; i = next.getAndIncrement()) {
          body.run(i, s);
        }
      } catch (RuntimeException e) {
        failure.compareAndSet(null, e);
      }
    };
    Thread[] extra = new Thread[workers - 1];
    for (int w = 0; w < extra.length; w++) {
      extra[w] = new Thread(task, "minirocket-" + w);
      extra[w].setDaemon(true);
      extra[w].start();
    }
    task.run();
    for (Thread t : extra) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for transform workers", e);
      }
    }
    if (failure.get() != null) {
      throw failure.get();
    }
  }
}
