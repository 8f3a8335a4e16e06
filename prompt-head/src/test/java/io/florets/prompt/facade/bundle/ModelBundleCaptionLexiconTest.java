package io.florets.prompt.facade.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.Window;
import io.florets.datasets.synthetic.SyntheticConfig;
import io.florets.datasets.synthetic.SyntheticGenerator;
import io.florets.engine.EngineConfig;
import io.florets.engine.series.SeriesFrontEndConfig;
import io.florets.prompt.PromptHead;
import io.florets.prompt.facade.Florets;
import io.florets.prompt.grammar.CaptionLexicon;
import io.florets.prompt.readout.Caption;
import io.florets.prompt.task.Tasks;
import io.florets.prompt.vocab.Vocabulary;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A head's caption lexicon is saved with the model and constrains the loaded model's captions. */
class ModelBundleCaptionLexiconTest {
  private static final CaptionLexicon LEXICON = CaptionLexicon.of(List.of("a", "rising", "series", "qzx", "7", "."));

  @Test
  void theCaptionLexiconRoundTripsAndConstrainsAnswers(@TempDir Path tmp) throws Exception {
    EngineConfig e = EngineConfig.tiny().withMaxLengths(32, 64);
    PromptHead head = PromptHead.of(Vocabulary.standard()).withCaptionLexicon(LEXICON);
    List<Window> ws = SyntheticGenerator.generate(SyntheticConfig.of(3, 128, 5)).windows();
    try (ModelBundle b = ModelBundle.create(e, SeriesFrontEndConfig.defaults(e.dModel()), head, 3)) {
      b.save(tmp.resolve("with"));
      try (ModelBundle x = b.withVocabulary(Vocabulary.standard().withClassNames(List.of("up")), 1)) {
        assertEquals(Optional.of(LEXICON), x.head().captionLexicon());
      }
    }
    try (Florets f = Florets.load(tmp.resolve("with"))) {
      assertEquals(Optional.of(LEXICON), f.bundle().head().captionLexicon());
      Set<String> words = Set.copyOf(LEXICON.entries());
      for (Caption c : f.askAll(ws, Tasks.CAPTION)) {
        for (String w : c.text().replace(".", " .").trim().split(" +")) {
          assertTrue(words.contains(w), () -> "'" + w + "' of the untrained model's caption '" + c.text() + "'");
        }
      }
    }
    try (ModelBundle b = ModelBundle.create(e, SeriesFrontEndConfig.defaults(e.dModel()), PromptHead.of(
        Vocabulary.standard()), 3)) {
      b.save(tmp.resolve("without"));
    }
    try (ModelBundle b = ModelBundle.load(tmp.resolve("without"))) {
      assertTrue(b.head().captionLexicon().isEmpty());
    }
  }
}
