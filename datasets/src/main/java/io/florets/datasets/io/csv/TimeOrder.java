package io.florets.datasets.io.csv;

/**
 * What a CSV read does when the timestamp column is not strictly increasing (a duplicate or a
 * step back in time, as in some real sensor logs).
 */
public enum TimeOrder {
  /**
   * Reject the file, naming the line and the two timestamps. The default of the readers'
   * methods without a policy ({@code SeriesFiles.read(path)}); the {@code florets} commands default
   * to {@link #KEEP_SAMPLES} and take this one with {@code --time-order STRICT}.
   */
  STRICT,
  /**
   * Keep every sample in file order and drop only the time axis: the series then has no
   * timestamps, and its file metadata names the first offending line under
   * {@code timestampsDropped}. No sample is lost; positions stay sample indices.
   */
  KEEP_SAMPLES
}
