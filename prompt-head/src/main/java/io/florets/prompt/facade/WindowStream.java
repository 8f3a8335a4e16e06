package io.florets.prompt.facade;

import io.florets.datasets.Window;
import io.florets.prompt.readout.Alert;
import io.florets.prompt.readout.Events;
import io.florets.prompt.readout.Readout;
import io.florets.prompt.readout.Segments;
import io.florets.prompt.task.Prompt;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Watches a live sensor: push samples as they arrive; once {@code length} samples are buffered and
 * then every {@code stride} further samples, the stream cuts the last {@code length} samples as a
 * window, asks each chosen prompt and hands every readout to the listener, with the window's first
 * sample in stream time (samples since the first push).
 *
 * <p>Asking happens on the pushing thread. Not thread-safe: push from one thread (the facade it
 * asks is thread-safe, so several streams may share one). The stream holds no model of its own: it
 * asks through the facade, so closing the facade while a stream pushes is safe (a running ask
 * finishes, later ones throw {@link IllegalStateException}).
 */
public final class WindowStream {
  /**
   * Receives the answers of a stream that asks several prompts; each readout's type depends on its
   * prompt. A stream of one task takes a {@link Answers} listener instead, typed by that task.
   */
  @FunctionalInterface
  public interface Listener {
    /** Called once per window and prompt, in push order. */
    void onReadout(StreamReadout<?> readout);
  }

  /**
   * Receives the answers of a stream that asks one task or prompt: the readout is already of the
   * task's type (e.g. {@link Alert} for {@code Tasks.ALERT}).
   *
   * @param <R> the readout type of the task
   */
  @FunctionalInterface
  public interface Answers<R extends Readout> {
    /** Called once per window, in push order, on the pushing thread. */
    void onAnswer(StreamReadout<R> answer);
  }

  /**
   * A readout of a stream window.
   *
   * @param windowStart stream time (sample index since the first push) of the window's first sample
   * @param window the window that was asked
   * @param prompt the prompt
   * @param readout the answer (positions relative to the window)
   * @param <R> the readout type of the prompt
   */
  public record StreamReadout<R extends Readout>(long windowStart, Window window, Prompt<R> prompt,
      R readout) {
    /**
     * The located items of an events, alert or segments answer in stream time: {@code [type or
     * label, start, end, confidence]} with start/end as sample indices since the first push.
     */
    public List<Located> located() {
      List<Located> out = new ArrayList<>();
      List<Events.Item> items = List.of();
      if (readout instanceof Events e) {
        items = e.events();
      } else if (readout instanceof Alert a) {
        items = a.events();
      } else if (readout instanceof Segments s) {
        for (Segments.Item it : s.segments()) {
          out.add(new Located(it.label().token(), windowStart + it.start(),
              windowStart + it.end(), it.channel(), it.confidence()));
        }
      }
      for (Events.Item it : items) {
        out.add(new Located(it.type().token(), windowStart + it.start(), windowStart + it.end(),
            it.channel(), it.confidence()));
      }
      return out;
    }
  }

  /** A located item in stream time. */
  public record Located(String what, double start, double end, int channel, double confidence) {
  }

  private final Florets florets;
  private final int channels;
  private final int length;
  private final int stride;
  private final List<Prompt<?>> prompts;
  private final Listener listener;
  private final float[][] ring;
  private long pushed;
  private long nextCut;

  WindowStream(Florets florets, StreamSpec spec, List<Prompt<?>> prompts, Listener listener) {
    Objects.requireNonNull(spec, "spec");
    if (prompts == null || prompts.isEmpty()) {
      throw new IllegalArgumentException("stream needs at least one prompt");
    }
    this.florets = florets;
    this.channels = spec.channels();
    this.length = spec.length();
    this.stride = spec.stride();
    this.prompts = List.copyOf(prompts);
    this.listener = Objects.requireNonNull(listener, "listener");
    this.ring = new float[channels][length];
    this.nextCut = length;
  }

  /** Pushes one sample of a univariate stream. */
  public void push(float value) {
    pushSample(new float[] {value});
  }

  /** Pushes consecutive samples of a univariate stream. */
  public void pushAll(float[] values) {
    for (float v : values) {
      push(v);
    }
  }

  /**
   * Pushes one time step: one value per channel (NaN = missing).
   *
   * @throws IllegalArgumentException if the sample does not have one value per channel
   * @throws IllegalStateException if the sample completes a window and the facade has been closed
   *     ("this Florets is closed"); the sample is kept, so the stream's count stays right
   */
  public void pushSample(float[] sample) {
    if (sample.length != channels) {
      throw new IllegalArgumentException("sample " + pushed + " has " + sample.length
          + " values; this stream has " + channels + " channels");
    }
    int slot = (int) (pushed % length);
    for (int c = 0; c < channels; c++) {
      ring[c][slot] = sample[c];
    }
    pushed++;
    if (pushed == nextCut) {
      nextCut += stride;
      cut();
    }
  }

  /** Samples pushed so far. */
  public long pushed() {
    return pushed;
  }

  private void cut() {
    long start = pushed - length;
    float[][] values = new float[channels][length];
    for (int c = 0; c < channels; c++) {
      for (int t = 0; t < length; t++) {
        values[c][t] = ring[c][(int) ((start + t) % length)];
      }
    }
    Window w = Window.of("stream", (int) Math.min(Integer.MAX_VALUE, start), values, null, null,
        null);
    if (w.isAllMissing()) {
      return;
    }
    for (Prompt<?> p : prompts) {
      listener.onReadout(answer(start, w, p));
    }
  }

  private <R extends Readout> StreamReadout<R> answer(long start, Window w, Prompt<R> p) {
    return new StreamReadout<>(start, w, p, florets.ask(w, p));
  }
}
