package io.florets.dataengine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.DenseDataset;
import io.florets.datasets.Window;
import io.florets.datasets.synthetic.SyntheticGenerator;
import io.florets.datasets.target.Annotation;
import io.florets.engine.EngineConfig;
import io.florets.engine.series.SeriesFrontEnd;
import io.florets.engine.series.SeriesFrontEndConfig;
import io.florets.engine.train.TrainingBatch;
import io.florets.prompt.PromptHead;
import io.florets.prompt.vocab.Vocabulary;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MultitaskDataTest {
  private static final Recipe R = Recipe.tinyRecipe(1);

  private static MultitaskData build(DenseDataset ds) {
    EngineConfig e = R.engine();
    return MultitaskData.build(ds, R.head(), SeriesFrontEnd.of(SeriesFrontEndConfig.defaults(
        e.dModel())), e, Set.of(Annotation.TRUTH));
  }

  @Test
  void coversEveryTimeSeriesTaskAndSamplesDeterministically() {
    // as the recipe trains: captions composed from the truth (the head's caption lexicon leaves
    // the generator's own captions, which use other words, out of training)
    DenseDataset ds = Recipe.composedCaptions(
        SyntheticGenerator.generate(R.data().toBuilder().count(30).build()), 7);
    MultitaskData d = build(ds);
    for (String t : new String[] {"CLASSIFY", "CAPTION", "SHAPE", "PROPERTIES", "PROPERTY",
        "EVENTS", "ALERT", "SEGMENTS"}) {
      assertTrue(d.examplesPerTask().getOrDefault(t, 0) > 0, t + " in " + d.examplesPerTask());
    }
    TrainingBatch<Window> a = d.sample(5, 12, 16);
    TrainingBatch<Window> b = d.sample(5, 12, 16);
    assertEquals(16, a.size());
    for (int i = 0; i < 16; i++) {
      assertArrayEquals(a.prompts()[i], b.prompts()[i]);
      assertArrayEquals(a.targets()[i], b.targets()[i]);
      // one task per batch: every row starts with the same task token
      assertEquals(a.prompts()[0][0], a.prompts()[i][0]);
      int[] t = a.targets()[i];
      assertTrue(t.length == 0 || t[t.length - 1] != Vocabulary.EOS, "EOS is added by the trainer");
      assertTrue(t.length < R.engine().maxTargetLength());
    }
    assertEquals(d.hash(), build(ds).hash());
    DenseDataset other = SyntheticGenerator.generate(R.data().toBuilder().count(30).seed(99).build());
    assertNotEquals(d.hash(), build(other).hash());
  }

  @Test
  void headOfTheRecipeKnowsItsClassNames() {
    PromptHead h = R.head();
    for (String c : R.classNames()) {
      assertTrue(h.vocabulary().classNames().contains(c), c);
    }
  }
}
