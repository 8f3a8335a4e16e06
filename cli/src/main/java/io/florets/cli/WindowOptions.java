package io.florets.cli;

import io.florets.datasets.Series;
import io.florets.datasets.Window;
import io.florets.datasets.Windowing;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --window L [--stride S]} of the commands that embed the windows of series files
 * ({@code index}, {@code search}): fixed windows, a series shorter than the window being one
 * window. A picocli mixin: {@code @Mixin WindowOptions windowing;}.
 */
final class WindowOptions {
  @Option(names = "--window", defaultValue = "" + LabelCommand.DEFAULT_WINDOW, paramLabel = "L",
      description = "Window length in samples (default ${DEFAULT-VALUE}); a shorter series is one window.")
  int window;

  @Option(names = "--stride", paramLabel = "S",
      description = "Samples from one window's start to the next (default: the window length).")
  Integer stride;

  /**
   * The windows of {@code s}.
   *
   * @throws IllegalArgumentException if the window or the stride is not positive
   */
  List<Window> windows(Series s) {
    int st = stride == null ? window : stride;
    if (window <= 0 || st <= 0) {
      throw new IllegalArgumentException("--window and --stride must be positive numbers of samples, got "
          + window + " and " + st);
    }
    if (s.length() < window) {
      return List.of(Window.of(s.id(), 0, s.values(), null, null, null));
    }
    return Windowing.fixed(window, st, Windowing.Tail.SHIFT_BACK).apply(s);
  }
}
