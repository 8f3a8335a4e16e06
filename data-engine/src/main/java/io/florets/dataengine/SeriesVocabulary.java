package io.florets.dataengine;

import io.florets.labelers.caption.CaptionComposer;
import io.florets.prompt.vocab.Vocabulary;
import io.florets.prompt.vocab.VocabularyBuilder;

/**
 * The vocabulary for series models trained on the labelers' composed captions: the standard
 * vocabulary plus the caption composer's closed vocabulary ({@link CaptionComposer#vocabulary()}),
 * so that every composed caption is encoded with whole-word tokens and needs no spelling. It lives
 * here, not in the prompt head, because the head does not know the labelers.
 */
public final class SeriesVocabulary {
  private SeriesVocabulary() {
  }

  /** A builder holding the standard vocabulary plus the caption composer's words. */
  public static VocabularyBuilder builder() {
    return Vocabulary.builder()
        .words(CaptionComposer.vocabulary().stream().filter(w -> !w.isEmpty()).toList());
  }

  /** The series vocabulary; add a dataset's class names with {@link Vocabulary#withClassNames}. */
  public static Vocabulary of() {
    return builder().build();
  }
}
