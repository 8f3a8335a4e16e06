package io.florets.labelers.rules;

import io.florets.datasets.target.NumericProperty;
import io.florets.datasets.target.Property;
import io.florets.datasets.target.TargetKind;
import io.florets.labelers.ChannelLabeler;
import io.florets.labelers.signal.ChannelSignal;
import io.florets.labelers.signal.Robust;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code stats.basic}: exact summary statistics of each channel in its own units (mean, std, min,
 * max, median, range, OLS slope per sample, lag-1 autocorrelation, missing fraction) and two
 * estimates: the noise std is the smaller of the difference MAD of the samples and of the samples less
 * their seasonal component; the signal-to-noise ratio is the std of the signal without spikes and
 * level shifts (the level-adjusted series plus its seasonal component, noise removed) over the
 * noise's root mean square ({@link io.florets.labelers.signal.ChannelSignal#noiseRms()}). O(n log n) (the median).
 */
public final class StatsLabeler extends ChannelLabeler {

  /**
   * Settings.
   *
   * @param estimateConfidence confidence given to the noise and SNR estimates (exact statistics
   *     get 1); default 0.7
   */
  public record Config(double estimateConfidence) {
    public static final Config DEFAULTS = new Config(0.7);

    public Config {
      if (!(estimateConfidence >= 0 && estimateConfidence <= 1)) {
        throw new IllegalArgumentException("estimateConfidence must be in [0,1], got " + estimateConfidence);
      }
    }
  }

  private static final Set<Property> PROPS = EnumSet.of(Property.MEAN, Property.STD, Property.MIN,
      Property.MAX, Property.MEDIAN, Property.RANGE, Property.SLOPE, Property.LAG1_AUTOCORRELATION,
      Property.MISSING_FRACTION, Property.NOISE_STD, Property.SNR);

  private final Config config;

  /** With {@link Config#DEFAULTS}. */
  public StatsLabeler() {
    this(Config.DEFAULTS);
  }

  public StatsLabeler(Config config) {
    this.config = java.util.Objects.requireNonNull(config, "config");
  }

  @Override
  public String name() {
    return "stats.basic";
  }

  @Override
  public String version() {
    return "5";
  }

  @Override
  public Set<TargetKind> kinds() {
    return Set.of(TargetKind.NUMERIC);
  }

  @Override
  public Set<Property> properties() {
    return PROPS;
  }

  @Override
  protected boolean needsUsableChannel() {
    return false;
  }

  @Override
  protected void labelChannel(ChannelSignal s, int ch, Sink sink) {
    int n = s.length();
    sink.add(new NumericProperty(Property.MISSING_FRACTION, (double) (n - s.validCount()) / n, ch), 1);
    if (s.validCount() == 0) {
      return;
    }
    sink.add(new NumericProperty(Property.MEAN, s.mean(), ch), 1);
    sink.add(new NumericProperty(Property.STD, s.std(), ch), 1);
    sink.add(new NumericProperty(Property.MIN, s.min(), ch), 1);
    sink.add(new NumericProperty(Property.MAX, s.max(), ch), 1);
    sink.add(new NumericProperty(Property.MEDIAN, s.median(), ch), 1);
    sink.add(new NumericProperty(Property.RANGE, s.max() - s.min(), ch), 1);
    if (s.validCount() < 2) {
      return;
    }
    sink.add(new NumericProperty(Property.SLOPE, s.slope(), ch), 1);
    if (!s.usable()) {
      return;
    }
    float[] raw = s.raw();
    double m = s.mean();
    double num = 0;
    double den = 0;
    for (int i = 0; i < n; i++) {
      float v = raw[i];
      if (v == v) {
        den += (v - m) * (v - m);
        if (i + 1 < n && raw[i + 1] == raw[i + 1]) {
          num += (v - m) * (raw[i + 1] - m);
        }
      }
    }
    if (den > 0) {
      sink.add(new NumericProperty(Property.LAG1_AUTOCORRELATION, Math.max(-1, Math.min(1, num / den)), ch), 1);
    }
    double noise = s.noiseSigma();
    if (noise > 0) {
      sink.add(new NumericProperty(Property.NOISE_STD, Math.min(noise, s.residualSigma()), ch),
          config.estimateConfidence());
      double[] adj = s.levelAdjusted();
      double[] seas = s.decomposition().seasonal();
      double[] clean = new double[n];
      for (int i = 0; i < n; i++) {
        clean[i] = adj[i] + seas[i];
      }
      // the noise's root mean square, not the median-based sigma: the truth is a ratio of standard
      // deviations, and a median-based sigma falls short of it where the noise level varies
      double eventFreeNoise = s.noiseRms();
      if (eventFreeNoise > 0) {
        double signal = Math.sqrt(Math.max(0, Robust.variance(clean) - eventFreeNoise * eventFreeNoise));
        sink.add(new NumericProperty(Property.SNR, signal / eventFreeNoise, ch), config.estimateConfidence());
      }
    }
  }
}
