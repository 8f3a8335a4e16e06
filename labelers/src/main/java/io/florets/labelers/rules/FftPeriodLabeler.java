package io.florets.labelers.rules;

import io.florets.datasets.target.NumericProperty;
import io.florets.datasets.target.Property;
import io.florets.datasets.target.TargetKind;
import io.florets.labelers.ChannelLabeler;
import io.florets.labelers.signal.ChannelSignal;
import io.florets.labelers.signal.Periodicity;
import java.util.Set;

/**
 * {@code period.fft}: the dominant period from the periodogram of the linearly detrended channel,
 * refined by parabolic interpolation of the peak; abstains unless Fisher's g test rejects white
 * noise at level {@code alpha}. Reuses the window's shared FFT.
 */
public final class FftPeriodLabeler extends ChannelLabeler {

  /**
   * Settings.
   *
   * @param alpha significance level of Fisher's g test; default 0.001
   */
  public record Config(double alpha) {
    public static final Config DEFAULTS = new Config(0.001);

    public Config {
      if (!(alpha > 0 && alpha < 1)) {
        throw new IllegalArgumentException("alpha must be in (0,1), got " + alpha);
      }
    }
  }

  private final Config config;

  public FftPeriodLabeler() {
    this(Config.DEFAULTS);
  }

  public FftPeriodLabeler(Config config) {
    this.config = java.util.Objects.requireNonNull(config, "config");
  }

  @Override
  public String name() {
    return "period.fft";
  }

  @Override
  public String version() {
    return "2";
  }

  @Override
  public Set<TargetKind> kinds() {
    return Set.of(TargetKind.NUMERIC);
  }

  @Override
  public Set<Property> properties() {
    return Set.of(Property.PERIOD);
  }

  @Override
  protected void labelChannel(ChannelSignal s, int ch, Sink sink) {
    Periodicity p = s.periodicity();
    if (p.period() > 0 && p.pValue() < config.alpha()) {
      sink.add(new NumericProperty(Property.PERIOD, p.period(), ch), 1 - p.pValue() / config.alpha() * 0.5);
    }
  }
}
