package io.florets.labelers.nab;

import java.util.Arrays;
import java.util.List;

/**
 * One NAB data file: its timestamps (as written in the file), values, and labelled windows.
 *
 * <p>Immutable and thread-safe: arrays are copied in and out.
 */
public final class NabSeries {
  private final String relativePath;
  private final String[] timestamps;
  private final double[] values;
  private final List<IndexWindow> windows;

  private NabSeries(String relativePath, String[] timestamps, double[] values, List<IndexWindow> windows) {
    this.relativePath = relativePath;
    this.timestamps = timestamps;
    this.values = values;
    this.windows = windows;
  }

  /**
   * Creates a series.
   *
   * @param relativePath the file's path relative to the corpus root, e.g. {@code realKnownCause/nyc_taxi.csv}
   * @param timestamps one per row, as written in the file; copied
   * @param values one finite value per row; copied
   * @param windows ordered, non-overlapping windows inside {@code [0, rows)}
   * @throws IllegalArgumentException on empty or mismatched arrays, non-finite values, or windows that
   *     overlap, are out of order, or leave the file
   */
  public static NabSeries of(String relativePath, String[] timestamps, double[] values, List<IndexWindow> windows) {
    if (relativePath == null || relativePath.isBlank()) {
      throw new IllegalArgumentException("relative path must be non-blank, got '" + relativePath + "'");
    }
    if (values.length == 0 || timestamps.length != values.length) {
      throw new IllegalArgumentException(relativePath + ": need as many timestamps as values (>0), got "
          + timestamps.length + " and " + values.length);
    }
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(relativePath + ": value at row " + i + " is " + values[i]);
      }
    }
    int prevEnd = -1;
    for (IndexWindow w : windows) {
      if (w.start() <= prevEnd || w.end() >= values.length) {
        throw new IllegalArgumentException(relativePath + ": window " + w
            + " overlaps the previous one, is out of order, or passes the last row " + (values.length - 1));
      }
      prevEnd = w.end();
    }
    return new NabSeries(relativePath, timestamps.clone(), values.clone(), List.copyOf(windows));
  }

  /** The file's path relative to the corpus root, with {@code /} separators. */
  public String relativePath() {
    return relativePath;
  }

  /** Number of rows. */
  public int length() {
    return values.length;
  }

  /** The values (a copy). */
  public double[] values() {
    return values.clone();
  }

  /** The value at row {@code i}. */
  public double value(int i) {
    return values[i];
  }

  /** The timestamp text at row {@code i}. */
  public String timestamp(int i) {
    return timestamps[i];
  }

  /** The labelled windows, in order. */
  public List<IndexWindow> windows() {
    return windows;
  }

  /** NAB's probationary length of this file: {@code min(floor(0.15 n), 750)}. */
  public int probationaryLength() {
    return NabScorer.probationaryLength(values.length);
  }

  /** 1 for rows inside a window, else 0 (NAB's {@code label} column). */
  public int[] labels() {
    int[] l = new int[values.length];
    for (IndexWindow w : windows) {
      Arrays.fill(l, w.start(), w.end() + 1, 1);
    }
    return l;
  }

  @Override
  public String toString() {
    return "NabSeries[" + relativePath + ", rows=" + values.length + ", windows=" + windows.size() + "]";
  }
}
