package io.florets.prompt.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.Caption;
import io.florets.datasets.target.Target;
import io.florets.labelers.caption.CaptionComposer;
import io.florets.prompt.task.Prompt;
import io.florets.prompt.task.Tasks;
import io.florets.prompt.vocab.Tokenizer;
import io.florets.prompt.vocab.Vocabulary;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every caption the composer writes is whole-word tokens of the series vocabulary and round-trips exactly. */
class ComposedCaptionTest {
  @Test
  void composedCaptionsNeedNoSpellingAndRoundTrip() {
    Vocabulary v = Vocabulary.series().withClassNames(SeriesCase.CLASSES);
    Tokenizer tok = new Tokenizer(v);
    SeriesSerializer ser = new SeriesSerializer(v);
    ReadoutParser parser = new ReadoutParser(v);
    CaptionComposer composer = CaptionComposer.of(5);
    Random r = new Random(11);
    int captions = 0;
    int cut = 0;
    int[] longest = new int[2];
    for (int w = 0; w < 300; w++) {
      int length = 8 + r.nextInt(5000);
      List<Target> targets = SeriesCase.generate(length, r).targets().stream()
          .filter(t -> !(t instanceof Caption)).toList();
      List<Annotation> kept = targets.stream().map(Annotation::truth).toList();
      for (Caption c : composer.compose(kept, length, w)) {
        for (int id : tok.encode(c.text())) {
          assertTrue(id != Vocabulary.UNK && id != v.spellId(), () -> "not a whole word in '" + c.text() + "'");
        }
        Prompt<io.florets.prompt.readout.Caption> p = c.detailed() ? Tasks.DETAILED_CAPTION.prompt()
            : Tasks.CAPTION.prompt();
        int[] ids = ser.serialize(p, List.of(c), length).orElseThrow();
        String back = parser.parse(p, ids, Extent.series(length)).text();
        int n = tok.encode(c.text()).length;
        if (n <= io.florets.prompt.task.Contract.maxTextTokens(p.task())) {
          assertEquals(c.text(), back);
        } else {
          assertTrue(c.text().startsWith(back), back);
          cut++;
        }
        longest[c.detailed() ? 1 : 0] = Math.max(longest[c.detailed() ? 1 : 0], n);
        captions++;
      }
    }
    assertTrue(captions >= 300, "composed " + captions);
    System.out.printf("composed captions: %d, cut at the length limit: %d, longest short/detailed: %d/%d tokens%n",
        captions, cut, longest[0], longest[1]);
    System.out.printf("series vocabulary: %d tokens (standard %d + caption composer words), hash %s%n",
        Vocabulary.series().size(), Vocabulary.standard().size(), Vocabulary.series().hash());
  }
}
