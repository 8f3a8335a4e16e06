package io.florets.labelers.specialist;

import io.florets.datasets.target.Event;
import io.florets.datasets.target.EventType;
import io.florets.datasets.target.TargetKind;
import io.florets.labelers.ChannelLabeler;
import io.florets.labelers.signal.ChannelSignal;
import io.florets.labelers.signal.Robust;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code discord.mp}: the top-k discords of the matrix profile (z-normalised Euclidean distance of
 * each subsequence of length m to its nearest non-trivial neighbour, exclusion zone
 * {@code ceil(m/4)}), reported as {@code anomaly} events when their distance exceeds
 * {@code minRatio} times the median of the profile. O(n^2) time (sliding dot products), so it is
 * not part of the default suite; enable it for short windows.
 */
public final class DiscordLabeler extends ChannelLabeler {

  /**
   * Settings.
   *
   * @param m subsequence length, samples; 0 = {@code max(8, n/16)}; default 0
   * @param topK most discords reported per channel; default 1
   * @param minRatio a discord's distance must exceed this multiple of the median profile; 2
   */
  public record Config(int m, int topK, double minRatio) {
    public static final Config DEFAULTS = new Config(0, 1, 2.0);

    public Config {
      if (m < 0 || m == 1 || m == 2 || topK < 1 || !(minRatio > 1)) {
        throw new IllegalArgumentException("inconsistent discord.mp config: " + this);
      }
    }
  }

  private final Config config;

  public DiscordLabeler() {
    this(Config.DEFAULTS);
  }

  public DiscordLabeler(Config config) {
    this.config = java.util.Objects.requireNonNull(config, "config");
  }

  @Override
  public String name() {
    return "discord.mp";
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
    return EnumSet.of(EventType.ANOMALY);
  }

  @Override
  protected void labelChannel(ChannelSignal s, int ch, Sink sink) {
    double[] x = s.filled();
    int n = x.length;
    int m = config.m() > 0 ? config.m() : Math.max(8, n / 16);
    int k = n - m + 1;
    if (k < 2 * m + 2) {
      return;
    }
    double[] profile = MatrixProfile.selfJoin(x, m);
    double[] sorted = profile.clone();
    double med = Robust.medianInPlace(sorted, sorted.length);
    int excl = (int) Math.ceil(m / 4.0);
    boolean[] taken = new boolean[k];
    for (int r = 0; r < config.topK(); r++) {
      int best = -1;
      for (int i = 0; i < k; i++) {
        if (!taken[i] && Double.isFinite(profile[i]) && (best < 0 || profile[i] > profile[best])) {
          best = i;
        }
      }
      if (best < 0 || !(profile[best] > config.minRatio() * med)) {
        return;
      }
      double ratio = med > 0 ? profile[best] / med : config.minRatio() * 2;
      sink.add(new Event(EventType.ANOMALY, best, best + m - 1, ch),
          Math.min(1, 0.5 + 0.5 * (ratio - config.minRatio()) / config.minRatio()));
      for (int i = Math.max(0, best - m - excl); i < Math.min(k, best + m + excl); i++) {
        taken[i] = true;
      }
    }
  }
}
