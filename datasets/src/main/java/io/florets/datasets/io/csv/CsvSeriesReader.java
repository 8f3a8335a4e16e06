package io.florets.datasets.io.csv;

import io.florets.datasets.Series;
import io.florets.datasets.io.DataFormatException;
import io.florets.datasets.io.Numbers;
import io.florets.datasets.io.SeriesFile;
import io.florets.datasets.io.SeriesFormat;
import io.florets.datasets.io.TextFile;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Reads a CSV file as one series: an optional timestamp column and one or more numeric value
 * columns (the channels, named after their headers). NAB files ({@code timestamp,value}) read as
 * they are. A first row whose cells are all numbers or timestamps is data, not a header; the
 * channels are then named {@code c0, c1, ...}.
 *
 * <p>The timestamp column is the one named {@code timestamp}, {@code time}, {@code datetime} or
 * {@code date} (any case), else the first column if its first cell is a timestamp
 * ({@link Timestamps}). Timestamps must be strictly increasing. Value cells are decimal numbers;
 * an empty cell or {@code NaN} is a missing value. The file is decoded as strict UTF-8 and tokenised
 * by Tablesaw with every column read as text, so that each cell is checked here and a bad one is
 * reported with its line and column. Stateless and thread-safe.
 */
public final class CsvSeriesReader {
  private static final Set<String> TIME_NAMES = Set.of("timestamp", "time", "datetime", "date");

  private CsvSeriesReader() {
  }

  /** Reads {@code path} as one series whose id is the file name without extension. */
  public static SeriesFile read(Path path) throws IOException {
    return read(TextFile.read(path));
  }

  /** Reads {@code path} with a policy for timestamps that are not strictly increasing. */
  public static SeriesFile read(Path path, TimeOrder order) throws IOException {
    return read(TextFile.read(path), order);
  }

  /** Reads already decoded text; the series id is {@code f.path()}'s name without extension. */
  public static SeriesFile read(TextFile f) throws DataFormatException {
    return read(f, TimeOrder.STRICT);
  }

  /**
   * Reads already decoded text with a policy for disordered timestamps.
   *
   * @param order {@link TimeOrder#STRICT} rejects a duplicate or decreasing timestamp;
   *     {@link TimeOrder#KEEP_SAMPLES} keeps every sample in file order and drops only the time
   *     axis, recording the first offending line in the metadata key {@code timestampsDropped}
   */
  public static SeriesFile read(TextFile f, TimeOrder order) throws DataFormatException {
    return read(f, order, null).file();
  }

  /**
   * A CSV series with a per-row label column (e.g. a class or state column of text).
   *
   * @param file the series; the label column is not one of its channels
   * @param rowLabels the label cell of every row, stripped; {@code ""} where the cell is empty
   */
  public record Labelled(SeriesFile file, List<String> rowLabels) {
    /** Copies the list. */
    public Labelled {
      java.util.Objects.requireNonNull(file, "file");
      rowLabels = List.copyOf(rowLabels);
    }
  }

  /**
   * Reads {@code path} as one series plus the text column {@code labelColumn} (named in the header
   * row), which is kept out of the channels: its cells may be any text.
   *
   * @throws DataFormatException if the file has no header row, no column of that name, or the
   *     column is the timestamp column; or for any problem {@link #read(TextFile, TimeOrder)} reports
   * @throws IOException if the file cannot be read
   */
  public static Labelled readWithLabels(Path path, TimeOrder order, String labelColumn)
      throws IOException {
    java.util.Objects.requireNonNull(labelColumn, "labelColumn");
    return read(TextFile.read(path), order, labelColumn);
  }

  private static Labelled read(TextFile f, TimeOrder order, String labelColumn)
      throws DataFormatException {
    java.util.Objects.requireNonNull(order, "order");
    Path path = f.path();
    if (f.isBlank()) {
      throw DataFormatException.inFile(path, "file is empty; expected a header row and data rows");
    }
    boolean header = hasHeader(f);
    checkShape(f, header);
    Table t;
    try {
      t = Table.read().usingOptions(CsvReadOptions.builder(new StringReader(f.text()))
          .columnTypes(name -> ColumnType.STRING)
          .missingValueIndicator("")
          .header(header)
          .tableName(path.getFileName().toString()));
    } catch (RuntimeException e) {
      throw DataFormatException.inFile(path, "CSV could not be tokenised: " + e.getMessage());
    }
    List<String> names = t.columnNames();
    if (t.rowCount() == 0) {
      throw f.error(1, 0, "header " + names + " has no data rows below it; expected at least one row");
    }
    int tsCol = timestampColumn(t);
    int labelCol = labelColumn == null ? -1 : labelColumn(f, names, header, tsCol, labelColumn);
    List<Integer> valueCols = new ArrayList<>();
    for (int c = 0; c < names.size(); c++) {
      if (c != tsCol && c != labelCol) {
        valueCols.add(c);
      }
    }
    if (valueCols.isEmpty()) {
      throw f.error(1, 0, "header " + names + " has no value column; expected at least one");
    }
    int n = t.rowCount();
    long[] ts = null;
    String tsDropped = null;
    if (tsCol >= 0) {
      try {
        ts = timestamps(f, t, tsCol, header);
      } catch (DisorderedTimestamps e) {
        if (order == TimeOrder.STRICT) {
          throw e.error;
        }
        tsDropped = e.error.getMessage();
      }
    }
    float[][] v = new float[valueCols.size()][n];
    List<String> channelNames = new ArrayList<>();
    for (int k = 0; k < valueCols.size(); k++) {
      int c = valueCols.get(k);
      channelNames.add(header ? names.get(c) : "c" + k);
      for (int r = 0; r < n; r++) {
        String cell = t.stringColumn(c).get(r).strip();
        if (cell.isEmpty() || cell.equals("NaN")) {
          v[k][r] = Float.NaN;
        } else {
          try {
            v[k][r] = Numbers.parseFloat(cell);
          } catch (NumberFormatException e) {
            throw f.error(r + (header ? 2L : 1L), c + 1, "found " + Numbers.quote(cell) + " in value column '"
                + names.get(c) + "'; expected a number (or an empty cell for a missing value)");
          }
        }
      }
    }
    String id = stem(path);
    Series.Builder b = Series.builder(id, v).channelNames(channelNames);
    if (ts != null) {
      b.timestamps(ts);
    }
    Map<String, String> meta = new java.util.LinkedHashMap<>();
    if (tsCol >= 0) {
      meta.put("timestampColumn", names.get(tsCol));
    }
    if (tsDropped != null) {
      meta.put("timestampsDropped", tsDropped);
    }
    List<String> rowLabels = new ArrayList<>();
    if (labelCol >= 0) {
      meta.put("labelColumn", names.get(labelCol));
      for (int r = 0; r < n; r++) {
        String cell = t.stringColumn(labelCol).get(r);
        rowLabels.add(cell == null ? "" : cell.strip());
      }
    }
    return new Labelled(new SeriesFile(SeriesFormat.CSV, path, List.of(b.build()), meta),
        rowLabels);
  }

  private static int labelColumn(TextFile f, List<String> names, boolean header, int tsCol,
      String labelColumn) throws DataFormatException {
    if (!header) {
      throw f.error(1, 0, "has no header row, so no column is named '" + labelColumn
          + "'; add a header row naming the columns");
    }
    int c = -1;
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).strip().equals(labelColumn)) {
        c = i;
      }
    }
    if (c < 0) {
      throw f.error(1, 0, "has no column '" + labelColumn + "'; columns are " + names);
    }
    if (c == tsCol) {
      throw f.error(1, c + 1, "column '" + labelColumn + "' is the timestamp column; name the "
          + "label column instead");
    }
    return c;
  }

  /**
   * True unless every cell of the first line is a number or a timestamp (then the file has no
   * header row and the columns are named {@code c0, c1, ...}).
   */
  private static boolean hasHeader(TextFile f) {
    String first = f.lines().get(0);
    for (String cell : first.split(",", -1)) {
      String c = cell.strip();
      if (!Numbers.isDecimal(c) && Timestamps.parse(c).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** Rejects blank lines inside the data and rows whose field count differs from the first row's. */
  private static void checkShape(TextFile f, boolean header) throws DataFormatException {
    List<String> lines = f.lines();
    int last = lines.size() - 1;
    while (last >= 0 && lines.get(last).isBlank()) {
      last--;
    }
    int width = -1;
    Set<String> seen = new HashSet<>();
    for (int i = 0; i <= last; i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        throw f.error(i + 1L, 1, "found a blank line inside the data; expected a row");
      }
      if (line.indexOf('"') >= 0) {
        continue;
      }
      String[] p = line.split(",", -1);
      if (i == 0) {
        width = p.length;
        for (int c = 0; c < p.length && header; c++) {
          String h = p[c].strip();
          if (h.isEmpty() || !seen.add(h)) {
            throw f.error(1, c + 1, "header name '" + h + "' is empty or repeated; expected "
                + "unique column names");
          }
        }
      } else if (p.length != width) {
        throw f.error(i + 1L, 0, "row has " + p.length + " fields; expected " + width
            + " like the first row (ragged row)");
      }
    }
  }

  private static int timestampColumn(Table t) {
    List<String> names = t.columnNames();
    for (int c = 0; c < names.size(); c++) {
      if (TIME_NAMES.contains(names.get(c).strip().toLowerCase(Locale.ROOT))) {
        return c;
      }
    }
    return Timestamps.parse(t.stringColumn(0).get(0)).isPresent() ? 0 : -1;
  }

  /** Signals the first duplicate or decreasing timestamp; carries the error for strict reading. */
  private static final class DisorderedTimestamps extends Exception {
    private static final long serialVersionUID = 1L;
    final DataFormatException error;

    DisorderedTimestamps(DataFormatException error) {
      super(error.getMessage(), null, false, false);
      this.error = error;
    }
  }

  private static long[] timestamps(TextFile f, Table t, int c, boolean header)
      throws DataFormatException, DisorderedTimestamps {
    int n = t.rowCount();
    long[] ts = new long[n];
    String name = t.columnNames().get(c);
    for (int r = 0; r < n; r++) {
      String cell = t.stringColumn(c).get(r);
      OptionalLong ms = Timestamps.parse(cell);
      if (ms.isEmpty()) {
        throw f.error(r + (header ? 2L : 1L), c + 1, "found " + Numbers.quote(cell) + " in timestamp column '"
            + name + "'; expected " + Timestamps.EXPECTED);
      }
      ts[r] = ms.getAsLong();
      if (r > 0 && ts[r] <= ts[r - 1]) {
        throw new DisorderedTimestamps(f.error(r + (header ? 2L : 1L), c + 1,
            (ts[r] == ts[r - 1] ? "duplicate" : "decreasing")
            + " timestamp " + Numbers.quote(cell) + " after '" + t.stringColumn(c).get(r - 1)
            + "' on the line before; expected strictly increasing timestamps"));
      }
    }
    return ts;
  }

  private static String stem(Path p) {
    String n = p.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }
}
