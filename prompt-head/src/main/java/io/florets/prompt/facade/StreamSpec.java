package io.florets.prompt.facade;

/**
 * How a {@link WindowStream} cuts windows from pushed samples: windows of {@link #length()} samples,
 * one every {@link #stride()} samples, of {@link #channels()} values per time step. Build it by
 * name so that the three numbers cannot be swapped:
 * {@code StreamSpec.windowsOf(256).every(64)} (one channel) or
 * {@code StreamSpec.windowsOf(256).every(64).channels(6)}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param length samples per window (at least 1)
 * @param stride samples between the starts of consecutive windows (at least 1; equal to
 *     {@code length} for windows that neither overlap nor leave gaps)
 * @param channels values per time step (at least 1)
 */
public record StreamSpec(int length, int stride, int channels) {
  /** Validates: every number must be at least 1. */
  public StreamSpec {
    check("length", length);
    check("stride", stride);
    check("channels", channels);
  }

  /** Windows of {@code length} samples of a one-channel stream, one after the other (stride = length). */
  public static StreamSpec windowsOf(int length) {
    check("length", length);
    return new StreamSpec(length, length, 1);
  }

  /** The same windows, cut every {@code stride} samples (stride below length: overlapping windows). */
  public StreamSpec every(int stride) {
    return new StreamSpec(length, stride, channels);
  }

  /** The same windows over {@code channels} values per time step. */
  public StreamSpec channels(int channels) {
    return new StreamSpec(length, stride, channels);
  }

  private static void check(String what, int v) {
    if (v < 1) {
      throw new IllegalArgumentException("stream window " + what + " must be at least 1, got " + v);
    }
  }
}
