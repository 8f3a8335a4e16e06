package io.florets.labelers.rules;

import io.florets.datasets.target.Event;
import io.florets.datasets.target.EventType;
import io.florets.datasets.target.TargetKind;
import io.florets.labelers.ChannelLabeler;
import io.florets.labelers.signal.ChannelSignal;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code events.quality}: data-quality events found by scanning runs, O(n).
 *
 * <ul>
 *   <li>missing_run: every run of missing samples of at least {@code minMissingRun};</li>
 *   <li>dropout: a run of exact zeros while the channel's typical level (its median) lies more than
 *       {@code dropoutSigmas} robust sigmas away from zero;</li>
 *   <li>clipping: two or more runs of at least {@code minClipRun} samples pinned at exactly the
 *       channel's maximum (or minimum);</li>
 *   <li>flatline: any other run of at least {@code minFlatRun} identical values.</li>
 * </ul>
 */
public final class QualityEventLabeler extends ChannelLabeler {

  /**
   * Settings.
   *
   * @param minMissingRun shortest missing run reported; default 1
   * @param minFlatRun shortest run of equal values reported as a flatline; default 5
   * @param minClipRun shortest run at the extreme counted towards clipping; default 2
   * @param dropoutSigmas zero must be this many robust sigmas from the median to be a dropout; 5
   */
  public record Config(int minMissingRun, int minFlatRun, int minClipRun, double dropoutSigmas) {
    public static final Config DEFAULTS = new Config(1, 5, 2, 5);

    public Config {
      if (minMissingRun < 1 || minFlatRun < 2 || minClipRun < 1 || !(dropoutSigmas > 0)) {
        throw new IllegalArgumentException("inconsistent events.quality config: " + this);
      }
    }
  }

  private final Config config;

  public QualityEventLabeler() {
    this(Config.DEFAULTS);
  }

  public QualityEventLabeler(Config config) {
    this.config = java.util.Objects.requireNonNull(config, "config");
  }

  @Override
  public String name() {
    return "events.quality";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public Set<TargetKind> kinds() {
    return Set.of(TargetKind.EVENT);
  }

  @Override
  public Set<EventType> eventTypes() {
    return EnumSet.of(EventType.MISSING_RUN, EventType.DROPOUT, EventType.CLIPPING, EventType.FLATLINE);
  }

  @Override
  protected boolean needsUsableChannel() {
    return false;
  }

  @Override
  protected void labelChannel(ChannelSignal s, int ch, Sink sink) {
    float[] x = s.raw();
    int n = x.length;
    for (int i = 0; i < n;) {
      if (x[i] != x[i]) {
        int j = i;
        while (j + 1 < n && x[j + 1] != x[j + 1]) {
          j++;
        }
        if (j - i + 1 >= config.minMissingRun()) {
          sink.add(new Event(EventType.MISSING_RUN, i, j, ch), 1);
        }
        i = j + 1;
      } else {
        i++;
      }
    }
    if (s.validCount() == 0) {
      return;
    }
    double median = s.median();
    double sigma = Math.max(s.scale(), 1.4826 * s.mad());
    boolean zeroIsOdd = sigma > 0 ? Math.abs(median) > config.dropoutSigmas() * sigma : median != 0;
    double hi = s.max();
    double lo = s.min();
    int runsAtMax = 0;
    int runsAtMin = 0;
    if (hi > lo) {
      for (int i = 0; i < n;) {
        int j = runEnd(x, i);
        if (j - i + 1 >= config.minClipRun() && x[i] == x[i]) {
          if (x[i] == hi) {
            runsAtMax++;
          } else if (x[i] == lo) {
            runsAtMin++;
          }
        }
        i = j + 1;
      }
    }
    for (int i = 0; i < n;) {
      int j = runEnd(x, i);
      float v = x[i];
      int len = j - i + 1;
      if (v == v) {
        if (v == 0 && zeroIsOdd) {
          sink.add(new Event(EventType.DROPOUT, i, j, ch), Math.min(1, 0.6 + 0.1 * len));
        } else if (len >= config.minClipRun() && ((v == hi && runsAtMax >= 2) || (v == lo && runsAtMin >= 2))) {
          sink.add(new Event(EventType.CLIPPING, i, j, ch), 0.8);
        } else if (len >= config.minFlatRun()) {
          sink.add(new Event(EventType.FLATLINE, i, j, ch), Math.min(1, 0.5 + 0.05 * len));
        }
      }
      i = j + 1;
    }
  }

  /** Last index of the run of identical values (missing samples form their own runs) from i. */
  private static int runEnd(float[] x, int i) {
    int j = i;
    float v = x[i];
    if (v != v) {
      while (j + 1 < x.length && x[j + 1] != x[j + 1]) {
        j++;
      }
      return j;
    }
    while (j + 1 < x.length && x[j + 1] == v) {
      j++;
    }
    return j;
  }
}
