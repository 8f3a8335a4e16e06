package io.florets.labelers.specialist;

import io.florets.datasets.target.EventType;
import io.florets.datasets.target.TargetKind;
import io.florets.labelers.ChannelLabeler;
import io.florets.labelers.signal.ChannelSignal;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code spike.hampel}: the Hampel filter on the deseasonalised channel. A sample is an outlier when it lies more than
 * {@code threshold} robust sigmas from the running median of its {@code 2h+1} neighbours, the sigma
 * being the larger of the local {@code 1.4826 * MAD} and the channel's {@link io.florets.labelers.signal.ChannelSignal#spikeScale() spike scale}.
 * Runs of outliers become spike events ({@link SpikeRuns}). O(n h^2).
 */
public final class HampelSpikeLabeler extends ChannelLabeler {

  /**
   * Settings.
   *
   * @param halfWidth h, half-width of the running window in samples; default 8, so that the window
   *     stays mostly clean around a run of several spikes a few samples apart
   * @param threshold outlier threshold in robust sigmas; default 4
   * @param maxSpikeWidth widest outlier run called a spike; default 2
   * @param maxRunGap spikes of one sign at most this far apart chain into a spike run; default 6 (twice
   *     the widest spacing of a run, so one member too weak to pass the threshold does not split it)
   * @param minRunCount fewest chained spikes that make a spike run; default 3
   */
  public record Config(int halfWidth, double threshold, int maxSpikeWidth, int maxRunGap,
      int minRunCount) {
    public static final Config DEFAULTS = new Config(8, 4.0, 2, 6, 3);

    public Config {
      if (halfWidth < 1 || !(threshold > 0) || maxSpikeWidth < 1 || maxSpikeWidth > halfWidth
          || maxRunGap < 1 || minRunCount < 2) {
        throw new IllegalArgumentException("inconsistent spike.hampel config: " + this);
      }
    }
  }

  private final Config config;

  public HampelSpikeLabeler() {
    this(Config.DEFAULTS);
  }

  public HampelSpikeLabeler(Config config) {
    this.config = java.util.Objects.requireNonNull(config, "config");
  }

  @Override
  public String name() {
    return "spike.hampel";
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
    return EnumSet.of(EventType.SPIKE_UP, EventType.SPIKE_DOWN, EventType.SPIKE_RUN);
  }

  @Override
  protected void labelChannel(ChannelSignal s, int ch, Sink sink) {
    double[] x = s.seasonAdjusted();
    int n = x.length;
    int h = config.halfWidth();
    double[] med = s.seasonAdjustedMedian(h);
    double floor = s.spikeScale();
    float[] raw = s.raw();
    double[] z = new double[n];
    double[] buf = new double[2 * h + 1];
    for (int i = 0; i < n; i++) {
      if (raw[i] != raw[i]) {
        z[i] = Double.NaN;
        continue;
      }
      double dev = x[i] - med[i];
      if (Math.abs(dev) <= config.threshold() * floor) {
        continue;
      }
      int lo = Math.max(0, i - h);
      int hi = Math.min(n - 1, i + h);
      int m = 0;
      for (int j = lo; j <= hi; j++) {
        double v = Math.abs(x[j] - med[i]);
        int k = m++;
        while (k > 0 && buf[k - 1] > v) {
          buf[k] = buf[k - 1];
          k--;
        }
        buf[k] = v;
      }
      double mad = (m & 1) == 1 ? buf[m >>> 1] : 0.5 * (buf[(m >>> 1) - 1] + buf[m >>> 1]);
      double sigma = Math.max(floor, 1.4826 * mad);
      z[i] = dev / sigma;
    }
    new SpikeRuns(config.threshold(), config.threshold(), config.maxSpikeWidth(), 0,
        config.maxRunGap(), config.minRunCount()).emit(z, ch, sink);
  }
}
