package io.florets.labelers.signal;

/**
 * Settings of the shared per-window analysis ({@link ChannelSignal}).
 *
 * @param scaleFloor the robust scale is at least this fraction of the std (guards piecewise-constant
 *     data whose difference MAD is zero); default 0.01
 * @param hampelHalfWidth half-width in samples of the running median used for despiking; default 3
 * @param despikeThreshold a sample further than this many robust sigmas from the running median is
 *     replaced when despiking; default 4
 * @param periodAlpha significance level of Fisher's g test for the dominant period; default 0.01
 * @param minCycles a period must fit at least this many times in the window; default 2
 * @param minPeriod shortest period considered, in samples; default 3
 * @param minAcf the autocorrelation at the period must reach this to confirm it; default 0.2
 */
public record SignalConfig(double scaleFloor, int hampelHalfWidth, double despikeThreshold,
    double periodAlpha, int minCycles, int minPeriod, double minAcf) {

  /** The documented defaults. */
  public static final SignalConfig DEFAULTS = new SignalConfig(0.01, 3, 4.0, 0.01, 2, 3, 0.2);

  public SignalConfig {
    if (!(scaleFloor >= 0 && scaleFloor < 1)) {
      throw new IllegalArgumentException("scaleFloor must be in [0,1), got " + scaleFloor);
    }
    if (hampelHalfWidth < 1) {
      throw new IllegalArgumentException("hampelHalfWidth must be >= 1, got " + hampelHalfWidth);
    }
    if (!(despikeThreshold > 0)) {
      throw new IllegalArgumentException("despikeThreshold must be > 0, got " + despikeThreshold);
    }
    if (!(periodAlpha > 0 && periodAlpha < 1)) {
      throw new IllegalArgumentException("periodAlpha must be in (0,1), got " + periodAlpha);
    }
    if (minCycles < 2) {
      throw new IllegalArgumentException("minCycles must be >= 2, got " + minCycles);
    }
    if (minPeriod < 2) {
      throw new IllegalArgumentException("minPeriod must be >= 2, got " + minPeriod);
    }
    if (!(minAcf >= 0 && minAcf < 1)) {
      throw new IllegalArgumentException("minAcf must be in [0,1), got " + minAcf);
    }
  }
}
