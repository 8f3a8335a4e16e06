package io.florets.datasets.synthetic;

import io.florets.datasets.target.EventType;
import java.util.List;
import java.util.Objects;

/**
 * The exact generating parameters of one channel of a synthetic window. The channel's clean signal
 * is {@code offset + trend(t) + seasonal(t)}; the final signal adds noise and the events (see
 * {@link SyntheticGenerator} for the order).
 *
 * @param trend the trend kind (the trend shape tag)
 * @param trendPieces the linear pieces of the trend component, covering the window in order
 * @param seasonality the seasonal waveform (the seasonality shape tag)
 * @param period seasonal period in samples, or 0 when there is no seasonality
 * @param seasonalAmplitude waveform amplitude parameter a (the wave spans [-a, a]); 0 when none
 * @param phase waveform phase in radians, [0, 2 pi)
 * @param noiseLevel the noise level (the noise shape tag)
 * @param noiseKind Gaussian or irregular
 * @param noiseShare rho = sigma / sqrt(var(trend + seasonal) + sigma^2), see {@link NoiseLevel}
 * @param noiseSigma the noise standard deviation parameter sigma, series units
 * @param offset the channel's level: the mean of offset + trend over the window
 * @param scale the channel's scale A; trend, seasonal and event sizes are multiples of it
 * @param events the injected events and the trend changes, ordered by start
 */
public record ChannelTruth(TrendKind trend, List<TrendPiece> trendPieces,
    SeasonalityKind seasonality, int period, double seasonalAmplitude, double phase,
    NoiseLevel noiseLevel, NoiseKind noiseKind, double noiseShare, double noiseSigma,
    double offset, double scale, List<InjectedEvent> events) {
  /** Validates and copies. */
  public ChannelTruth {
    Objects.requireNonNull(trend, "trend");
    Objects.requireNonNull(seasonality, "seasonality");
    Objects.requireNonNull(noiseLevel, "noiseLevel");
    Objects.requireNonNull(noiseKind, "noiseKind");
    trendPieces = List.copyOf(trendPieces);
    events = List.copyOf(events);
    if ((seasonality == SeasonalityKind.NONE) != (period == 0)) {
      throw new IllegalArgumentException("period " + period + " does not match seasonality " + seasonality);
    }
  }

  /** True if the stationarity tag is non-stationary: a trend, or a level shift. */
  public boolean nonStationary() {
    if (trend != TrendKind.STEADY) {
      return true;
    }
    for (InjectedEvent e : events) {
      EventType t = e.event().type();
      if (t == EventType.LEVEL_SHIFT_UP || t == EventType.LEVEL_SHIFT_DOWN) {
        return true;
      }
    }
    return false;
  }
}
