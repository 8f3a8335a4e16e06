package io.florets.prompt.readout;

import io.florets.datasets.target.Property;
import java.util.Objects;

/**
 * A numeric property value: the answer of {@code <PROPERTY>name}, and the items of
 * {@link NumericProperties}.
 *
 * @param property which property
 * @param value finite value in the series' units (see {@link Property#unit()})
 * @param channel channel index or -1 for the whole window
 * @param confidence in [0, 1]
 */
public record Numeric(Property property, double value, int channel, double confidence) implements Readout {
  /** Validates. */
  public Numeric {
    Objects.requireNonNull(property, "property");
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("numeric " + property.token() + " must be finite, got " + value);
    }
    Readout.checkChannel(channel, "numeric " + property.token());
    Readout.checkConfidence(confidence, "numeric " + property.token());
  }

  @Override
  public String kind() {
    return "numeric";
  }
}
