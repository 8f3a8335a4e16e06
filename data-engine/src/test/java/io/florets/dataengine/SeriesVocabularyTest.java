package io.florets.dataengine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.DenseDataset;
import io.florets.datasets.synthetic.SyntheticConfig;
import io.florets.datasets.synthetic.SyntheticGenerator;
import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.CaptionText;
import io.florets.labelers.caption.CaptionComposer;
import io.florets.prompt.serial.Extent;
import io.florets.prompt.serial.ReadoutParser;
import io.florets.prompt.serial.SeriesSerializer;
import io.florets.prompt.task.Contract;
import io.florets.prompt.task.Prompt;
import io.florets.prompt.task.Tasks;
import io.florets.prompt.vocab.Tokenizer;
import io.florets.prompt.vocab.Vocabulary;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every caption the composer writes is whole-word tokens of the series vocabulary and round-trips exactly. */
class SeriesVocabularyTest {
  @Test
  void composedCaptionsNeedNoSpellingAndRoundTrip() {
    Vocabulary v = SeriesVocabulary.of().withClassNames(List.of("walking", "Normal beat", "1", "circle"));
    Tokenizer tok = new Tokenizer(v);
    SeriesSerializer ser = new SeriesSerializer(v);
    ReadoutParser parser = new ReadoutParser(v);
    CaptionComposer composer = CaptionComposer.of(5);
    int captions = 0;
    int cut = 0;
    int[] longest = new int[2];
    int w = 0;
    for (int length : new int[] {64, 128, 1000, 4999}) {
      DenseDataset ds = SyntheticGenerator.generate(SyntheticConfig.builder().count(75).length(length)
          .seed(11 + length).events(0, 4).build());
      for (DenseDataset.Entry e : ds.entries()) {
        List<Annotation> kept = e.annotations().stream()
            .filter(a -> !(a.target() instanceof CaptionText)).toList();
        for (CaptionText c : composer.compose(kept, length, w++)) {
          for (int id : tok.encode(c.text())) {
            assertTrue(id != Vocabulary.UNK && id != v.spellId(), () -> "not a whole word in '" + c.text() + "'");
          }
          Prompt<io.florets.prompt.readout.Caption> p = c.detailed() ? Tasks.DETAILED_CAPTION.prompt()
              : Tasks.CAPTION.prompt();
          int[] ids = ser.serialize(p, List.of(c), length).orElseThrow();
          String back = parser.parse(p, ids, Extent.series(length)).text();
          int n = tok.encode(c.text()).length;
          if (n <= Contract.maxTextTokens(p.task())) {
            assertEquals(c.text(), back);
          } else {
            assertTrue(c.text().startsWith(back), back);
            cut++;
          }
          longest[c.detailed() ? 1 : 0] = Math.max(longest[c.detailed() ? 1 : 0], n);
          captions++;
        }
      }
    }
    assertTrue(captions >= 300, "composed " + captions);
    System.out.printf("composed captions: %d, cut at the length limit: %d, longest short/detailed: %d/%d tokens%n",
        captions, cut, longest[0], longest[1]);
    System.out.printf("series vocabulary: %d tokens (standard %d + caption composer words), hash %s%n",
        SeriesVocabulary.of().size(), Vocabulary.standard().size(), SeriesVocabulary.of().hash());
  }
}
