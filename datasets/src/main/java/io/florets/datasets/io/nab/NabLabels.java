package io.florets.datasets.io.nab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.florets.datasets.Series;
import io.florets.datasets.io.DataFormatException;
import io.florets.datasets.io.TextFile;
import io.florets.datasets.io.csv.Timestamps;
import io.florets.datasets.target.Event;
import io.florets.datasets.target.EventType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * NAB label windows: {@code combined_windows.json} maps a data file (relative to NAB's
 * {@code data/} folder, e.g. {@code realKnownCause/nyc_taxi.csv}) to a list of
 * {@code [start, end]} timestamp pairs. {@link #events} turns one file's windows into
 * {@link EventType#ANOMALY} events at the series' sample indices. Immutable and thread-safe.
 */
public final class NabLabels {
  private final Path source;
  private final Map<String, List<TimeRange>> windows;

  private NabLabels(Path source, Map<String, List<TimeRange>> windows) {
    this.source = source;
    this.windows = windows;
  }

  /** Reads a {@code combined_windows.json} file, checking every entry. */
  public static NabLabels read(Path path) throws IOException {
    return read(TextFile.read(path));
  }

  /** Reads already decoded text (e.g. a bundled resource). */
  public static NabLabels read(TextFile f) throws DataFormatException {
    Path path = f.path();
    if (f.isBlank()) {
      throw DataFormatException.inFile(path, "file is empty; expected a JSON object of label windows");
    }
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(f.text());
    } catch (JsonProcessingException e) {
      long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      int col = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
      throw DataFormatException.at(path, line, col, "invalid JSON: " + e.getOriginalMessage());
    }
    if (!root.isObject()) {
      throw DataFormatException.inFile(path, "top level is " + root.getNodeType()
          + "; expected an object mapping file names to window lists");
    }
    Map<String, List<TimeRange>> out = new TreeMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = root.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      out.put(e.getKey(), ranges(path, e.getKey(), e.getValue()));
    }
    return new NabLabels(path, out);
  }

  private static List<TimeRange> ranges(Path path, String key, JsonNode list) throws DataFormatException {
    if (!list.isArray()) {
      throw DataFormatException.atRecord(path, "entry '" + key + "'", "found " + list.getNodeType()
          + "; expected a list of [start, end] pairs", null);
    }
    List<TimeRange> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode pair = list.get(i);
      String rec = "entry '" + key + "', window " + i;
      if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isTextual() || !pair.get(1).isTextual()) {
        throw DataFormatException.atRecord(path, rec, "found " + pair
            + "; expected a pair of timestamp strings", null);
      }
      long s = time(path, rec, pair.get(0).asText());
      long e = time(path, rec, pair.get(1).asText());
      if (e < s) {
        throw DataFormatException.atRecord(path, rec, "ends at " + pair.get(1).asText()
            + " before it starts at " + pair.get(0).asText() + "; expected start <= end", null);
      }
      if (!out.isEmpty() && s <= out.get(out.size() - 1).endMillis()) {
        throw DataFormatException.atRecord(path, rec, "starts at " + pair.get(0).asText()
            + ", inside or before the previous window; expected sorted, disjoint windows", null);
      }
      out.add(new TimeRange(s, e));
    }
    return List.copyOf(out);
  }

  private static long time(Path path, String rec, String text) throws DataFormatException {
    OptionalLong t = Timestamps.parse(text);
    if (t.isEmpty()) {
      throw DataFormatException.atRecord(path, rec, "found '" + text + "'; expected "
          + Timestamps.EXPECTED, null);
    }
    return t.getAsLong();
  }

  /** The file this was read from. */
  public Path source() {
    return source;
  }

  /**
   * Checks that every data file the labels name is present under {@code dataDir} (NAB's
   * {@code data/} folder; a key resolves as {@code dataDir.resolve(key)}). A benchmark run over
   * fewer files than its labels name would score another corpus without saying so, e.g. after a
   * partial download or with a data folder one level too deep; to score a subset on purpose, give
   * labels that name only that subset.
   *
   * @throws DataFormatException naming the labels file, the data folder, how many entries have no
   *     file and the first of them
   */
  public void requireFilesUnder(Path dataDir) throws DataFormatException {
    List<String> missing = new ArrayList<>();
    for (String key : windows.keySet()) {
      boolean present;
      try {
        present = java.nio.file.Files.isRegularFile(dataDir.resolve(key));
      } catch (java.nio.file.InvalidPathException e) {
        present = false;
      }
      if (!present) {
        missing.add(key);
      }
    }
    if (!missing.isEmpty()) {
      throw DataFormatException.inFile(source, missing.size() + " of its " + windows.size()
          + " entries name a data file that is not under " + dataDir + ": "
          + String.join(", ", missing.subList(0, Math.min(5, missing.size())))
          + (missing.size() > 5 ? ", ..." : "") + "; point the data folder at the one that holds "
          + "them, or give labels that name only the files to score");
    }
  }

  /** The data files named in the labels, sorted. */
  public List<String> files() {
    return List.copyOf(windows.keySet());
  }

  /**
   * The windows of one data file.
   *
   * @param file the key as NAB writes it, e.g. {@code realKnownCause/nyc_taxi.csv}
   * @throws IllegalArgumentException if the labels do not name that file
   */
  public List<TimeRange> windows(String file) {
    List<TimeRange> w = windows.get(file);
    if (w == null) {
      throw new IllegalArgumentException("labels " + source + " have no entry '" + file
          + "'; they name " + windows.size() + " files, e.g. " + windows.keySet().stream().limit(3).toList());
    }
    return w;
  }

  /** The NAB key of a data file: its folder name and file name, e.g. {@code realKnownCause/nyc_taxi.csv}. */
  public static String keyOf(Path dataFile) {
    Path parent = dataFile.toAbsolutePath().getParent();
    String name = dataFile.getFileName().toString();
    return parent == null || parent.getFileName() == null ? name : parent.getFileName() + "/" + name;
  }

  /**
   * Maps time windows onto the sample indices of {@code series} as {@link EventType#ANOMALY} events
   * over the whole window (all channels): each event runs from the first sample at or after the
   * window's start to the last sample at or before its end.
   *
   * @throws IllegalArgumentException if the series has no timestamps, or a window holds no sample
   */
  public static List<Event> events(Series series, List<TimeRange> ranges) {
    long[] ts = series.timestamps().orElseThrow(() -> new IllegalArgumentException("series '"
        + series.id() + "' has no timestamps; NAB windows need them"));
    List<Event> out = new ArrayList<>();
    for (TimeRange r : ranges) {
      int first = lowerBound(ts, r.startMillis());
      int last = lowerBound(ts, r.endMillis() + 1) - 1;
      if (first > last) {
        throw new IllegalArgumentException("NAB window " + Timestamps.format(r.startMillis()) + " .. "
            + Timestamps.format(r.endMillis()) + " holds no sample of series '" + series.id()
            + "' (" + Timestamps.format(ts[0]) + " .. " + Timestamps.format(ts[ts.length - 1]) + ")");
      }
      out.add(new Event(EventType.ANOMALY, first, last));
    }
    return List.copyOf(out);
  }

  /** Index of the first element &ge; {@code key} ({@code ts.length} if none). */
  private static int lowerBound(long[] ts, long key) {
    int lo = 0;
    int hi = ts.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (ts[mid] < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
