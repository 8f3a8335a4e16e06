package io.florets.labelers.consensus;

/**
 * Settings of {@link Consensus}.
 *
 * @param toleranceFraction events and boundaries match when their starts and their ends differ by
 *     at most {@code max(minTolerance, floor(toleranceFraction * length))} samples; default 0.01
 * @param minTolerance see toleranceFraction; default 2
 * @param minSupport an event is kept when at least {@code min(minSupport, capable)} labelers
 *     report it, where capable counts the labelers of the suite that can report its type; default 2
 * @param soloConfidence ... or when one report alone is at least this confident; default 0.9
 * @param maxRelativeSpread a numeric property whose values spread (max - min) by more than this
 *     fraction of their median's magnitude is dropped (two values) or kept with a reduced
 *     confidence (three or more); default 0.25
 * @param minTagPosterior a shape tag is kept when the label model's posterior reaches this; 0.5
 * @param emIterations EM iterations of the label model; default 30
 * @param smoothing pseudo-count of the label model; default 1
 * @param reliabilityWindows synthetic windows (seed 4242, 256 samples) on which the suite's shape
 *     tags are scored against the generator's truth, once per suite and JVM; their confusion counts
 *     are the label model's prior (0 = none: plain Dawid&ndash;Skene); default 2000
 *
 * <p>Serializable, so that a fitted {@link Consensus} can be shipped to other JVMs (e.g. Spark
 * executors) with {@link Consensus#of}.
 */
public record ConsensusConfig(double toleranceFraction, int minTolerance, int minSupport,
    double soloConfidence, double maxRelativeSpread, double minTagPosterior, int emIterations,
    double smoothing, int reliabilityWindows) implements java.io.Serializable {

  private static final long serialVersionUID = 2L;

  /** The documented defaults. */
  public static final ConsensusConfig DEFAULTS = new ConsensusConfig(0.01, 2, 2, 0.9, 0.25, 0.5, 30, 1, 2000);

  public ConsensusConfig {
    if (!(toleranceFraction >= 0 && toleranceFraction < 1) || minTolerance < 0 || minSupport < 1
        || !(soloConfidence >= 0 && soloConfidence <= 1) || !(maxRelativeSpread >= 0)
        || !(minTagPosterior >= 0 && minTagPosterior <= 1) || emIterations < 1 || !(smoothing > 0)
        || reliabilityWindows < 0) {
      throw new IllegalArgumentException("inconsistent consensus config: " + this);
    }
  }

  /** The matching tolerance in samples for a window of {@code length} samples. */
  public int tolerance(int length) {
    return Math.max(minTolerance, (int) Math.floor(toleranceFraction * length));
  }
}
