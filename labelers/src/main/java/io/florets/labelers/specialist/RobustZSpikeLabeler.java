package io.florets.labelers.specialist;

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
 * {@code 0.6745 (r - median r) / MAD(r)}, on the residual {@code r} of the deseasonalised channel
 * from a wide running median (which keeps level shifts out of the residual). Runs of up to
 * {@code maxSpikeWidth} samples are spikes, wider runs up to {@code maxWideWidth} are wide spikes.
 */
public final class RobustZSpikeLabeler extends ChannelLabeler {

  /**
   * Settings.
   *
   * @param halfWidth half-width of the running median; default 7
   * @param threshold modified z-score threshold; default 5
   * @param maxSpikeWidth widest run called a spike; default 2
   * @param maxWideWidth widest run called a wide spike; default 6
   */
  public record Config(int halfWidth, double threshold, int maxSpikeWidth, int maxWideWidth) {
    public static final Config DEFAULTS = new Config(7, 5.0, 2, 6);

    public Config {
      if (halfWidth < 1 || !(threshold > 0) || maxSpikeWidth < 1 || maxWideWidth < maxSpikeWidth
          || maxWideWidth > halfWidth) {
        throw new IllegalArgumentException("inconsistent spike.robustz config: " + this);
      }
    }
  }

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
    return "1";
  }

  @Override
  public Set<TargetKind> kinds() {
    return Set.of(TargetKind.EVENT);
  }

  @Override
  public Set<EventType> eventTypes() {
    return EnumSet.of(EventType.SPIKE_UP, EventType.SPIKE_DOWN, EventType.WIDE_SPIKE);
  }

  @Override
  protected void labelChannel(ChannelSignal s, int ch, Sink sink) {
    double[] x = s.filled();
    double[] seas = s.decomposition().seasonal();
    int n = x.length;
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = x[i] - seas[i];
    }
    double[] med = RollingMedian.of(y, config.halfWidth());
    double[] r = new double[n];
    for (int i = 0; i < n; i++) {
      r[i] = y[i] - med[i];
    }
    double center = Robust.median(r);
    double mad = Robust.mad(r, n, center);
    double floorMad = s.scale() / Robust.MAD_TO_SIGMA;
    mad = Math.max(mad, floorMad);
    float[] raw = s.raw();
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      z[i] = raw[i] != raw[i] ? Double.NaN : 0.6745 * (r[i] - center) / mad;
    }
    SpikeRuns.emit(z, config.threshold(), config.maxSpikeWidth(), config.maxWideWidth(), ch, sink);
  }
}
