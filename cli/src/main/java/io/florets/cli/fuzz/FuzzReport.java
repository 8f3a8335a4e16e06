package io.florets.cli.fuzz;

import java.util.List;

/**
 * What one fuzz run of one target found.
 *
 * @param target the target's name
 * @param seed the random seed of the run
 * @param executions inputs executed (seeds included)
 * @param crashes inputs that ended in an exception other than the target's own clear one
 * @param hangs inputs that ran longer than the per-input limit
 * @param seconds wall time of the run
 * @param corpusSize seeds plus the inputs kept because they reached a new outcome
 * @param outcomes distinct outcomes seen (accepted, or an error message with its numbers and
 *     quoted parts left out): a rough measure of how much of the reader was reached
 * @param findings one entry per distinct crash or hang
 */
public record FuzzReport(String target, long seed, long executions, long crashes, long hangs,
    double seconds, int corpusSize, int outcomes, List<Finding> findings) {

  /**
   * One distinct crash or hang.
   *
   * @param kind {@code crash} or {@code hang}
   * @param signature exception type, the reason it is a crash and the first Florets stack frame
   * @param exception the exception as {@code Type: message} (first 500 characters), or the limit
   *     for a hang
   * @param count inputs that ended this way
   * @param input where the (minimised) input was saved, or null if it could not be saved
   */
  public record Finding(String kind, String signature, String exception, long count, String input) {
  }
}
