package io.florets.dataengine;

import io.florets.datasets.Series;
import io.florets.datasets.Window;
import io.florets.datasets.Windowing;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A user's series cut into fixed windows, each with the user's class label where one is known
 * (partial labels): the input of {@link Adaptation}.
 *
 * <p>Windows are cut every {@code stride} samples; when the last window does not end at the last
 * sample, one more window ending there is added ({@link Windowing.Tail#SHIFT_BACK}), so every
 * sample is covered. A series shorter than the window is refused (no padding: padded samples
 * would read as missing values to the labelers and the model). Immutable.
 */
public final class UserWindows {
  private final List<Window> windows;
  private final List<String> labels;

  private UserWindows(List<Window> windows, List<String> labels) {
    this.windows = List.copyOf(windows);
    this.labels = Collections.unmodifiableList(new ArrayList<>(labels));
  }

  /**
   * Windows labelled with the class of the series they come from (UCR/UEA {@code .ts},
   * {@code .arff}, {@code .tsv}): a series without a class gives unlabelled windows.
   *
   * @throws IllegalArgumentException if a series is shorter than the window, the channel counts
   *     differ or there is no series
   */
  public static UserWindows ofSeriesClasses(List<Series> series, int window, int stride) {
    Windowing w = windowing(series, window, stride);
    List<Window> ws = new ArrayList<>();
    List<String> ls = new ArrayList<>();
    for (Series s : series) {
      for (Window x : w.apply(s)) {
        ws.add(x);
        ls.add(s.classLabel().orElse(null));
      }
    }
    return new UserWindows(ws, ls);
  }

  /** Unlabelled windows of every series (a data-engine run with labelers only). */
  public static UserWindows unlabelled(List<Series> series, int window, int stride) {
    Windowing w = windowing(series, window, stride);
    List<Window> ws = new ArrayList<>();
    for (Series s : series) {
      ws.addAll(w.apply(s));
    }
    return new UserWindows(ws, Collections.nCopies(ws.size(), null));
  }

  /**
   * Windows of one series with a label per row (e.g. a CSV column): each window's label is the
   * most frequent non-empty row label over its rows (ties go to the value seen first in the
   * window); a window whose rows are all empty is unlabelled.
   *
   * @param rowLabels one label per sample of {@code series}; {@code ""} (or {@code null}) = none
   * @throws IllegalArgumentException if the sizes differ or the series is shorter than the window
   */
  public static UserWindows ofRowLabels(Series series, List<String> rowLabels, int window,
      int stride) {
    Objects.requireNonNull(rowLabels, "rowLabels");
    if (rowLabels.size() != series.length()) {
      throw new IllegalArgumentException("series '" + series.id() + "' has " + series.length()
          + " samples but " + rowLabels.size() + " row labels");
    }
    Windowing w = windowing(List.of(series), window, stride);
    List<Window> ws = new ArrayList<>();
    List<String> ls = new ArrayList<>();
    for (Window x : w.apply(series)) {
      ws.add(x);
      ls.add(majority(rowLabels, x.start(), x.length()));
    }
    return new UserWindows(ws, ls);
  }

  static String majority(List<String> rows, int start, int length) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (int t = start; t < start + length && t < rows.size(); t++) {
      String v = rows.get(t);
      if (v != null && !v.isEmpty()) {
        counts.merge(v, 1, Integer::sum);
      }
    }
    String best = null;
    int bestCount = 0;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (e.getValue() > bestCount) {
        best = e.getKey();
        bestCount = e.getValue();
      }
    }
    return best;
  }

  private static Windowing windowing(List<Series> series, int window, int stride) {
    if (series.isEmpty()) {
      throw new IllegalArgumentException("no series to cut into windows");
    }
    if (window < 2 || stride < 1) {
      throw new IllegalArgumentException("window must be >= 2 and stride >= 1 samples, got window "
          + window + ", stride " + stride);
    }
    int channels = series.get(0).channels();
    for (Series s : series) {
      if (s.length() < window) {
        throw new IllegalArgumentException("series '" + s.id() + "' has " + s.length()
            + " samples, fewer than the window of " + window + "; choose a window of at most "
            + s.length() + " samples");
      }
      if (s.channels() != channels) {
        throw new IllegalArgumentException("series '" + s.id() + "' has " + s.channels()
            + " channels but series '" + series.get(0).id() + "' has " + channels
            + "; every series must have the same channels");
      }
    }
    return Windowing.fixed(window, stride, Windowing.Tail.SHIFT_BACK);
  }

  /** The windows, in series then start order. */
  public List<Window> windows() {
    return windows;
  }

  /** Per window its class name, {@code null} where unlabelled (unmodifiable). */
  public List<String> labels() {
    return labels;
  }

  /** Number of windows. */
  public int size() {
    return windows.size();
  }

  /** Number of labelled windows. */
  public int labelledCount() {
    int n = 0;
    for (String l : labels) {
      n += l == null ? 0 : 1;
    }
    return n;
  }

  /** The class names in order of first appearance. */
  public List<String> classNames() {
    Set<String> s = new LinkedHashSet<>();
    for (String l : labels) {
      if (l != null) {
        s.add(l);
      }
    }
    return List.copyOf(s);
  }

  /** Channels per window. */
  public int channels() {
    return windows.isEmpty() ? 0 : windows.get(0).channels();
  }
}
