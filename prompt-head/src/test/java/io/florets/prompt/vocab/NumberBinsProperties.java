package io.florets.prompt.vocab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The magnitude-bin number encoding of vocabularies built with {@code numberBins()}. */
class NumberBinsProperties {
  private static final Vocabulary VOCAB = Vocabulary.builder().numberBins().build();

  @Provide
  Arbitrary<Double> inRange() {
    return Arbitraries.doubles().between(-6.0, 5.99).ofScale(4).map(e -> Math.pow(10, e))
        .flatMap(m -> Arbitraries.of(m, -m));
  }

  @Property(tries = 2000)
  void roundTripWithinTheBinBound(@ForAll("inRange") double v) {
    int[] ids = NumberCodec.encode(v, VOCAB);
    assertEquals(2, ids.length);
    NumberCodec.Decoded d = NumberCodec.decode(ids, 0, VOCAB);
    assertEquals(2, d.length());
    double rel = Math.abs(d.value() - v) / Math.abs(v);
    double bound = Math.pow(10, NumberCodec.BIN_WIDTH / 2) - 1 + 1e-12;
    assertTrue(rel <= bound, () -> v + " came back as " + d.value() + " (relative error " + rel + ")");
    assertEquals(Math.signum(v), Math.signum(d.value()));
    assertEquals(d.value(), NumberCodec.roundTrip(v, VOCAB));
  }

  @Property(tries = 500)
  void binsAreOrderedByMagnitude(@ForAll("inRange") double a, @ForAll("inRange") double b) {
    double x = Math.abs(a);
    double y = Math.abs(b);
    if (x < y) {
      assertTrue(NumberCodec.bin(x) <= NumberCodec.bin(y), x + " vs " + y);
    }
  }

  @Example
  void zeroTinyAndHugeMagnitudes() {
    assertArrayEquals(new int[] {VOCAB.numZeroId()}, NumberCodec.encode(0.0, VOCAB));
    assertArrayEquals(new int[] {VOCAB.numZeroId()}, NumberCodec.encode(4e-7, VOCAB));
    int[] huge = NumberCodec.encode(-3e9, VOCAB);
    assertEquals(VOCAB.numNegId(), huge[0]);
    assertEquals(NumberCodec.BINS - 1, VOCAB.numberBinOf(huge[1]));
    assertThrows(IllegalArgumentException.class, () -> NumberCodec.encode(Double.NaN, VOCAB));
  }

  @Example
  void malformedNumbersAreRejected() {
    int[] digitAfterSign = {VOCAB.numPosId(), VOCAB.digitId(1)};
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> NumberCodec.decode(digitAfterSign, 0, VOCAB));
    assertTrue(e.getMessage().contains("number bin"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> NumberCodec.decode(new int[] {VOCAB.numPosId()}, 0, VOCAB));
  }

  @Example
  void standardVocabularyKeepsDigitsAndItsHash() {
    Vocabulary standard = Vocabulary.standard();
    assertEquals(6, NumberCodec.encode(1.5, standard).length);
    assertTrue(!standard.hasNumberBins() && VOCAB.hasNumberBins());
    assertEquals(standard.size() + NumberCodec.BINS, VOCAB.size());
  }
}
