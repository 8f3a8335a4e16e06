package io.florets.labelers.caption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.synthetic.SyntheticConfig;
import io.florets.datasets.synthetic.SyntheticGenerator;
import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.CaptionText;
import io.florets.labelers.LabelerSuite;
import io.florets.labelers.batch.ParallelLabeling;
import io.florets.labelers.consensus.Consensus;
import io.florets.labelers.consensus.ConsensusConfig;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The composer only emits vocabulary words, and its phrasing is seeded. */
class CaptionComposerTest {

  @Test
  void captionsUseOnlyVocabularyWords() {
    var data = SyntheticGenerator.generate(SyntheticConfig.builder().count(60).length(256).seed(3).channels(1).build());
    var data2 = SyntheticGenerator.generate(SyntheticConfig.builder().count(20).length(128).seed(4).channels(3).build());
    Set<String> vocab = new HashSet<>(CaptionComposer.vocabulary());
    LabelerSuite suite = LabelerSuite.defaults();
    Set<String> seen = new HashSet<>();
    for (var d : List.of(data, data2)) {
      List<List<Annotation>> raw = ParallelLabeling.label(d.windows(), suite, 2, null);
      Consensus c = Consensus.fit(suite.labelers(), raw, ConsensusConfig.DEFAULTS);
      CaptionComposer composer = CaptionComposer.of(11);
      for (int i = 0; i < raw.size(); i++) {
        int len = d.get(i).window().length();
        List<CaptionText> caps = composer.compose(c.apply(len, raw.get(i)).kept(), len, i);
        assertEquals(2, caps.size());
        assertTrue(!caps.get(0).detailed() && caps.get(1).detailed());
        for (CaptionText cap : caps) {
          for (String t : CaptionComposer.tokens(cap.text())) {
            assertTrue(vocab.contains(t), "'" + t + "' of \"" + cap.text() + "\" is not in the vocabulary");
          }
        }
        seen.add(caps.get(0).text());
        assertEquals(caps, composer.compose(c.apply(len, raw.get(i)).kept(), len, i));
      }
    }
    assertTrue(seen.size() > 20, "captions vary: " + seen.size());
  }

  @Test
  void seedChangesThePhrasing() {
    List<Annotation> none = List.of();
    int differ = 0;
    for (int k = 0; k < 20; k++) {
      if (!CaptionComposer.of(1).compose(none, 100, k).equals(CaptionComposer.of(2).compose(none, 100, k))) {
        differ++;
      }
    }
    assertNotEquals(0, differ);
  }

  @Test
  void vocabularyIsSortedAndHasNoDigits() {
    List<String> v = CaptionComposer.vocabulary();
    assertEquals(v.stream().sorted().toList(), v);
    for (String w : v) {
      assertTrue(!w.isEmpty() && w.chars().noneMatch(Character::isDigit) && !w.contains(" "), w);
    }
  }
}
