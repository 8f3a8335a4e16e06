package io.florets.prompt.vocab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class TokenizerProperties {
  private static final Vocabulary VOCAB = Vocabulary.builder().classNames(List.of("Normal beat", "AF", "1")).build();
  private static final Tokenizer TOK = new Tokenizer(VOCAB);

  /** Sequences of whole tokens: angle tokens, words, class names (no spelling, no punctuation). */
  @Provide
  Arbitrary<int[]> tokenSequences() {
    List<Integer> ids = new ArrayList<>();
    for (int i = 0; i < VOCAB.size(); i++) {
      if (!VOCAB.in(TokenGroup.SPELL, i) && !VOCAB.in(TokenGroup.PUNCT, i) && i != Vocabulary.PAD) {
        ids.add(i);
      }
    }
    return Arbitraries.of(ids).list().ofMaxSize(40).map(l -> l.stream().mapToInt(Integer::intValue).toArray());
  }

  @Property(tries = 500)
  void encodeDecodeRoundTripsTokenSequences(@ForAll("tokenSequences") int[] ids) {
    assertArrayEquals(ids, TOK.encode(TOK.decode(ids)), () -> TOK.decode(ids));
  }

  @Property(tries = 500)
  void normalFormIsAFixedPoint(@ForAll String text) {
    String n = TOK.normalize(text);
    assertEquals(n, TOK.normalize(n));
  }

  @Provide
  Arbitrary<String> captions() {
    Arbitrary<String> word = Arbitraries.oneOf(Arbitraries.of(StandardWords.CAPTION_BASE),
        Arbitraries.of("spike_up", "rising", "Normal beat", ",", ".", "(", ")", "%"),
        Arbitraries.integers().between(0, 100_000).map(String::valueOf),
        Arbitraries.doubles().between(0, 100).ofScale(2).map(String::valueOf),
        Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(9));
    return word.list().ofMinSize(1).ofMaxSize(25).map(l -> String.join(" ", l));
  }

  @Property(tries = 500)
  void captionsSurviveWithoutUnknowns(@ForAll("captions") String text) {
    int[] ids = TOK.encode(text);
    for (int id : ids) {
      assertEquals(false, id == Vocabulary.UNK, () -> "unknown token in " + text);
    }
    String n = TOK.decode(ids);
    assertArrayEquals(ids, TOK.encode(n));
    assertEquals(text.replaceAll("\\s+", "").toLowerCase(java.util.Locale.ROOT).replace("normal beat", "normalbeat"),
        n.replaceAll("\\s+", "").toLowerCase(java.util.Locale.ROOT).replace("normal beat", "normalbeat"));
  }

  @Example
  void examples() {
    assertEquals("<EVENTS_OF>spike_up<t_3><t_40>", TOK.normalize("<EVENTS_OF> spike_up <t_3> <t_40>"));
    assertEquals("a rising trend, period 24 (about 3.5 cycles).",
        TOK.normalize("A rising  trend , period 24 ( about 3.5 cycles ) ."));
    int[] ids = TOK.encode("Normal beat with gusts");
    assertEquals(VOCAB.id("Normal beat"), ids[0]);
    assertEquals(VOCAB.spellId(), ids[2]);
    assertEquals(Vocabulary.UNK, TOK.encode("été")[0]);
  }
}
