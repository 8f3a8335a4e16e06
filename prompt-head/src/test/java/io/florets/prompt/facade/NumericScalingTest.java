package io.florets.prompt.facade;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.florets.datasets.target.Property;
import io.florets.datasets.target.Target;
import io.florets.engine.OutputMapping;
import org.junit.jupiter.api.Test;

class NumericScalingTest {
  @Test
  void modelUnitsRoundTripForEveryProperty() {
    OutputMapping m = new OutputMapping(new int[] {256}, new float[] {12.5f}, new float[] {3f});
    for (Property p : Property.values()) {
      double v = 41.25;
      double model = NumericScaling.toModel(p, v, Target.WHOLE_WINDOW, m);
      assertEquals(v, NumericScaling.fromModel(p, model, Target.WHOLE_WINDOW, m), 1e-9, p.token());
    }
    assertEquals((41.25 - 12.5) / 3, NumericScaling.toModel(Property.MEAN, 41.25, -1, m), 1e-12);
    assertEquals(41.25 / 3, NumericScaling.toModel(Property.STD, 41.25, -1, m), 1e-12);
    assertEquals(2.0 * 256 / 3, NumericScaling.toModel(Property.SLOPE, 2.0, -1, m), 1e-12);
    assertEquals(17, NumericScaling.toModel(Property.PERIOD, 17, -1, m), 0);
  }
}
