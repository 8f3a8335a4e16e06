package io.florets.labelers.batch;

import io.florets.datasets.Window;
import io.florets.datasets.target.Annotation;
import io.florets.labelers.LabelerSuite;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Labels windows on several threads without locks: threads claim window indices from one atomic
 * counter and write each result into its own slot of a preallocated array.
 */
public final class ParallelLabeling {
  private ParallelLabeling() {
  }

  /**
   * Labels every window with the suite.
   *
   * @param windows the windows
   * @param suite the labelers (thread-safe)
   * @param threads worker threads, &ge; 1
   * @param progress called with the number of windows finished by a thread after each window (may
   *     be {@code null}); must itself be thread-safe
   * @return per window (same order), the suite's annotations
   */
  public static List<List<Annotation>> label(List<Window> windows, LabelerSuite suite, int threads,
      IntConsumer progress) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    int n = windows.size();
    @SuppressWarnings("unchecked")
    List<Annotation>[] out = new List[n];
    AtomicInteger next = new AtomicInteger();
    Runnable work = () -> {
      int i;
      while ((i = next.getAndIncrement()) < n) {
        out[i] = suite.label(windows.get(i));
        if (progress != null) {
          progress.accept(1);
        }
      }
    };
    int t = Math.min(threads, Math.max(1, n));
    Thread[] workers = new Thread[t - 1];
    RuntimeException[] failure = new RuntimeException[1];
    for (int k = 0; k < workers.length; k++) {
      workers[k] = new Thread(work, "florets-label-" + k);
      workers[k].setUncaughtExceptionHandler((th, ex) -> {
        synchronized (failure) {
          failure[0] = ex instanceof RuntimeException r ? r : new IllegalStateException(ex);
        }
      });
      workers[k].start();
    }
    work.run();
    for (Thread w : workers) {
      try {
        w.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while labelling", e);
      }
    }
    synchronized (failure) {
      if (failure[0] != null) {
        throw failure[0];
      }
    }
    return new ArrayList<>(Arrays.asList(out));
  }
}
