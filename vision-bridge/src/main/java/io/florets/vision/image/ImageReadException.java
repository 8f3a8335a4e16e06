package io.florets.vision.image;

import java.io.IOException;

/** The checked exception of the image file boundary: a file that cannot be read or written as an image. */
public final class ImageReadException extends IOException {
  private static final long serialVersionUID = 1L;

  /** An error about an image file; the message names the file and what was wrong. */
  public ImageReadException(String message) {
    super(message);
  }

  /** An error about an image file with its cause. */
  public ImageReadException(String message, Throwable cause) {
    super(message, cause);
  }
}
