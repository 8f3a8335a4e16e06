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

  @Test
  void aLocationWithinTheFloatRoundingOfTheFrontEndsLocationIsZero() {
    // the front end stores the median as a float: 808.50863... becomes 808.5086f
    double median = 808.5086364746094 + 3e-6;
    float loc = (float) median;
    OutputMapping m = new OutputMapping(new int[] {128}, new float[] {loc}, new float[] {3f});
    for (Property p : new Property[] {Property.MEDIAN, Property.MEAN, Property.MIN, Property.MAX}) {
      assertEquals(0.0, NumericScaling.toModel(p, median, -1, m), 0, p.token());
      assertEquals(loc, NumericScaling.fromModel(p, 0.0, -1, m), 0, p.token());
    }
    double ulp = Math.ulp(loc);
    assertEquals(ulp, NumericScaling.toModel(Property.MEDIAN, loc + 3 * ulp, -1, m), 1e-15);
  }

  @Test
  void anAnswerInTheBinOfTheWindowsExactStatisticIsThatStatistic() {
    float[] x = {1f, 4f, 2f, 8f, 5f, 7f, 3f, 6f};
    float loc = 4.5f;
    float scale = 2f;
    double mean = 4.5;
    double var = 0;
    for (float v : x) {
      var += (v - mean) * (v - mean);
    }
    double std = Math.sqrt(var / x.length) / scale;   // exact, in model units
    double inBin = io.florets.prompt.vocab.NumberCodec.binValue(
        io.florets.prompt.vocab.NumberCodec.bin(std));
    double otherBin = std * 1.06;
    assertEquals(std, NumericScaling.exactInBin(Property.STD, inBin, x, loc, scale), 1e-12);
    assertEquals(otherBin, NumericScaling.exactInBin(Property.STD, otherBin, x, loc, scale), 0);
    // the maximum (8 - 4.5) / 2 = 1.75; a negative answer keeps its value
    assertEquals(1.75, NumericScaling.exactInBin(Property.MAX, 1.751, x, loc, scale), 1e-12);
    assertEquals(-1.751, NumericScaling.exactInBin(Property.MAX, -1.751, x, loc, scale), 0);
    // properties the window does not determine exactly keep the model's value
    assertEquals(3.0, NumericScaling.exactInBin(Property.PERIOD, 3.0, x, loc, scale), 0);
    assertEquals(0.0, NumericScaling.exactInBin(Property.MEAN, 0.0, x, loc, scale), 0);
  }
}
