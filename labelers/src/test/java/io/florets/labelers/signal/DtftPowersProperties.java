package io.florets.labelers.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The four phasors that turn together in one pass give, bit for bit, the power each would give in
 * a pass of its own, and that power is the DTFT power computed with trigonometry per sample.
 */
class DtftPowersProperties {

  @Property(tries = 200)
  void interleavedPassesGiveTheSameDoublesAsSinglePasses(
      @ForAll @Size(min = 1, max = 80) List<@DoubleRange(min = -100, max = 100) Double> values,
      @ForAll @IntRange(min = 2, max = 40) int first,
      @ForAll @IntRange(min = 1, max = 4) int count) {
    double[] x = values.stream().mapToDouble(Double::doubleValue).toArray();
    double[] out = new double[count + 2];
    Periodicity.dtftPowers(x, first, count, out, 1);
    assertEquals(0.0, out[0], 0.0, "nothing written before the slice");
    assertEquals(0.0, out[count + 1], 0.0, "nothing written after the slice");
    for (int k = 0; k < count; k++) {
      int p = first + k;
      assertEquals(singlePass(x, p), out[1 + k], 0.0, "period " + p);
      double direct = direct(x, p);
      assertEquals(direct, out[1 + k], 1e-6 * (1 + direct), "period " + p + " against sin/cos");
    }
  }

  /** One rotating phasor alone. */
  private static double singlePass(double[] x, double period) {
    double w = 2 * Math.PI / period;
    double cw = Math.cos(w);
    double sw = Math.sin(w);
    double c = 1;
    double sn = 0;
    double re = 0;
    double im = 0;
    for (double v : x) {
      re += v * c;
      im -= v * sn;
      double nc = c * cw - sn * sw;
      sn = sn * cw + c * sw;
      c = nc;
    }
    return re * re + im * im;
  }

  private static double direct(double[] x, int period) {
    double re = 0;
    double im = 0;
    for (int t = 0; t < x.length; t++) {
      re += x[t] * Math.cos(2 * Math.PI * t / period);
      im -= x[t] * Math.sin(2 * Math.PI * t / period);
    }
    return re * re + im * im;
  }
}
