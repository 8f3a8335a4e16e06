package io.florets.labelers.signal;

import io.florets.datasets.Window;
import io.florets.datasets.target.Target;
import java.util.Objects;

/**
 * The shared analysis of one window: one {@link ChannelSignal} per channel, built on first use.
 * Thread-confined: a suite builds one per window on the labelling thread and hands it to every
 * labeler in turn, so the FFT, ACF and decomposition are computed once per window.
 */
public final class WindowAnalysis {
  private final Window window;
  private final SignalConfig config;
  private final ChannelSignal[] channels;

  private WindowAnalysis(Window window, SignalConfig config) {
    this.window = Objects.requireNonNull(window, "window");
    this.config = Objects.requireNonNull(config, "config");
    this.channels = new ChannelSignal[window.channels()];
  }

  /** An analysis with the default {@link SignalConfig}. */
  public static WindowAnalysis of(Window window) {
    return new WindowAnalysis(window, SignalConfig.DEFAULTS);
  }

  /** An analysis with the given settings. */
  public static WindowAnalysis of(Window window, SignalConfig config) {
    return new WindowAnalysis(window, config);
  }

  public Window window() {
    return window;
  }

  /** Number of channels of the window. */
  public int channels() {
    return channels.length;
  }

  /** Window length in samples. */
  public int length() {
    return window.length();
  }

  /** The analysis of channel {@code c}. */
  public ChannelSignal channel(int c) {
    ChannelSignal s = channels[c];
    if (s == null) {
      s = new ChannelSignal(window.channelView(c), config);
      channels[c] = s;
    }
    return s;
  }

  /**
   * The channel index to write on targets about channel {@code c}: {@link Target#WHOLE_WINDOW}
   * for a univariate window, {@code c} otherwise.
   */
  public int targetChannel(int c) {
    return channels.length == 1 ? Target.WHOLE_WINDOW : c;
  }
}
