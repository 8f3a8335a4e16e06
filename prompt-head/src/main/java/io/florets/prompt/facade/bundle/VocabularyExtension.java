package io.florets.prompt.facade.bundle;

import io.florets.prompt.vocab.Vocabulary;
import java.util.Objects;

/** The rule a model's vocabulary grows by: tokens are only ever appended. */
final class VocabularyExtension {
  private VocabularyExtension() {
  }

  /**
   * Checks that {@code larger} keeps every token of {@code old} at its id.
   *
   * @throws IllegalArgumentException naming the first differing id
   */
  static void check(Vocabulary old, Vocabulary larger) {
    Objects.requireNonNull(larger, "larger");
    if (larger.size() < old.size()) {
      throw new IllegalArgumentException("vocabulary of " + larger.size() + " tokens cannot "
          + "extend the model's " + old.size() + " tokens");
    }
    for (int i = 0; i < old.size(); i++) {
      if (!old.token(i).equals(larger.token(i))) {
        throw new IllegalArgumentException("vocabulary is not an extension of the model's: id " + i
            + " is '" + larger.token(i) + "' but the model's is '" + old.token(i)
            + "'; a model's vocabulary can only grow by appended tokens");
      }
    }
    if (larger.channels() != old.channels()) {
      throw new IllegalArgumentException("vocabulary has " + larger.channels()
          + " channel tokens, the model's has " + old.channels());
    }
  }
}
