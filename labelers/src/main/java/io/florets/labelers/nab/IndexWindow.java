package io.florets.labelers.nab;

/**
 * A labelled anomaly window as row positions of one data file.
 *
 * @param start first row of the window (inclusive, 0-based)
 * @param end last row of the window (inclusive)
 */
public record IndexWindow(int start, int end) {

  /** Validates {@code 0 <= start <= end}. */
  public IndexWindow {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("window needs 0 <= start <= end, got [" + start + ", " + end + "]");
    }
  }

  /** Number of rows in the window. */
  public int width() {
    return end - start + 1;
  }

  /** Whether row {@code i} lies in the window. */
  public boolean contains(int i) {
    return i >= start && i <= end;
  }
}
