package io.florets.prompt.grammar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.prompt.readout.Caption;
import io.florets.prompt.serial.Extent;
import io.florets.prompt.serial.ReadoutParser;
import io.florets.prompt.task.Prompt;
import io.florets.prompt.task.Tasks;
import io.florets.prompt.vocab.StandardWords;
import io.florets.prompt.vocab.Tokenizer;
import io.florets.prompt.vocab.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * A text task with a {@link CaptionLexicon}: every answer its grammar allows is whole lexicon words
 * (vocabulary tokens, or spelled words the trie completes), is the tokenizer's own encoding of its
 * text, and parses back to that text; and every text of lexicon words is accepted.
 */
class CaptionGrammarProperties {
  static final Vocabulary VOCAB = Vocabulary.builder().channels(4).build();
  static final Tokenizer TOK = new Tokenizer(VOCAB);
  static final ReadoutParser PARSER = new ReadoutParser(VOCAB);
  /** Close marks: written right after the word before them, so text splits at spaces. */
  static final List<String> MARKS = List.of(",", ".", ";", ":", "!", "?");

  /** Vocabulary words, numbers and made-up words (the last two are spelled), with prefixes of each other. */
  static CaptionLexicon lexicon(Random r) {
    List<String> e = new ArrayList<>();
    for (int i = 0; i < 1 + r.nextInt(40); i++) {
      e.add(StandardWords.CAPTION_BASE.get(r.nextInt(StandardWords.CAPTION_BASE.size())));
    }
    for (int i = 0; i < r.nextInt(30); i++) {
      String n = Integer.toString(r.nextInt(200));
      e.add(n);
      e.add(n + r.nextInt(10));
    }
    for (int i = 0; i < r.nextInt(30); i++) {
      String w = "q" + Integer.toString(r.nextInt(1 << 16), 36);
      e.add(w);
      e.add(w + (r.nextBoolean() ? "s" : "-" + Integer.toString(r.nextInt(1 << 10), 36)));
    }
    for (String m : MARKS) {
      if (r.nextBoolean()) {
        e.add(m);
      }
    }
    return CaptionLexicon.of(e);
  }

  /** The words and marks of a decoded caption, split at spaces with close marks peeled off. */
  static List<String> pieces(String text) {
    List<String> out = new ArrayList<>();
    for (String chunk : text.split(" ")) {
      int end = chunk.length();
      while (end > 0 && MARKS.contains(chunk.substring(end - 1, end))) {
        end--;
      }
      if (end > 0) {
        out.add(chunk.substring(0, end));
      }
      for (int i = end; i < chunk.length(); i++) {
        out.add(chunk.substring(i, i + 1));
      }
    }
    return out;
  }

  @Property(tries = 80)
  void everyAllowedAnswerIsLexiconWordsInTheTokenizersOwnEncoding(@ForAll long seed) {
    Random r = new Random(seed);
    CaptionLexicon lex = lexicon(r);
    Set<String> allowed = Set.copyOf(lex.entries());
    for (Prompt<Caption> p : List.of(Tasks.CAPTION.prompt(), Tasks.DETAILED_CAPTION.prompt(), Prompt.region(3, 90))) {
      Grammar g = new Grammars(VOCAB).withLexicon(p.task(), lex).forPrompt(p);
      for (int k = 0; k < 4; k++) {
        int[] ids = GrammarWalkProperties.walk(g, r, k == 0 ? 0.0 : 0.05);
        assertTrue(g.accepts(ids));
        int[] text = java.util.Arrays.copyOf(ids, ids.length - 1);
        String decoded = TOK.decode(text);
        for (String w : pieces(decoded)) {
          assertTrue(allowed.contains(w), () -> "'" + w + "' of '" + decoded + "' is not in the lexicon");
        }
        assertArrayEquals(text, TOK.encode(decoded), decoded);
        assertEquals(decoded, PARSER.parse(p, ids, Extent.series(100)).text());
      }
    }
  }

  @Property(tries = 80)
  void everyTextOfLexiconWordsIsAccepted(@ForAll long seed) {
    Random r = new Random(seed);
    CaptionLexicon lex = lexicon(r);
    List<String> words = lex.words();
    List<String> marks = lex.punctuation();
    Grammar g = new Grammars(VOCAB).withLexicon(Tasks.CAPTION, lex).forPrompt(Tasks.CAPTION.prompt());
    StringBuilder b = new StringBuilder();
    int n = 1 + r.nextInt(30);
    for (int i = 0; i < n; i++) {
      b.append(b.length() == 0 ? "" : " ").append(words.get(r.nextInt(words.size())));
      if (!marks.isEmpty() && r.nextInt(4) == 0) {
        b.append(marks.get(r.nextInt(marks.size())));
      }
    }
    int[] ids = TOK.encode(b.toString());
    int[] answer = java.util.Arrays.copyOf(ids, ids.length + 1);
    answer[ids.length] = Vocabulary.EOS;
    assertEquals(ids.length <= g.maxLength() - 1, g.accepts(answer), b::toString);
  }

  @Example
  void spelledWordsEndOnlyAtLexiconWordsAndWordsDoNotGlue() {
    CaptionLexicon lex = CaptionLexicon.of(List.of("the", "1", "12", "qzx", ","));
    Grammar g = new Grammars(VOCAB).withLexicon(Tasks.CAPTION, lex).forPrompt(Tasks.CAPTION.prompt());
    int spell = VOCAB.spellId();
    GrammarState s = g.start();
    assertFalse(s.isAllowed(VOCAB.id(",")), "punctuation may not open a caption");
    assertFalse(s.isAllowed(VOCAB.id("a")), "a vocabulary word outside the lexicon");
    s = s.next(spell);
    assertFalse(s.complete());
    assertFalse(s.isAllowed(VOCAB.id("the")), "a word cannot follow a bare <spell>");
    assertFalse(s.isAllowed(VOCAB.charId('t')), "'the' has a token, so it is never spelled");
    s = s.next(VOCAB.charId('1'));
    assertTrue(s.complete() && s.isAllowed(VOCAB.charId('2')) && s.isAllowed(VOCAB.id("the")));
    assertFalse(s.isAllowed(VOCAB.charId('3')), "'13' is not a word");
    s = s.next(VOCAB.charId('2'));
    assertTrue(s.complete() && s.isAllowed(VOCAB.id(",")));
    assertFalse(s.isAllowed(VOCAB.charId('2')));
    s = s.next(VOCAB.id(","));
    assertFalse(s.isAllowed(VOCAB.id(",")), "no mark right after a mark");
    GrammarState q = s.next(spell).next(VOCAB.charId('q'));
    assertFalse(q.complete(), "'q' is only the start of 'qzx'");
    assertEquals(Set.of(VOCAB.charId('z')), q.allowed().stream().boxed().collect(java.util.stream.Collectors.toSet()));
  }

  @Example
  void aSpelledWordStartsOnlyIfItEndsWithinTheLimit() {
    CaptionLexicon lex = CaptionLexicon.of(List.of("qzx", "the"));
    Grammar g = new Grammars(VOCAB).withLexicon(Tasks.REGION_TO_DESCRIPTION, lex).forPrompt(Prompt.region(0, 9));
    int max = g.maxLength() - 1;
    GrammarState s = g.start();
    for (int i = 0; i < max - 4; i++) {
      s = s.next(VOCAB.id("the"));
    }
    assertTrue(s.isAllowed(VOCAB.spellId()), "4 tokens left: <spell> q z x fits");
    s = s.next(VOCAB.id("the"));
    assertFalse(s.isAllowed(VOCAB.spellId()), "3 tokens left: it does not");

    Grammar held = new Grammars(VOCAB).withLexicon(Tasks.CAPTION, lex).forPrompt(Tasks.CAPTION.prompt(), 5);
    assertEquals(5, held.maxLength(), "a decoder's limit of 5 tokens, </s> included");
    Random r = new Random(5);
    for (int i = 0; i < 50; i++) {
      int[] ids = GrammarWalkProperties.walk(held, r, 0.0);
      assertTrue(ids.length <= 5 && held.accepts(ids));
      for (String w : TOK.decode(ids, 0, ids.length - 1).split(" ")) {
        assertTrue(w.equals("the") || w.equals("qzx"), w);
      }
    }
  }

  @Example
  void lexiconsAreCheckedAgainstTheVocabularyAndTheTask() {
    assertThrows(IllegalArgumentException.class, () -> CaptionLexicon.of(List.of(",", ".")));
    assertThrows(IllegalArgumentException.class, () -> CaptionLexicon.of(List.of("two words")));
    Grammars g = new Grammars(VOCAB);
    assertThrows(IllegalArgumentException.class,
        () -> g.withLexicon(Tasks.CAPTION, CaptionLexicon.of(List.of("Upper"))));
    assertThrows(IllegalArgumentException.class,
        () -> g.withLexicon(Tasks.CAPTION, CaptionLexicon.of(List.of("caf\u00e9"))));
    assertThrows(IllegalArgumentException.class,
        () -> g.withLexicon(Tasks.SHAPE, CaptionLexicon.of(List.of("the"))));
    assertTrue(g.lexicon(Tasks.CAPTION).isEmpty());
    assertEquals(CaptionLexicon.of(List.of("the")),
        g.withLexicon(Tasks.CAPTION, CaptionLexicon.of(List.of("the", ""))).lexicon(Tasks.CAPTION).orElseThrow());
  }
}
