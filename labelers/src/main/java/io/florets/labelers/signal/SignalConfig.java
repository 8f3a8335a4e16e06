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
 * @param minCycles a period must fit at least this many times in the window; default 3
 * @param minPeriod shortest period considered, in samples; default 3
 * @param minAcf the autocorrelation at the period must reach this to confirm it; default 0.05
 * @param penaltyFactor PELT penalty per straight-line piece in units of sigma^2 ln n (BIC-style,
 *     a little above the 3 parameters of a piece); default 4
 * @param minSegment shortest PELT piece in samples; default 8
 * @param shiftSigmas a jump between pieces above this many local sigmas is a level shift; default 4
 * @param localHalfWidth half-width of the window of the local noise sigma; default 16
 * @param peltBlock PELT searches block means of this many samples, then refines each change point
 *     at full resolution (1 = exact PELT on the samples); default 4
 */
public record SignalConfig(double scaleFloor, int hampelHalfWidth, double despikeThreshold,
    double periodAlpha, int minCycles, int minPeriod, double minAcf, double penaltyFactor,
    int minSegment, double shiftSigmas, int localHalfWidth, int peltBlock) {

  /** The documented defaults. */
  public static final SignalConfig DEFAULTS =
      new SignalConfig(0.01, 3, 4.0, 0.01, 3, 3, 0.05, 4, 8, 4, 16, 4);

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
    if (!(penaltyFactor > 0) || minSegment < 3 || !(shiftSigmas > 0) || localHalfWidth < 2 || peltBlock < 1) {
      throw new IllegalArgumentException("PELT settings need penaltyFactor > 0, minSegment >= 3, "
          + "shiftSigmas > 0; got " + penaltyFactor + ", " + minSegment + ", " + shiftSigmas);
    }
    if (!(minAcf >= 0 && minAcf < 1)) {
      throw new IllegalArgumentException("minAcf must be in [0,1), got " + minAcf);
    }
  }
}
