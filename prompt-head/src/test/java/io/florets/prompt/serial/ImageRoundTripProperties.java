package io.florets.prompt.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.prompt.grammar.Grammars;
import io.florets.prompt.readout.Boxes;
import io.florets.prompt.readout.Caption;
import io.florets.prompt.readout.Label;
import io.florets.prompt.readout.Readout;
import io.florets.prompt.task.Contract;
import io.florets.prompt.task.Prompt;
import io.florets.prompt.task.Tasks;
import io.florets.prompt.vocab.Quantizer;
import io.florets.prompt.vocab.Tokenizer;
import io.florets.prompt.vocab.Vocabulary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** parse(serialize(x)) == x up to quantisation for the image tasks. */
class ImageRoundTripProperties {
  static final Vocabulary VOCAB = Vocabulary.standard().withClassNames(List.of("digit_3", "coins"));
  static final ImageSerializer SER = new ImageSerializer(VOCAB);
  static final ReadoutParser PARSER = new ReadoutParser(VOCAB);
  static final Grammars GRAMMARS = new Grammars(VOCAB);
  static final Tokenizer TOK = new Tokenizer(VOCAB);
  static final List<String> LABELS = List.of("red circle", "blue square", "seven", "large green triangle", "coins",
      "digit_3", "small yellow star");

  static ImageTruth truth(Random r, int w, int h) {
    List<ImageBox> boxes = new ArrayList<>();
    int n = r.nextInt(8);
    for (int i = 0; i < n; i++) {
      double x1 = r.nextDouble() * w;
      double y1 = r.nextDouble() * h;
      boxes.add(new ImageBox(LABELS.get(r.nextInt(LABELS.size())), x1, y1, x1 + r.nextDouble() * (w - x1),
          y1 + r.nextDouble() * (h - y1)));
    }
    return new ImageTruth(w, h, boxes, r.nextBoolean() ? "Two red circles and a blue square." : null,
        r.nextBoolean() ? "A large green triangle, top left; 3 coins." : null, r.nextBoolean() ? "coins" : null);
  }

  @Property(tries = 200)
  void everyPairIsGrammaticalAndParsesBack(@ForAll long seed, @ForAll @IntRange(min = 8, max = 5000) int w,
      @ForAll @IntRange(min = 8, max = 5000) int h) {
    ImageTruth t = truth(new Random(seed), w, h);
    double tx = w / 2000.0 + 1e-9;
    double ty = h / 2000.0 + 1e-9;
    for (TrainingPair p : SER.pairs(t)) {
      assertTrue(GRAMMARS.forPrompt(p.prompt()).accepts(p.targetTokens()), () -> p.prompt() + ": "
          + TOK.decode(p.targetTokens()));
      Readout r = PARSER.parse(p.prompt(), p.targetTokens(), Extent.image(w, h));
      if (p.prompt().task() == Tasks.OD || p.prompt().task() == Tasks.CAPTION_TO_PHRASE_GROUNDING) {
        String phrase = p.prompt().phrase().orElse(null);
        List<ImageBox> want = t.boxes().stream().filter(b -> phrase == null || b.label().equals(phrase)
            || phrase.contains(b.label())).sorted(Comparator.<ImageBox>comparingInt(b -> Quantizer.quantize(b.x1(), w))
            .thenComparingInt(b -> Quantizer.quantize(b.y1(), h)).thenComparingInt(b -> Quantizer.quantize(b.x2(), w))
            .thenComparingInt(b -> Quantizer.quantize(b.y2(), h)).thenComparing(ImageBox::label))
            .limit(Contract.MAX_ITEMS).toList();
        List<Boxes.Box> got = ((Boxes) r).boxes();
        assertEquals(want.size(), got.size());
        for (int i = 0; i < want.size(); i++) {
          ImageBox b = want.get(i);
          Boxes.Box g = got.get(i);
          assertEquals(b.label(), g.label());
          assertTrue(Math.abs(b.x1() - g.x1()) <= tx && Math.abs(b.x2() - g.x2()) <= tx
              && Math.abs(b.y1() - g.y1()) <= ty && Math.abs(b.y2() - g.y2()) <= ty, () -> b + " vs " + g);
        }
      } else if (p.prompt().task() == Tasks.REGION_TO_CATEGORY) {
        int[] q = p.prompt().bins();
        String label = ((Label) r).name();
        assertTrue(t.boxes().stream().anyMatch(b -> b.label().equals(label)
            && Quantizer.quantize(b.x1(), w) == q[0] && Quantizer.quantize(b.y1(), h) == q[1]));
      } else if (p.prompt().task() == Tasks.IMAGE_CLASSIFY) {
        assertEquals(t.classLabel(), ((Label) r).name());
      } else {
        String want = p.prompt().task() == Tasks.IMAGE_CAPTION ? t.caption() : t.detailedCaption();
        assertEquals(TOK.normalize(want), ((Caption) r).text());
      }
    }
  }

  @Example
  void florenceFormatAndConfidences() {
    ImageTruth t = ImageTruth.ofBoxes(200, 100, List.of(new ImageBox("red circle", 10, 20, 50, 60)));
    int[] ids = SER.serialize(Tasks.OD.prompt(), t).orElseThrow();
    assertEquals("red circle<loc_50><loc_200><loc_250><loc_600></s>", TOK.decode(ids));
    double[] lp = {-0.1, -0.3, -0.2, -0.2, -0.2, -0.2, -0.05};
    Boxes b = PARSER.parse(Tasks.OD.prompt(), ids, lp, Extent.image(200, 100));
    assertEquals(Math.exp(-0.2), b.boxes().get(0).confidence(), 1e-12);
    assertEquals(10.1, b.boxes().get(0).x1(), 1e-9);
    assertThrows(IllegalArgumentException.class, () -> SER.serialize(Tasks.OD.prompt(),
        ImageTruth.ofBoxes(10, 10, List.of(new ImageBox("purple dragon", 1, 1, 2, 2)))));
    org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {Vocabulary.EOS},
        SER.serialize(Prompt.phraseGrounding("a blue square"), t).orElseThrow());
    assertEquals(1, (PARSER.parse(Prompt.phraseGrounding("one red circle"),
        SER.serialize(Prompt.phraseGrounding("one red circle"), t).orElseThrow(), Extent.image(200, 100))).boxes().size());
  }
}
