package io.florets.prompt.vocab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class NumberCodecProperties {
  private static final Vocabulary VOCAB = Vocabulary.standard();

  @Provide
  Arbitrary<Double> inRange() {
    Arbitrary<Double> logUniform = Arbitraries.doubles().between(-12.0, 12.0)
        .map(e -> Math.min(1e12, Math.max(1e-12, Math.pow(10, e))));
    Arbitrary<Double> edges = Arbitraries.of(1e-12, 1e12, 9.9995e11, 9.99949e11, 1.0, 9.9995, 0.5e-12 * 2,
        Double.MIN_NORMAL * 0 + 1e-12, 123456.789, 0.00049999);
    return Arbitraries.oneOf(logUniform, edges).flatMap(m -> Arbitraries.of(m, -m));
  }

  @Property(tries = 2000)
  void roundTripWithinHalfAPercent(@ForAll("inRange") double v) {
    int[] ids = NumberCodec.encode(v, VOCAB);
    NumberCodec.Decoded d = NumberCodec.decode(ids, 0, VOCAB);
    assertEquals(ids.length, d.length());
    double rel = Math.abs(d.value() - v) / Math.abs(v);
    assertTrue(rel <= 0.005, () -> v + " came back as " + d.value() + " (relative error " + rel + ")");
    assertEquals(Math.signum(v), Math.signum(d.value()));
  }

  @Example
  void zeroIsExactAndOneToken() {
    assertArrayEquals(new int[] {VOCAB.numZeroId()}, NumberCodec.encode(0.0, VOCAB));
    assertEquals(0.0, NumberCodec.decode(NumberCodec.encode(-0.0, VOCAB), 0, VOCAB).value());
  }

  @Example
  void nonFiniteAndTooLargeAreRejected() {
    for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 9.9996e12, -5e15}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NumberCodec.encode(bad, VOCAB));
      assertTrue(e.getMessage().contains(String.valueOf(bad)), e.getMessage());
    }
  }

  @Example
  void tinyMagnitudesAreWrittenAsZero() {
    assertEquals(1.001e12, NumberCodec.roundTrip(1.001e12), 1.0);
    assertEquals(0.0, NumberCodec.roundTrip(3e-14));
    assertEquals(1e-12, NumberCodec.roundTrip(0.99996e-12), 1e-20);
  }

  @Example
  void malformedNumbersAreRejected() {
    int[] leadingZero = {VOCAB.numPosId(), VOCAB.digitId(0), VOCAB.digitId(1), VOCAB.digitId(2), VOCAB.digitId(3),
        VOCAB.exponentId(0)};
    assertThrows(IllegalArgumentException.class, () -> NumberCodec.decode(leadingZero, 0, VOCAB));
    int[] truncated = {VOCAB.numNegId(), VOCAB.digitId(1)};
    assertThrows(IllegalArgumentException.class, () -> NumberCodec.decode(truncated, 0, VOCAB));
  }

  /** Measures the worst relative error over a dense log-uniform sweep plus the rounding boundaries. */
  @Example
  void measuredWorstCaseRelativeError() {
    SplittableRandom r = new SplittableRandom(7);
    double worst = 0;
    double worstAt = 0;
    int n = 200_000;
    for (int i = 0; i < n; i++) {
      double v = Math.pow(10, -12 + 24 * r.nextDouble());
      if (i % 4 == 0) {
        // just above a rounding boundary a.bcd5 * 10^k, where the error peaks
        int k = r.nextInt(-12, 12);
        double mant = 1.0 + r.nextInt(0, 9000) / 1000.0 + 0.00049999;
        v = Math.min(1e12, mant * Math.pow(10, k));
      }
      double rel = Math.abs(NumberCodec.roundTrip(v) - v) / v;
      if (rel > worst) {
        worst = rel;
        worstAt = v;
      }
    }
    System.out.printf("numeric encoding: worst relative error %.6e (%.4f%%) at %s over %d values in [1e-12, 1e12]%n",
        worst, worst * 100, worstAt, n);
    assertTrue(worst <= 0.005, "worst relative error " + worst);
    assertTrue(worst > 0, "the sweep must hit rounded values");
  }
}
