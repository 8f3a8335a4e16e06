package io.florets.prompt.facade.bundle;

/** A model folder that cannot be read or written: missing file, corrupt content, mismatch. */
public final class BundleException extends Exception {
  private static final long serialVersionUID = 1L;

  /** An error with a message naming the folder and the problem. */
  public BundleException(String message) {
    super(message);
  }

  /** An error with its cause. */
  public BundleException(String message, Throwable cause) {
    super(message, cause);
  }
}
