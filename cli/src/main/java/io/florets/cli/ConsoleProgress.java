package io.florets.cli;

import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a long command on standard error: a redrawn bar when standard error is a terminal
 * (coloured only where {@link Terminals#colours()} allows), otherwise one plain line per tenth of
 * the work, so that a log file gets neither carriage returns nor escape codes.
 *
 * <p>Not thread-safe: report progress from one thread.
 */
final class ConsoleProgress implements AutoCloseable {
  private final String task;
  private final long max;
  private final PrintStream err;
  /** The terminal bar, or null when writing plain lines. */
  private final ProgressBar bar;
  private int tenthsShown;
  private String extra = "";

  private ConsoleProgress(String task, long max, PrintStream err, ProgressBar bar) {
    this.task = task;
    this.max = max;
    this.err = err;
    this.bar = bar;
  }

  /** Progress of {@code max} units of {@code task} on {@link System#err}. */
  static ConsoleProgress start(String task, long max) {
    return start(task, max, System.err, Terminals.stderr(), Terminals.colours());
  }

  /**
   * Progress on {@code err}; {@code terminal} chooses a redrawn bar, {@code colours} its style.
   *
   * @throws IllegalArgumentException if {@code max} is negative
   */
  static ConsoleProgress start(String task, long max, PrintStream err, boolean terminal,
      boolean colours) {
    if (max < 0) {
      throw new IllegalArgumentException("progress of '" + task + "' needs max >= 0, got " + max);
    }
    ProgressBar bar = null;
    if (terminal) {
      bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(max)
          .setStyle(colours ? ProgressBarStyle.COLORFUL_UNICODE_BLOCK : ProgressBarStyle.ASCII)
          .setConsumer(new ConsoleProgressBarConsumer(err)).build();
    }
    return new ConsoleProgress(task, max, err, bar);
  }

  /** Sets the units done so far. */
  void stepTo(long done) {
    if (bar != null) {
      bar.stepTo(done);
      return;
    }
    int tenths = max == 0 ? 10 : (int) Math.min(10, done * 10 / max);
    if (tenths > tenthsShown) {
      tenthsShown = tenths;
      err.printf(Locale.ROOT, "%s: %d%% (%d of %d)%s%n", task, tenths * 10, done, max,
          extra.isEmpty() ? "" : ", " + extra);
      err.flush();
    }
  }

  /** A short note shown beside the progress, e.g. the current loss. */
  void extra(String message) {
    extra = message == null ? "" : message;
    if (bar != null) {
      bar.setExtraMessage(extra);
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
