package io.florets.dataengine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.synthetic.SyntheticConfig;
import io.florets.datasets.synthetic.SyntheticGenerator;
import io.florets.datasets.synthetic.SyntheticWindow;
import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.CaptionText;
import io.florets.datasets.target.ClassLabel;
import io.florets.datasets.target.Target;
import io.florets.labelers.caption.CaptionComposer;
import io.florets.prompt.PromptHead;
import io.florets.prompt.grammar.CaptionLexicon;
import io.florets.prompt.grammar.Grammar;
import io.florets.prompt.grammar.GrammarState;
import io.florets.prompt.serial.Extent;
import io.florets.prompt.serial.SeriesSerializer;
import io.florets.prompt.serial.TrainingPair;
import io.florets.prompt.task.Contract;
import io.florets.prompt.task.Prompt;
import io.florets.prompt.task.Tasks;
import io.florets.prompt.vocab.Vocabulary;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The caption composer's language under the head's caption grammar, over a vocabulary that spells
 * most composer words and one that has them all as tokens: every caption the composer writes for
 * synthetic windows is accepted and round-trips (the region descriptions too), and every answer the
 * grammar allows is composer words only.
 */
class ComposedCaptionGrammarProperties {
  static final CaptionLexicon LEXICON = CaptionLexicon.of(CaptionComposer.vocabulary());
  static final Set<String> WORDS = Set.copyOf(CaptionComposer.vocabulary());
  static final List<PromptHead> HEADS = List.of(
      PromptHead.of(Vocabulary.builder().channels(8).build()).withCaptionLexicon(LEXICON),
      PromptHead.of(Vocabulary.builder().words(LEXICON.words()).build()).withCaptionLexicon(LEXICON));
  static final int[] LENGTHS = {128, 256, 512, 1024, 4096};

  @Property(tries = 100)
  void everyComposedCaptionIsAcceptedAndRoundTrips(@ForAll long seed, @ForAll @IntRange(min = 0, max = 4) int len,
      @ForAll @IntRange(min = 1, max = 4) int channels) {
    int length = LENGTHS[len];
    SyntheticConfig config = SyntheticConfig.builder().count(1_000).length(length).channels(channels).seed(seed)
        .events(0, length <= 256 ? 3 : 6).build();
    Random r = new Random(seed);
    CaptionComposer composer = CaptionComposer.of(seed);
    for (int k = 0; k < 4; k++) {
      int index = r.nextInt(config.count());
      SyntheticWindow w = SyntheticGenerator.window(config, index);
      List<Annotation> kept = w.annotations().stream().filter(a -> !(a.target() instanceof CaptionText)).toList();
      List<CaptionText> captions = composer.compose(kept, length, index);
      List<Target> targets = new ArrayList<>(SeriesSerializer.resolve(kept).stream()
          .filter(t -> !(t instanceof ClassLabel)).toList());
      targets.addAll(captions);
      for (PromptHead head : HEADS) {
        for (CaptionText c : captions) {
          Prompt<io.florets.prompt.readout.Caption> p = c.detailed() ? Tasks.DETAILED_CAPTION.prompt()
              : Tasks.CAPTION.prompt();
          int[] ids = head.series().serialize(p, List.of(c), length)
              .orElseThrow(() -> new AssertionError("no answer for composed caption '" + c.text() + "'"));
          assertTrue(head.grammar(p).accepts(ids), c::text);
          String back = head.parse(p, ids, null, Extent.series(length)).text();
          if (head.tokenizer().encode(c.text()).length <= Contract.maxTextTokens(p.task())) {
            assertEquals(c.text(), back);
          } else {
            assertTrue(c.text().startsWith(back), () -> "'" + back + "' is not a prefix of '" + c.text() + "'");
          }
        }
        for (TrainingPair pair : head.series().pairs(targets, length)) {
          Grammar g = head.grammar(pair.prompt());
          assertTrue(g.accepts(pair.targetTokens()), () -> pair.prompt() + ": "
              + head.tokenizer().decode(pair.targetTokens()));
        }
      }
    }
  }

  @Property(tries = 40)
  void everyAllowedCaptionIsComposerWords(@ForAll long seed) {
    Random r = new Random(seed);
    for (PromptHead head : HEADS) {
      for (Prompt<?> p : List.of(Tasks.CAPTION.prompt(), Tasks.DETAILED_CAPTION.prompt())) {
        int[] ids = walk(head.grammar(p), r);
        String text = head.tokenizer().decode(ids, 0, ids.length - 1);
        for (String t : CaptionComposer.tokens(text)) {
          assertTrue(WORDS.contains(t), () -> "'" + t + "' of '" + text + "' is not a composer word");
        }
        assertEquals(text, ((io.florets.prompt.readout.Caption) head.parse(p, ids, null, Extent.series(64))).text());
      }
    }
  }

  @Example
  void aCaptionInAnotherLanguageGivesNoTrainingPair() {
    PromptHead head = HEADS.get(0);
    CaptionText template = new CaptionText("An increasing series with sine seasonality (period 37), low noise and no events.",
        false);
    assertTrue(head.series().serialize(Tasks.CAPTION.prompt(), List.of(template), 256).isEmpty());
    assertTrue(PromptHead.of(head.vocabulary()).series().serialize(Tasks.CAPTION.prompt(), List.of(template), 256)
        .isPresent(), "without a lexicon, captions stay free text");
  }

  /** A uniform random walk to {@code </s>} that ends, once it may, with probability 0.05 per step. */
  private static int[] walk(Grammar g, Random r) {
    GrammarState s = g.start();
    List<Integer> out = new ArrayList<>();
    while (!s.finished()) {
      BitSet allowed = s.allowed();
      int pick;
      if (allowed.get(Vocabulary.EOS) && r.nextDouble() < 0.05) {
        pick = Vocabulary.EOS;
      } else {
        pick = allowed.stream().skip(r.nextInt(allowed.cardinality())).findFirst().orElseThrow();
      }
      s = s.next(pick);
      out.add(pick);
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }
}
