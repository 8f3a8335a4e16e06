package io.florets.labelers.specialist;

import io.florets.datasets.target.Event;
import io.florets.datasets.target.EventType;
import io.florets.datasets.target.TargetKind;
import io.florets.labelers.ChannelLabeler;
import io.florets.labelers.signal.Bumps;
import io.florets.labelers.signal.ChannelSignal;
import io.florets.labelers.signal.LinePrefix;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code shift.jump}: level shifts as jumps between two local straight-line fits. At each position
 * t, lines fitted to the {@code w} samples before and after t are extrapolated to the boundary;
 * their difference, divided by its standard error under white noise
 * ({@code sigma sqrt(2 (1/w + 3w/(w^2-1)))}, sigma the local noise sigma), is a z statistic that a trend or a trend change does
 * not move. Local maxima of |z| above {@code zThreshold} (one per {@code w} samples) whose jump also
 * exceeds {@code minJumpSigmas} sigma are reported. Sigma is the larger of the local noise sigma and
 * the residual spread about the two lines, so a stretch the lines do not fit (say, what a seasonal
 * estimate leaves behind) does not pass for a jump. Runs on the despiked, deseasonalised channel;
 * O(n) through prefix sums.
 */
public final class JumpShiftLabeler extends ChannelLabeler {

  /**
   * Settings.
   *
   * @param halfWindow w, samples on each side; default 10
   * @param zThreshold z above which a jump is reported; default 4
   * @param minJumpSigmas the jump must also exceed this many noise sigmas; default 3
   * @param maxBumpWidth opposite jumps closer than this are a bump, not shifts; default 20
   */
  public record Config(int halfWindow, double zThreshold, double minJumpSigmas, int maxBumpWidth) {
    public static final Config DEFAULTS = new Config(10, 4, 3, 20);

    public Config {
      if (halfWindow < 3 || !(zThreshold > 0) || !(minJumpSigmas >= 0) || maxBumpWidth < 0) {
        throw new IllegalArgumentException("inconsistent shift.jump config: " + this);
      }
    }
  }

  private final Config config;

  public JumpShiftLabeler() {
    this(Config.DEFAULTS);
  }

  public JumpShiftLabeler(Config config) {
    this.config = java.util.Objects.requireNonNull(config, "config");
  }

  @Override
  public String name() {
    return "shift.jump";
  }

  @Override
  public String version() {
    return "4";
  }

  @Override
  public Set<TargetKind> kinds() {
    return Set.of(TargetKind.EVENT);
  }

  @Override
  public Set<EventType> eventTypes() {
    return EnumSet.of(EventType.LEVEL_SHIFT_UP, EventType.LEVEL_SHIFT_DOWN);
  }

  @Override
  protected void labelChannel(ChannelSignal s, int ch, Sink sink) {
    double[] y = s.deseasonalized();
    int n = y.length;
    int w = Math.min(config.halfWindow(), n / 4);
    if (w < 3) {
      return;
    }
    LinePrefix lp = s.deseasonalizedLines();
    double[] local = s.localScale();
    double seUnit = Math.sqrt(2 * (1.0 / w + 3.0 * w / ((double) w * w - 1)));
    double[] z = new double[n];
    double[] jump = new double[n];
    double[] scale = new double[n];
    for (int t = w; t <= n - w; t++) {
      double left = lp.lineAt(t - w, t, t - 0.5);
      double right = lp.lineAt(t, t + w, t - 0.5);
      jump[t] = right - left;
      scale[t] = Math.max(local[t], Math.sqrt((lp.rssLine(t - w, t) + lp.rssLine(t, t + w)) / (2.0 * (w - 2))));
      z[t] = jump[t] / (seUnit * scale[t]);
    }
    List<Integer> found = new ArrayList<>();
    for (int t = w; t <= n - w; t++) {
      double a = Math.abs(z[t]);
      if (a <= config.zThreshold() || Math.abs(jump[t]) <= config.minJumpSigmas() * scale[t]) {
        continue;
      }
      boolean isMax = true;
      for (int u = Math.max(w, t - w + 1); u <= Math.min(n - w, t + w - 1) && isMax; u++) {
        double b = Math.abs(z[u]);
        if (b > a || (b == a && u < t)) {
          isMax = false;
        }
      }
      if (isMax) {
        found.add(t);
      }
    }
    int[] pos = new int[found.size()];
    double[] jumps = new double[pos.length];
    for (int k = 0; k < pos.length; k++) {
      pos[k] = found.get(k);
      jumps[k] = jump[pos[k]];
    }
    boolean[] keep = Bumps.keepShifts(pos, jumps, config.maxBumpWidth());
    for (int k = 0; k < pos.length; k++) {
      if (keep[k]) {
        int t = pos[k];
        double a = Math.abs(z[t]);
        double conf = Math.min(1, 0.5 + 0.5 * (a - config.zThreshold()) / config.zThreshold());
        sink.add(new Event(jump[t] > 0 ? EventType.LEVEL_SHIFT_UP : EventType.LEVEL_SHIFT_DOWN, t, t, ch), conf);
      }
    }
  }
}
