package io.florets.datasets.target;

/**
 * A numeric property of the window (or of one channel) in the series' own units.
 *
 * @param property which property
 * @param value a finite value in the series' units (or per sample for slope, samples for period)
 * @param channel channel index or {@link Target#WHOLE_WINDOW}
 */
public record NumericProperty(Property property, double value, int channel) implements Target {
  public NumericProperty {
    java.util.Objects.requireNonNull(property, "property");
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("property " + property.token() + " must be finite, got " + value);
    }
    Target.checkChannel(channel);
  }

  public NumericProperty(Property property, double value) {
    this(property, value, WHOLE_WINDOW);
  }

  /** The unit of the value (see {@link Property#unit()}). */
  public String unit() {
    return property.unit();
  }

  @Override
  public TargetKind kind() {
    return TargetKind.NUMERIC;
  }
}
