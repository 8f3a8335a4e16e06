package io.florets.prompt.facade;

import io.florets.datasets.Window;
import io.florets.prompt.task.Prompt;
import java.util.List;
import java.util.Objects;

/** The facade's checks of the windows it is asked about; each message names the window and index. */
final class WindowChecks {
  private WindowChecks() {
  }

  /**
   * Refuses a null, empty or all-missing window and one whose channels or length the model cannot
   * take.
   *
   * @param expected channels the model was trained on (0 = any up to {@code maxChannels})
   */
  static void fit(List<Window> windows, int expected, int maxChannels, int maxLength) {
    for (int i = 0; i < windows.size(); i++) {
      Window w = Objects.requireNonNull(windows.get(i), "window at index " + i);
      if (w.length() == 0) {
        throw new IllegalArgumentException(w + " (index " + i + ") has length 0");
      }
      if (w.isAllMissing()) {
        throw new IllegalArgumentException(w + " (index " + i + ") has only missing (NaN) values");
      }
      if (expected > 0 && w.channels() != expected) {
        throw new IllegalArgumentException(w + " (index " + i + ") has " + w.channels()
            + " channels but this model was trained on windows of " + expected + " channel"
            + (expected == 1 ? "" : "s"));
      }
      if (w.channels() > maxChannels) {
        throw new IllegalArgumentException(w + " (index " + i + ") has " + w.channels()
            + " channels; this model takes at most " + maxChannels);
      }
      if (w.length() > maxLength) {
        throw new IllegalArgumentException(w + " (index " + i + ") has " + w.length()
            + " samples; this model takes at most " + maxLength + " (cut it with Windowing)");
      }
    }
  }

  /**
   * Refuses a prompt about a channel that a window does not have (e.g. {@code <PROPERTY>mean<ch_5>}
   * of a one-channel window), which the model would otherwise answer as if it were there.
   */
  static void channel(List<Window> windows, Prompt<?> prompt) {
    int c = prompt.channel();
    if (c < 0) {
      return;
    }
    for (int i = 0; i < windows.size(); i++) {
      Window w = windows.get(i);
      if (c >= w.channels()) {
        throw new IllegalArgumentException("prompt " + prompt.text() + " asks about channel " + c
            + ", but " + w + " (index " + i + ") has " + w.channels() + " channel"
            + (w.channels() == 1 ? " (channel 0)" : "s (channels 0.." + (w.channels() - 1) + ")")
            + "; name a channel it has, or leave <ch_c> out to ask about the whole window");
      }
    }
  }
}
