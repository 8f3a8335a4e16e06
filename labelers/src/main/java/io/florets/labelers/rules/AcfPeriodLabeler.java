package io.florets.labelers.rules;

import io.florets.datasets.target.NumericProperty;
import io.florets.datasets.target.Property;
import io.florets.datasets.target.TargetKind;
import io.florets.labelers.ChannelLabeler;
import io.florets.labelers.signal.ChannelSignal;
import io.florets.labelers.signal.Periodicity;
import java.util.Set;

/**
 * {@code period.acf}: the dominant period as the highest autocorrelation peak after the first zero
 * crossing (lags {@code minPeriod .. n/minCycles}; the first peak within 80% of the highest), refined by parabolic interpolation; abstains if
 * the peak is below {@code minAcf}. Reuses the window's shared FFT-based ACF.
 */
public final class AcfPeriodLabeler extends ChannelLabeler {

  /**
   * Settings.
   *
   * @param minAcf smallest autocorrelation accepted at the peak; default 0.3
   * @param minPeriod shortest period, samples; default 3
   * @param minCycles the period must fit at least this many times; default 3
   */
  public record Config(double minAcf, int minPeriod, int minCycles) {
    public static final Config DEFAULTS = new Config(0.3, 3, 3);

    public Config {
      if (!(minAcf > 0 && minAcf < 1)) {
        throw new IllegalArgumentException("minAcf must be in (0,1), got " + minAcf);
      }
      if (minPeriod < 2 || minCycles < 2) {
        throw new IllegalArgumentException("minPeriod and minCycles must be >= 2, got "
            + minPeriod + ", " + minCycles);
      }
    }
  }

  private final Config config;

  public AcfPeriodLabeler() {
    this(Config.DEFAULTS);
  }

  public AcfPeriodLabeler(Config config) {
    this.config = java.util.Objects.requireNonNull(config, "config");
  }

  @Override
  public String name() {
    return "period.acf";
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
    double[] acf = s.acf();
    int n = s.length();
    double lag = Periodicity.acfPeak(acf, config.minPeriod(), n / config.minCycles());
    if (lag <= 0) {
      return;
    }
    double r = acf[(int) Math.round(lag)];
    if (r >= config.minAcf()) {
      sink.add(new NumericProperty(Property.PERIOD, lag, ch), r);
    }
  }
}
