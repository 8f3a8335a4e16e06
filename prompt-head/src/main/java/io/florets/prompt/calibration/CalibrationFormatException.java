package io.florets.prompt.calibration;

import java.io.IOException;

/**
 * A {@code calibration.json} that cannot be used: not the format, edited or corrupted (checksum
 * mismatch), invalid knots, or made for another model. The message names the file and the value.
 */
public final class CalibrationFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  /** An error whose message names the file and the problem. */
  public CalibrationFormatException(String message) {
    super(message);
  }

  /** An error with its cause. */
  public CalibrationFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
