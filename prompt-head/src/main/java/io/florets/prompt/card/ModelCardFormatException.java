package io.florets.prompt.card;

import java.io.IOException;

/**
 * A {@code card.json} that cannot be used: not the format, edited or corrupted (checksum
 * mismatch), invalid content, or measured with other weights. The message names the file and the
 * value.
 */
public final class ModelCardFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  /** An error whose message names the file and the problem. */
  public ModelCardFormatException(String message) {
    super(message);
  }

  /** An error with its cause. */
  public ModelCardFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
