package io.florets.prompt.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class QuantizerProperties {

  @Property(tries = 2000)
  void binCentreIsWithinHalfABin(@ForAll @IntRange(min = 1, max = 100_000) int length,
      @ForAll @DoubleRange(min = 0, max = 1) double fraction) {
    double t = fraction * length;
    int q = Quantizer.quantize(t, length);
    assertTrue(q >= 0 && q <= 999);
    assertEquals(Math.max(0, Math.min(999, (int) Math.floor(t / (length / 1000.0)))), q);
    double back = Quantizer.dequantize(q, length);
    assertTrue(Math.abs(back - t) <= length / 2000.0 + 1e-9, () -> t + " -> " + q + " -> " + back);
  }

  @Property(tries = 1000)
  void sampleIndexIsExactUpToThousandSamples(@ForAll @IntRange(min = 1, max = 1000) int length,
      @ForAll @IntRange(min = 0, max = 999) int sample) {
    int t = sample % length;
    int q = Quantizer.quantize(t, length);
    assertEquals(t, Quantizer.sampleIndex(Quantizer.dequantize(q, length), length));
  }

  @Example
  void clampsOutsideTheExtentAndRejectsBadInput() {
    assertEquals(0, Quantizer.quantize(-5, 100));
    assertEquals(999, Quantizer.quantize(100, 100));
    assertEquals(999, Quantizer.quantize(1e9, 100));
    assertEquals(0.05, Quantizer.dequantize(0, 100), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> Quantizer.quantize(Double.NaN, 100));
    assertThrows(IllegalArgumentException.class, () -> Quantizer.quantize(1, 0));
    assertThrows(IllegalArgumentException.class, () -> Quantizer.dequantize(1000, 10));
  }
}
