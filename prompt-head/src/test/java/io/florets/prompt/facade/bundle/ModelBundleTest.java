package io.florets.prompt.facade.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.Window;
import io.florets.prompt.facade.Florets;
import io.florets.prompt.facade.TinyModels;
import io.florets.prompt.readout.Label;
import io.florets.prompt.task.Tasks;
import io.florets.prompt.vocab.Vocabulary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelBundleTest {
  @TempDir
  Path tmp;

  @Test
  void roundTripKeepsAnswersAndProvenance() throws Exception {
    ModelBundle b = TinyModels.bundle();
    Path dir = tmp.resolve("model");
    b.save(dir);
    List<Window> ws = TinyModels.data().windows().subList(0, 4);
    Florets original = Florets.of(b);
    try (Florets loaded = Florets.load(dir)) {
      List<Label> a = original.askAll(ws, Tasks.CLASSIFY);
      List<Label> c = loaded.askAll(ws, Tasks.CLASSIFY);
      assertEquals(a, c);
      BundleProvenance p = loaded.bundle().provenance();
      assertEquals(b.provenance(), p);
      assertEquals("untrained", p.recipe());
      assertEquals(0, p.steps());
      assertEquals(1, loaded.bundle().channels());
      assertEquals(b.head().vocabulary().hash(), loaded.bundle().head().vocabulary().hash());
    }
  }

  @Test
  void folderWithAnotherVocabularyIsRefused() throws Exception {
    Path dir = tmp.resolve("mixed");
    TinyModels.bundle().save(dir);
    Vocabulary.standard().save(dir.resolve("vocabulary.json"));
    BundleException e = assertThrows(BundleException.class, () -> ModelBundle.load(dir));
    assertTrue(e.getMessage().contains("vocabulary"), e.getMessage());
  }

  @Test
  void folderWithoutManifestIsRefused() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("empty"));
    BundleException e = assertThrows(BundleException.class, () -> Florets.load(dir));
    assertTrue(e.getMessage().contains("bundle.json"), e.getMessage());
  }
}
