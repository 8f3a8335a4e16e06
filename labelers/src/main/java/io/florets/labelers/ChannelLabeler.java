package io.florets.labelers;

import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.Target;
import io.florets.labelers.signal.ChannelSignal;
import io.florets.labelers.signal.WindowAnalysis;
import java.util.ArrayList;
import java.util.List;

/**
 * A labeler that labels each channel on its own (multivariate windows get one set of targets per
 * channel, with the channel index on each target). Subclasses implement
 * {@link #labelChannel(ChannelSignal, int, Sink)}; channels that are not
 * {@link ChannelSignal#usable() usable} are skipped unless {@link #needsUsableChannel()} is false.
 */
public abstract class ChannelLabeler implements Labeler {

  /** Collects the annotations of one call, stamping this labeler's name and version. */
  public final class Sink {
    private final List<Annotation> out;

    Sink(List<Annotation> out) {
      this.out = out;
    }

    /** Adds {@code target} with {@code confidence} (clamped to [0, 1]). */
    public void add(Target target, double confidence) {
      double c = confidence >= 1 ? 1 : (confidence > 0 ? confidence : 0);
      out.add(new Annotation(target, name(), version(), c));
    }
  }

  @Override
  public final List<Annotation> label(WindowAnalysis analysis) {
    List<Annotation> out = new ArrayList<>();
    Sink sink = new Sink(out);
    for (int c = 0; c < analysis.channels(); c++) {
      ChannelSignal s = analysis.channel(c);
      if (!needsUsableChannel() || s.usable()) {
        labelChannel(s, analysis.targetChannel(c), sink);
      }
    }
    return out;
  }

  /** Whether channels with too few valid samples or constant values are skipped (default true). */
  protected boolean needsUsableChannel() {
    return true;
  }

  /**
   * Labels one channel.
   *
   * @param s the shared analysis of the channel
   * @param channel the channel index to write on targets
   * @param sink where to put annotations
   */
  protected abstract void labelChannel(ChannelSignal s, int channel, Sink sink);

  @Override
  public String toString() {
    return name() + "@" + version();
  }
}
