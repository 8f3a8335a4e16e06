package io.florets.engine.decode;

import io.florets.engine.EngineModel;
import io.florets.engine.GradMode;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Thread-safe inference over one {@link EngineModel}: a fixed set of worker threads, each with
 * gradient recording off and its own intra-op thread count (1 by default, so that workers scale
 * across cores instead of fighting over them). Callers may submit from any number of threads.
 *
 * <p>A caller's mistake (bad prompt, bad window) surfaces as the same
 * {@link IllegalArgumentException} the model throws; an engine failure or an interrupt as
 * {@link InferenceException}.
 *
 * @param <I> the front end's input type
 */
public final class InferencePool<I> implements AutoCloseable {
  private final EngineModel<I> model;
  private final ExecutorService workers;

  private InferencePool(EngineModel<I> model, int workerCount, int intraOpThreads) {
    this.model = model;
    AtomicInteger n = new AtomicInteger();
    ThreadFactory factory = r -> {
      Thread t = new Thread(() -> {
        GradMode.setIntraOpThreads(intraOpThreads);
        GradMode.off();
        r.run();
      }, "florets-inference-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    this.workers = Executors.newFixedThreadPool(workerCount, factory);
  }

  /** A pool of {@code workers} threads with one intra-op thread each. */
  public static <I> InferencePool<I> of(EngineModel<I> model, int workers) {
    return of(model, workers, 1);
  }

  /** A pool of {@code workers} threads with {@code intraOpThreads} intra-op threads each. */
  public static <I> InferencePool<I> of(EngineModel<I> model, int workers, int intraOpThreads) {
    Objects.requireNonNull(model, "model");
    if (workers < 1 || intraOpThreads < 1) {
      throw new IllegalArgumentException("workers (" + workers + ") and intra-op threads ("
          + intraOpThreads + ") must be >= 1");
    }
    return new InferencePool<>(model, workers, intraOpThreads);
  }

  /** Decodes on a worker; see {@link EngineModel#decode}. */
  public CompletableFuture<List<Decoded>> decodeAsync(List<? extends I> inputs, int[][] prompts,
      DecodeOptions options) {
    List<I> copy = List.copyOf(inputs);
    int[][] p = prompts.clone();
    return CompletableFuture.supplyAsync(() -> model.decode(copy, p, options), workers);
  }

  /** Decodes on a worker and waits. */
  public List<Decoded> decode(List<? extends I> inputs, int[][] prompts, DecodeOptions options)
      throws InferenceException {
    return await(decodeAsync(inputs, prompts, options));
  }

  /** Embeds on a worker and waits; see {@link EngineModel#embed}. */
  public float[][] embed(List<? extends I> inputs, int[][] prompts) throws InferenceException {
    List<I> copy = List.copyOf(inputs);
    int[][] p = prompts.clone();
    return await(CompletableFuture.supplyAsync(() -> model.embed(copy, p), workers));
  }

  private static <T> T await(CompletableFuture<T> f) throws InferenceException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InferenceException("interrupted while waiting for inference", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof IllegalArgumentException) {
        throw new IllegalArgumentException(c.getMessage(), c);
      }
      if (c instanceof IllegalStateException) {
        throw new IllegalStateException(c.getMessage(), c);
      }
      throw new InferenceException("inference failed: " + c, c);
    }
  }

  /** Stops the workers after running queued work (waits up to 30 s). */
  @Override
  public void close() {
    workers.shutdown();
    try {
      if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
