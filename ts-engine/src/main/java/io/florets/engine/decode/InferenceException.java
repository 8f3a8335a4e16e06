package io.florets.engine.decode;

/** Inference through an {@link InferencePool} failed inside the engine or was interrupted. */
public final class InferenceException extends Exception {
  private static final long serialVersionUID = 1L;

  /** With a message and the cause. */
  public InferenceException(String message, Throwable cause) {
    super(message, cause);
  }
}
