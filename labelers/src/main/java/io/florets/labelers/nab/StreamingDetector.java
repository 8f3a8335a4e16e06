package io.florets.labelers.nab;

/**
 * A causal anomaly detector: a {@link Session} sees one value at a time and answers with an anomaly
 * score in {@code [0, 1]} for that value before it sees the next, so a decision at time {@code t}
 * depends on samples up to {@code t} only.
 *
 * <p>Implementations are immutable and thread-safe; each session holds the state of one stream and is
 * not thread-safe.
 */
public interface StreamingDetector {

  /** A short name, used for NAB's results folder and file names (e.g. {@code florets}). */
  String name();

  /**
   * The detector's settings, for reports: a record whose components are the setting names, so that
   * Jackson writes it as a JSON object.
   */
  Record settings();

  /** Starts a fresh stream. */
  Session start();

  /** Runs a fresh session over {@code values} and returns one score per value. */
  default double[] scoreAll(double[] values) {
    Session s = start();
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = s.update(values[i]);
    }
    return out;
  }

  /** The state of one stream. */
  interface Session {
    /**
     * Consumes the next value and returns its anomaly score in {@code [0, 1]}.
     *
     * @throws IllegalArgumentException if the value is not finite
     */
    double update(double value);
  }
}
