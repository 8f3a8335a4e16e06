package io.florets.prompt.vocab;

import java.io.IOException;

/** A vocabulary file is not a valid vocabulary, or its content does not match its recorded hash. */
public final class VocabularyFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message naming the file and the problem. */
  public VocabularyFormatException(String message) {
    super(message);
  }

  /** An exception with a message and the underlying cause. */
  public VocabularyFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
