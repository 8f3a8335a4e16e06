package io.florets.labelers.nab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Reads a NAB corpus: every {@code *.csv} under a data folder ({@code timestamp,value} columns) with its
 * windows from NAB's {@code combined_windows.json} (keys are paths relative to the data folder, window
 * limits are timestamps of rows of the file).
 *
 * <p>Stateless and thread-safe.
 */
public final class NabCorpusReader {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS]");

  private NabCorpusReader() {}

  /**
   * Reads every data file under {@code dataDir} (sorted by relative path) with its windows.
   *
   * @throws IOException when a file cannot be read, a data file has no entry in the windows file, or a
   *     window limit is not a timestamp of its file
   */
  public static List<NabSeries> read(Path dataDir, Path windowsJson) throws IOException {
    Map<String, List<String[]>> windows = readWindows(windowsJson);
    List<Path> files;
    try (Stream<Path> s = Files.walk(dataDir)) {
      files = s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".csv"))
          .sorted().collect(Collectors.toList());
    }
    if (files.isEmpty()) {
      throw new IOException(dataDir + ": no .csv data files found");
    }
    List<NabSeries> out = new ArrayList<>();
    for (Path f : files) {
      String rel = dataDir.relativize(f).toString().replace('\\', '/');
      List<String[]> limits = windows.get(rel);
      if (limits == null) {
        throw new IOException(f + ": no entry '" + rel + "' in " + windowsJson);
      }
      out.add(readFile(f, rel, limits));
    }
    return List.copyOf(out);
  }

  /** Reads NAB's windows file: relative path to the list of [start, end] timestamp texts. */
  static Map<String, List<String[]>> readWindows(Path windowsJson) throws IOException {
    JsonNode root = new ObjectMapper().readTree(windowsJson.toFile());
    if (root == null || !root.isObject()) {
      throw new IOException(windowsJson + ": expected a JSON object of file -> windows");
    }
    Map<String, List<String[]>> out = new HashMap<>();
    var it = root.fields();
    while (it.hasNext()) {
      var e = it.next();
      List<String[]> list = new ArrayList<>();
      for (JsonNode w : e.getValue()) {
        if (!w.isArray() || w.size() != 2) {
          throw new IOException(windowsJson + ": '" + e.getKey() + "' has a window that is not [start, end]: " + w);
        }
        list.add(new String[] {w.get(0).asText(), w.get(1).asText()});
      }
      out.put(e.getKey(), list);
    }
    return out;
  }

  /** Reads one {@code timestamp,value} file and resolves its window limits to row positions. */
  static NabSeries readFile(Path file, String relativePath, List<String[]> limits) throws IOException {
    Table t;
    try {
      t = Table.read().csv(CsvReadOptions.builder(file.toFile())
          .columnTypes(new ColumnType[] {ColumnType.STRING, ColumnType.DOUBLE}).build());
    } catch (RuntimeException e) {
      throw new IOException(file + ": cannot read as a timestamp,value CSV: " + e.getMessage(), e);
    }
    if (t.columnCount() != 2 || !"timestamp".equals(t.column(0).name()) || !"value".equals(t.column(1).name())) {
      throw new IOException(file + ": expected columns timestamp,value, got " + t.columnNames());
    }
    StringColumn ts = t.stringColumn(0);
    DoubleColumn vs = t.doubleColumn(1);
    int n = t.rowCount();
    String[] stamps = new String[n];
    double[] values = new double[n];
    Map<LocalDateTime, Integer> rowOf = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      stamps[i] = ts.get(i);
      values[i] = vs.getDouble(i);
      if (!Double.isFinite(values[i])) {
        throw new IOException(file + ": row " + (i + 2) + ": value is missing or not finite: " + vs.getString(i));
      }
      rowOf.put(parse(stamps[i], file, i + 2), i);
    }
    List<IndexWindow> windows = new ArrayList<>();
    for (String[] lim : limits) {
      Integer a = rowOf.get(parse(lim[0], file, -1));
      Integer b = rowOf.get(parse(lim[1], file, -1));
      if (a == null || b == null) {
        throw new IOException(file + ": window [" + lim[0] + ", " + lim[1] + "] does not start and end on rows of the file");
      }
      windows.add(new IndexWindow(a, b));
    }
    return NabSeries.of(relativePath, stamps, values, windows);
  }

  private static LocalDateTime parse(String text, Path file, int line) throws IOException {
    try {
      return LocalDateTime.parse(text.trim(), TIME);
    } catch (DateTimeParseException e) {
      throw new IOException(file + (line > 0 ? ": line " + line : ": window limit") + ": bad timestamp '" + text + "'", e);
    }
  }
}
