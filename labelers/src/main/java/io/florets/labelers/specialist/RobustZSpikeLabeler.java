package io.florets.labelers.specialist;

import io.florets.datasets.target.Event;
import io.florets.datasets.target.EventType;
import io.florets.datasets.target.TargetKind;
import io.florets.labelers.ChannelLabeler;
import io.florets.labelers.signal.ChannelSignal;
import io.florets.labelers.signal.Robust;
import io.florets.labelers.signal.RollingMedian;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code spike.robustz}: the modified z-score of Iglewicz and Hoaglin,
 * {@code 0.6745 (r - median r) / MAD(r)}, with the MAD taken over the {@code 2 halfWidth + 1}
 * samples around each one (so it follows changing noise levels) and floored at the channel's
 * {@link io.florets.labelers.signal.ChannelSignal#spikeScale() spike scale}, on the residual {@code r} of the
 * deseasonalised channel
 * from a wide running median (which keeps level shifts out of the residual); see
 * {@link SpikeRuns} for how scores become spikes, spike runs and wide spikes.
 */
public final class RobustZSpikeLabeler extends ChannelLabeler {

  /**
   * Settings.
   *
   * @param halfWidth half-width of the running median; default 16
   * @param threshold modified z-score threshold; default 5
   * @param edgeThreshold a wide spike extends over neighbours beyond this z; default 1.5
   * @param maxSpikeWidth widest run called a spike; default 2
   * @param maxWideWidth widest run called a wide spike; default 16
   * @param maxRunGap spikes of one sign at most this far apart chain into a spike run; default 6 (twice
   *     the widest spacing of a run, so one member too weak to pass the threshold does not split it)
   * @param minRunCount fewest chained spikes that make a spike run; default 3
   */
  public record Config(int halfWidth, double threshold, double edgeThreshold, int maxSpikeWidth,
      int maxWideWidth, int maxRunGap, int minRunCount) {
    public static final Config DEFAULTS = new Config(16, 5.0, 1.5, 2, 16, 6, 3);

    public Config {
      if (halfWidth < 1 || !(threshold > 0) || !(edgeThreshold > 0) || maxSpikeWidth < 1
          || maxWideWidth < maxSpikeWidth || maxWideWidth > 2 * halfWidth || maxRunGap < 1
          || minRunCount < 2) {
        throw new IllegalArgumentException("inconsistent spike.robustz config: " + this);
      }
    }
  }

  /** Narrowest wide spike in samples. */
  static final int WIDE_MIN_WIDTH = 5;
  /** Least wide-spike peak in noise sigmas. */
  static final double WIDE_MIN_PEAK = 3;

  private final Config config;

  public RobustZSpikeLabeler() {
    this(Config.DEFAULTS);
  }

  public RobustZSpikeLabeler(Config config) {
    this.config = java.util.Objects.requireNonNull(config, "config");
  }

  @Override
  public String name() {
    return "spike.robustz";
  }

  @Override
  public String version() {
    return "5";
  }

  @Override
  public Set<TargetKind> kinds() {
    return Set.of(TargetKind.EVENT);
  }

  @Override
  public Set<EventType> eventTypes() {
    return EnumSet.of(EventType.SPIKE_UP, EventType.SPIKE_DOWN, EventType.SPIKE_RUN, EventType.WIDE_SPIKE);
  }

  @Override
  protected void labelChannel(ChannelSignal s, int ch, Sink sink) {
    double[] y = s.seasonAdjusted();
    int n = y.length;
    double[] med = s.seasonAdjustedMedian(config.halfWidth());
    double[] r = new double[n];
    for (int i = 0; i < n; i++) {
      r[i] = y[i] - med[i];
    }
    double center = Robust.median(r);
    double[] dev = new double[n];
    for (int i = 0; i < n; i++) {
      dev[i] = Math.abs(r[i] - center);
    }
    double[] localMad = RollingMedian.of(dev, config.halfWidth());
    double floorMad = s.spikeScale() / Robust.MAD_TO_SIGMA;
    float[] raw = s.raw();
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      z[i] = raw[i] != raw[i] ? Double.NaN : 0.6745 * (r[i] - center) / Math.max(localMad[i], floorMad);
    }
    double[] wideMed = s.seasonAdjustedMedian(2 * config.maxWideWidth());
    double[] wr = new double[n];
    for (int i = 0; i < n; i++) {
      wr[i] = y[i] - wideMed[i];
    }
    double spread = Math.max(s.scale(), Robust.MAD_TO_SIGMA * Robust.mad(wr, n, Robust.median(wr)));
    double[] local = s.localScale();
    double[] sigma = new double[n];
    for (int i = 0; i < n; i++) {
      sigma[i] = Math.max(spread, local[i]);
    }
    for (int[] b : WideSpikes.find(y, wr, raw, sigma, WIDE_MIN_WIDTH, config.maxWideWidth(), config.threshold(), WIDE_MIN_PEAK)) {
      double bz = b[3] / 1000.0;
      sink.add(new Event(EventType.WIDE_SPIKE, b[0], b[1], ch),
          Math.min(1, 0.5 + 0.5 * (bz - config.threshold()) / config.threshold()));
      for (int t = b[0]; t <= b[1]; t++) {
        z[t] = 0;
      }
    }
    new SpikeRuns(config.threshold(), config.edgeThreshold(), config.maxSpikeWidth(),
        0, config.maxRunGap(), config.minRunCount()).emit(z, ch, sink);
  }
}
