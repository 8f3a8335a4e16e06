package io.florets.prompt.card;

import java.util.Objects;

/**
 * How and when a model card's figures were measured, so that anyone can measure them again and
 * judge them: figures measured on a busy machine took longer, and a calibration changes answers.
 *
 * @param command the command line that measured them (e.g. {@code florets card --model DIR
 *     --windows 1000 --seed 4242})
 * @param data the windows' generator settings (e.g. {@code synthetic generator v1
 *     SyntheticConfig[...]})
 * @param windows windows scored, at least 1
 * @param seed the generator seed of those windows
 * @param eventTolerance the event matching tolerance in samples
 * @param date when the measurement ended, ISO-8601 UTC (e.g. {@code 2026-12-02T18:40:12Z})
 * @param seconds wall-clock seconds of the measurement, at least 0
 * @param loadAverage mean of the machine's one-minute load average sampled during the measurement,
 *     or {@code null} where the platform does not report one
 * @param loadAverageMax the largest sample, or {@code null}
 * @param calibration the confidence calibration the answers went through (its source), or
 *     {@code "none"}
 */
public record CardMeasurement(String command, String data, int windows, long seed,
    int eventTolerance, String date, double seconds, Double loadAverage, Double loadAverageMax,
    String calibration) {
  /**
   * Checks.
   *
   * @throws IllegalArgumentException for fewer than 1 window, a negative tolerance, negative or
   *     NaN seconds or load average
   */
  public CardMeasurement {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(calibration, "calibration");
    if (windows < 1) {
      throw new IllegalArgumentException("a measurement needs at least 1 window, got " + windows);
    }
    if (eventTolerance < 0) {
      throw new IllegalArgumentException("event tolerance must be >= 0 samples, got "
          + eventTolerance);
    }
    if (!(seconds >= 0)) {
      throw new IllegalArgumentException("seconds must be >= 0, got " + seconds);
    }
    checkLoad("loadAverage", loadAverage);
    checkLoad("loadAverageMax", loadAverageMax);
  }

  private static void checkLoad(String name, Double v) {
    if (v != null && !(v >= 0)) {
      throw new IllegalArgumentException(name + " must be >= 0 or absent, got " + v);
    }
  }
}
