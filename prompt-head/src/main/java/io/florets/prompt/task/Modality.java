package io.florets.prompt.task;

/** What a task is asked about: a series window or an image. */
public enum Modality {
  /** A (possibly multivariate) time-series window. */
  SERIES,
  /** An image. */
  IMAGE;

  /** Lower-case name used in JSON ({@code "series"}, {@code "image"}). */
  public String jsonName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
