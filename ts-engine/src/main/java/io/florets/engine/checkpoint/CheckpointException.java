package io.florets.engine.checkpoint;

/** A checkpoint could not be written or read: I/O failure, corruption, truncation or a mismatch. */
public final class CheckpointException extends Exception {
  private static final long serialVersionUID = 1L;

  /** With a message naming the file and what was wrong. */
  public CheckpointException(String message) {
    super(message);
  }

  /** With a message and the cause. */
  public CheckpointException(String message, Throwable cause) {
    super(message, cause);
  }
}
