package io.florets.prompt.readout;

import java.util.List;

/**
 * The answer of {@code <PROPERTIES>}: numeric values in contract order (whole window first, then
 * by channel, then by property).
 *
 * @param values the values
 */
public record NumericProperties(List<Numeric> values) implements Readout {
  /** Copies. */
  public NumericProperties {
    values = List.copyOf(values);
  }

  @Override
  public String kind() {
    return "properties";
  }
}
