package io.florets.prompt.facade;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open/closed state of a {@link Florets} facade and the asks in flight: asks run inside
 * {@link #guarded}, {@link #close} refuses new asks and waits a bounded time for the running ones,
 * and the native memory is freed exactly once, by the closer or by the last ask in flight, never
 * under a running ask. Thread-safe.
 */
final class AskGate {
  /** The message of the exception thrown by asks that arrive after {@link #close}. */
  static final String CLOSED = "this Florets is closed";
  private static final Logger LOG = LoggerFactory.getLogger(Florets.class);

  private final Runnable freeNative;
  /** Guards every field below; notified when an ask ends. */
  private final Object lock = new Object();
  private int inFlight;
  private boolean closed;
  private boolean freed;
  /** True while a {@link #close} call waits for asks in flight (it then frees the memory itself). */
  private boolean closerWaiting;

  /** A gate that calls {@code freeNative} once, when the facade is closed and no ask runs. */
  AskGate(Runnable freeNative) {
    this.freeNative = Objects.requireNonNull(freeNative, "freeNative");
  }

  /** Throws {@link IllegalStateException} ("this Florets is closed") once closed. */
  void checkOpen() {
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException(CLOSED);
      }
    }
  }

  /**
   * Runs one ask while holding the facade open: counted in flight, so that {@link #close} does not
   * free the native memory under it.
   *
   * @throws IllegalStateException if the facade is closed (before the ask starts)
   */
  <T> T guarded(Supplier<T> ask) {
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException(CLOSED);
      }
      inFlight++;
    }
    try {
      return ask.get();
    } finally {
      boolean free;
      synchronized (lock) {
        inFlight--;
        // a close() still waiting frees the memory itself; one that gave up left it to the last ask
        free = closed && inFlight == 0 && !freed && !closerWaiting;
        if (free) {
          freed = true;
        }
        lock.notifyAll();
      }
      if (free) {
        freeNative.run();
      }
    }
  }

  /** True once {@link #close} has been called (asks are refused from then on). */
  boolean isClosed() {
    synchronized (lock) {
      return closed;
    }
  }

  /** Asks running now. */
  int inFlight() {
    synchronized (lock) {
      return inFlight;
    }
  }

  /** True once the native memory has been freed. */
  boolean freed() {
    synchronized (lock) {
      return freed;
    }
  }

  /**
   * Stops new asks, waits up to {@code maxWait} for the asks in flight, then frees the model's
   * native memory. Asks that arrive after this call starts throw {@link IllegalStateException}
   * ("this Florets is closed"); asks already running finish normally with their answers. If some
   * are still running when {@code maxWait} has passed (or the waiting thread is interrupted; its
   * interrupt flag is kept), this method returns without freeing, and the last of those asks frees
   * the memory as it returns. Calling it again waits again for the same asks (up to its own bound).
   *
   * @param maxWait the longest time to wait for asks in flight; zero does not wait
   * @return true if the native memory is freed when this method returns, false if the last ask in
   *     flight will free it
   * @throws IllegalArgumentException if {@code maxWait} is negative
   */
  boolean close(Duration maxWait) {
    Objects.requireNonNull(maxWait, "maxWait");
    if (maxWait.isNegative()) {
      throw new IllegalArgumentException("maxWait must be >= 0, got " + maxWait);
    }
    boolean free;
    int running;
    synchronized (lock) {
      closed = true;
      // capped at a day so that the nanosecond arithmetic cannot overflow
      long left = maxWait.compareTo(Duration.ofDays(1)) > 0 ? Duration.ofDays(1).toNanos()
          : maxWait.toNanos();
      long deadline = System.nanoTime() + left;
      closerWaiting = true;
      try {
        while (inFlight > 0 && left > 0) {
          try {
            lock.wait(Math.max(1, left / 1_000_000));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            break;
          }
          left = deadline - System.nanoTime();
        }
      } finally {
        closerWaiting = false;
      }
      running = inFlight;
      free = running == 0 && !freed;
      if (free) {
        freed = true;
      }
    }
    if (free) {
      freeNative.run();
      return true;
    }
    if (running > 0) {
      LOG.warn("Florets.close: {} ask(s) still running after waiting {}; the last of them frees "
          + "the model's native memory as it returns", running, maxWait);
      return false;
    }
    return true;
  }
}
