package io.florets.datasets.io;

import io.florets.datasets.Series;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The whole content of a series file: its format, the series in file order, and file-level
 * metadata (e.g. {@code problemName}, declared class labels).
 *
 * @param format the detected format
 * @param source the file it was read from
 * @param series the series in file order, at least one
 * @param metadata file-level metadata; keys depend on the format
 */
public record SeriesFile(SeriesFormat format, Path source, List<Series> series,
    Map<String, String> metadata) {
  public SeriesFile {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(source, "source");
    series = List.copyOf(series);
    metadata = Map.copyOf(metadata);
  }

  /** Number of series. */
  public int size() {
    return series.size();
  }
}
