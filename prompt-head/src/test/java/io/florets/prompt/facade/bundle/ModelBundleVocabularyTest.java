package io.florets.prompt.facade.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.Window;
import io.florets.prompt.facade.Florets;
import io.florets.prompt.facade.TinyModels;
import io.florets.prompt.readout.Label;
import io.florets.prompt.task.Tasks;
import io.florets.prompt.vocab.TokenGroup;
import io.florets.prompt.vocab.Vocabulary;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelBundleVocabularyTest {
  private static final List<String> NAMES = List.of("walk", "run fast", "increasing");

  @Test
  void userClassNamesExtendTheVocabularyAndKeepTheOldLogits(@TempDir Path tmp) throws Exception {
    ModelBundle b = TinyModels.bundle();
    Vocabulary old = b.head().vocabulary();
    List<Window> ws = TinyModels.data().windows().subList(0, 3);
    int[] classify = b.head().promptTokens(Tasks.CLASSIFY.prompt());
    int[] caption = b.head().promptTokens(Tasks.CAPTION.prompt());
    int[][] prompts = {classify, caption, classify};
    int[][] targets = {{old.id("increasing")}, {old.id("increasing"), old.id("steady")},
        {old.id("decreasing")}};
    float[][][] before = b.model().teacherForcedLogits(ws, prompts, targets);
    try (ModelBundle x = b.withClassNames(NAMES, 9)) {
      Vocabulary v = x.head().vocabulary();
      assertEquals(NAMES, v.classNames());
      assertEquals(old.size() + 2, v.size(), "two names are new tokens, 'increasing' is a word");
      for (int i = 0; i < old.size(); i++) {
        assertEquals(old.token(i), v.token(i), "id " + i);
      }
      assertFalse(v.in(TokenGroup.CLASS_NAME, v.id("steady")), "a former class name is a word");
      assertTrue(v.in(TokenGroup.WORD, v.id("steady")));
      float[][][] after = x.model().teacherForcedLogits(ws, prompts, targets);
      for (int r = 0; r < before.length; r++) {
        for (int t = 0; t < before[r].length; t++) {
          assertArrayEquals(before[r][t], Arrays.copyOf(after[r][t], old.size()), 1e-5f,
              "row " + r + " step " + t);
        }
      }
      x.save(tmp.resolve("m"));
      try (Florets f = Florets.load(tmp.resolve("m"))) {
        assertEquals(NAMES, f.bundle().head().vocabulary().classNames());
        float[][][] loaded = f.bundle().model().teacherForcedLogits(ws, prompts, targets);
        assertArrayEquals(after[1][2], loaded[1][2], 0f);
        for (Label l : f.askAll(ws, Tasks.CLASSIFY)) {
          assertTrue(NAMES.contains(l.name()), "answer " + l.name());
        }
      }
    }
    // the original is untouched
    assertArrayEquals(before[0][0], b.model().teacherForcedLogits(ws, prompts, targets)[0][0], 0f);
  }

  @Test
  void aVocabularyThatIsNotAnExtensionIsRefusedNamingTheId() {
    ModelBundle b = TinyModels.bundle();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> b.withVocabulary(Vocabulary.builder().channels(32).build(), 1));
    assertTrue(e.getMessage().matches(".*id \\d+ is '.*' but the model's is '.*"), e.getMessage());
  }
}
