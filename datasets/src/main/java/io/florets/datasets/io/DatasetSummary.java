package io.florets.datasets.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.florets.datasets.DenseDataset;
import io.florets.datasets.Series;
import io.florets.datasets.Window;
import io.florets.datasets.io.csv.Timestamps;
import io.florets.datasets.target.Annotation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a file holds, in numbers: format, number of series (or windows), channels, lengths, class
 * counts, missing values, the time span covered by timestamps, and for dense datasets the
 * annotation counts by kind and by source. {@link #report()} gives the JSON shape used by
 * {@code florets inspect --json}; {@link #describe()} a readable text. Immutable.
 *
 * @param format format key ({@link SeriesFormat#key()})
 * @param source the file
 * @param series number of series (windows for a dense dataset)
 * @param minChannels fewest channels of any series
 * @param maxChannels most channels of any series
 * @param minLength shortest series, in samples
 * @param maxLength longest series, in samples
 * @param classes class label &rarr; number of series, sorted by label
 * @param targets number of series with a numeric (regression) target
 * @param missingValues number of missing ({@code NaN}) samples over all series and channels
 * @param timeSpan first and last timestamp over all series, if they have timestamps
 * @param annotations annotation counts of a dense dataset, if it is one
 */
public record DatasetSummary(String format, Path source, int series, int minChannels,
    int maxChannels, int minLength, int maxLength, SortedMap<String, Long> classes, long targets,
    long missingValues, Optional<TimeSpan> timeSpan, Optional<AnnotationCounts> annotations) {

  public DatasetSummary {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(source, "source");
    classes = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(classes));
    Objects.requireNonNull(timeSpan, "timeSpan");
    Objects.requireNonNull(annotations, "annotations");
  }

  /**
   * The time covered by timestamps.
   *
   * @param startMillis first timestamp, epoch ms
   * @param endMillis last timestamp, epoch ms
   */
  public record TimeSpan(long startMillis, long endMillis) {
  }

  /**
   * Annotation counts of a dense dataset.
   *
   * @param total all annotations
   * @param byKind kind key (e.g. {@code "event"}) &rarr; count, sorted
   * @param bySource source name &rarr; count, sorted
   */
  public record AnnotationCounts(long total, SortedMap<String, Long> byKind, SortedMap<String, Long> bySource) {
  }

  /** The summary of a series file. */
  public static DatasetSummary of(SeriesFile file) {
    Acc a = new Acc();
    for (Series s : file.series()) {
      a.add(s.channels(), s.length(), s.classLabel().orElse(null), s.missingCount(),
          s.timestamps().orElse(null));
      a.targets += s.target().isPresent() ? 1 : 0;
    }
    return a.build(file.format().key(), file.source(), file.size(), Optional.empty());
  }

  /** The summary of a dense dataset read from {@code source}. */
  public static DatasetSummary of(Path source, DenseDataset d) {
    Acc a = new Acc();
    long total = 0;
    SortedMap<String, Long> byKind = new TreeMap<>();
    SortedMap<String, Long> bySource = new TreeMap<>();
    for (DenseDataset.Entry e : d.entries()) {
      Window w = e.window();
      long missing = 0;
      for (int c = 0; c < w.channels(); c++) {
        for (float v : w.channelView(c)) {
          missing += Float.isNaN(v) ? 1 : 0;
        }
      }
      a.add(w.channels(), w.length(), w.classLabel().orElse(null), missing, w.timestamps().orElse(null));
      for (Annotation an : e.annotations()) {
        total++;
        byKind.merge(TargetFields.kindKey(an.target().kind()), 1L, Long::sum);
        bySource.merge(an.source(), 1L, Long::sum);
      }
    }
    return a.build(SeriesFormat.ARROW_DENSE.key(), source, d.size(),
        Optional.of(new AnnotationCounts(total, byKind, bySource)));
  }

  private static final class Acc {
    int minC = Integer.MAX_VALUE;
    int maxC;
    int minL = Integer.MAX_VALUE;
    int maxL;
    long missing;
    long targets;
    long t0 = Long.MAX_VALUE;
    long t1 = Long.MIN_VALUE;
    final SortedMap<String, Long> classes = new TreeMap<>();

    void add(int channels, int length, String label, long miss, long[] ts) {
      minC = Math.min(minC, channels);
      maxC = Math.max(maxC, channels);
      minL = Math.min(minL, length);
      maxL = Math.max(maxL, length);
      missing += miss;
      if (label != null) {
        classes.merge(label, 1L, Long::sum);
      }
      if (ts != null && ts.length > 0) {
        t0 = Math.min(t0, ts[0]);
        t1 = Math.max(t1, ts[ts.length - 1]);
      }
    }

    DatasetSummary build(String format, Path source, int n, Optional<AnnotationCounts> ann) {
      boolean empty = n == 0;
      Optional<TimeSpan> span = t0 <= t1 ? Optional.of(new TimeSpan(t0, t1)) : Optional.empty();
      return new DatasetSummary(format, source, n, empty ? 0 : minC, maxC, empty ? 0 : minL, maxL,
          classes, targets, missing, span, ann);
    }
  }

  /**
   * The JSON shape (what {@code florets inspect --json} prints): keys {@code format, source,
   * series, channels} (or {@code minChannels, maxChannels} when they differ), {@code minLength,
   * maxLength}, {@code length} (when all are equal), {@code classes, targets, missingValues},
   * {@code timeSpan} ({@code start, end} as ISO instants, {@code durationMillis}) and
   * {@code annotations} when present. Dense datasets also carry {@code windows} and
   * {@code windowLength}.
   */
  public Report report() {
    boolean dense = annotations.isPresent();
    boolean sameLength = minLength == maxLength;
    boolean sameChannels = minChannels == maxChannels;
    return new Report(format, source.toString(), series, dense ? series : null,
        dense && sameLength ? minLength : null, sameChannels ? minChannels : null,
        sameChannels ? null : minChannels, sameChannels ? null : maxChannels, minLength, maxLength,
        sameLength ? minLength : null, classes, targets, missingValues,
        timeSpan.map(t -> new SpanReport(Timestamps.format(t.startMillis()),
            Timestamps.format(t.endMillis()), t.endMillis() - t.startMillis())).orElse(null),
        annotations.orElse(null));
  }

  /**
   * A summary as written to JSON; absent ({@code null}) components are left out.
   *
   * @param format format key
   * @param source the file
   * @param series number of series (windows for a dense dataset)
   * @param windows number of windows, for a dense dataset
   * @param windowLength window length, for a dense dataset whose windows are all as long
   * @param channels channels, when all series have as many
   * @param minChannels fewest channels, when series differ
   * @param maxChannels most channels, when series differ
   * @param minLength shortest series
   * @param maxLength longest series
   * @param length the length, when all series are as long
   * @param classes class label to number of series
   * @param targets series with a numeric target
   * @param missingValues missing samples
   * @param timeSpan the time covered, when there are timestamps
   * @param annotations annotation counts, for a dense dataset
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Report(String format, String source, int series, Integer windows,
      Integer windowLength, Integer channels, Integer minChannels, Integer maxChannels,
      int minLength, int maxLength, Integer length, SortedMap<String, Long> classes, long targets,
      long missingValues, SpanReport timeSpan, AnnotationCounts annotations) {
  }

  /**
   * A time span as written to JSON.
   *
   * @param start first timestamp, ISO-8601 instant
   * @param end last timestamp, ISO-8601 instant
   * @param durationMillis {@code end - start} in milliseconds
   */
  public record SpanReport(String start, String end, long durationMillis) {
  }

  /** A readable multi-line description (no trailing newline). */
  public String describe() {
    List<String> l = new ArrayList<>();
    boolean dense = annotations.isPresent();
    l.add(source + " (" + format + ")");
    l.add("  " + (dense ? "windows" : "series") + ":        " + series);
    l.add("  channels:      " + (minChannels == maxChannels ? String.valueOf(minChannels)
        : minChannels + ".." + maxChannels));
    l.add("  length:        " + (minLength == maxLength ? String.valueOf(minLength)
        : minLength + ".." + maxLength) + " samples");
    l.add("  classes:       " + (classes.isEmpty() ? "none" : classes.size() + " " + classes));
    if (targets > 0) {
      l.add("  targets:       " + targets + " series with a numeric target");
    }
    l.add("  missing:       " + missingValues + " values");
    timeSpan.ifPresent(t -> l.add("  time span:     " + Timestamps.format(t.startMillis()) + " .. "
        + Timestamps.format(t.endMillis())));
    annotations.ifPresent(a -> {
      l.add("  annotations:   " + a.total());
      l.add("    by kind:     " + a.byKind());
      l.add("    by source:   " + a.bySource());
    });
    return String.join("\n", l);
  }
}
