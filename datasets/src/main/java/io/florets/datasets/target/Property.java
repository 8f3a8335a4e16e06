package io.florets.datasets.target;

import java.util.Arrays;
import java.util.Optional;

/** The closed set of numeric properties, with their token and unit. */
public enum Property {
  MEAN("mean", "value"),
  STD("std", "value"),
  MIN("min", "value"),
  MAX("max", "value"),
  MEDIAN("median", "value"),
  RANGE("range", "value"),
  /** OLS slope, in value units per sample. */
  SLOPE("slope", "value/sample"),
  LAG1_AUTOCORRELATION("lag1_autocorrelation", "1"),
  /** Dominant period, in samples. */
  PERIOD("period", "samples"),
  /** Signal-to-noise ratio estimate (dimensionless, signal std over noise std). */
  SNR("snr", "1"),
  MISSING_FRACTION("missing_fraction", "1"),
  /** Seasonal amplitude (half peak-to-peak of the seasonal component). */
  SEASONAL_AMPLITUDE("seasonal_amplitude", "value"),
  /** Noise standard deviation estimate. */
  NOISE_STD("noise_std", "value");

  private final String token;
  private final String unit;

  Property(String token, String unit) {
    this.token = token;
    this.unit = unit;
  }

  /** The word used in prompts and token sequences, e.g. {@code "mean"}. */
  public String token() {
    return token;
  }

  public String unit() {
    return unit;
  }

  /** The property whose token is {@code token}, if any. */
  public static Optional<Property> fromToken(String token) {
    return Arrays.stream(values()).filter(p -> p.token.equals(token)).findFirst();
  }
}
