package io.florets.datasets.io.csv;

import com.univocity.parsers.common.TextParsingException;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import io.florets.datasets.Series;
import io.florets.datasets.io.DataFormatException;
import io.florets.datasets.io.Numbers;
import io.florets.datasets.io.SeriesFile;
import io.florets.datasets.io.SeriesFormat;
import io.florets.datasets.io.StrictUtf8Reader;
import io.florets.datasets.io.TextFile;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads a CSV file as one series: an optional timestamp column and one or more numeric value
 * columns (the channels, named after their headers). NAB files ({@code timestamp,value}) read as
 * they are. A first row whose cells are all numbers or timestamps is data, not a header; the
 * channels are then named {@code c0, c1, ...}.
 *
 * <p>The timestamp column is the one named {@code timestamp}, {@code time}, {@code datetime} or
 * {@code date} (any case), else the first column if its first cell is a timestamp
 * ({@link Timestamps}). Timestamps must be strictly increasing (or see {@link TimeOrder}). Value
 * cells are decimal numbers; an empty cell or {@code NaN} is a missing value.
 *
 * <p>The file is streamed: it is decoded as strict UTF-8 chunk by chunk and tokenised row by row
 * by the univocity CSV parser (the tokenizer Tablesaw itself uses; Tablesaw's own reader
 * materialises every cell of the file as a string first), so memory grows with the samples kept
 * (4 bytes per value, 8 per timestamp), not with the file's text. Each cell is checked here and a
 * bad one is reported with its line and column; the first problem in file order is the one
 * reported. A series too large for the heap is a {@link DataFormatException} saying how many rows
 * were read, not an {@link OutOfMemoryError}. Stateless and thread-safe.
 */
public final class CsvSeriesReader {
  private static final Set<String> TIME_NAMES = Set.of("timestamp", "time", "datetime", "date");
  /** Longest cell accepted, in characters; a longer one is reported, not buffered. */
  static final int MAX_CELL_CHARS = 1 << 20;
  /** Most columns accepted in a row. */
  static final int MAX_COLUMNS = 10_000;

  private CsvSeriesReader() {
  }

  /** Reads {@code path} as one series whose id is the file name without extension. */
  public static SeriesFile read(Path path) throws IOException {
    return read(path, TimeOrder.STRICT);
  }

  /** Reads {@code path} with a policy for timestamps that are not strictly increasing. */
  public static SeriesFile read(Path path, TimeOrder order) throws IOException {
    return stream(path, order, null).file();
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
    try {
      return parse(f.path(), new StringReader(f.text()), order, null).file();
    } catch (DataFormatException e) {
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException("reading in-memory text of " + f.path(), e);
    }
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
      Objects.requireNonNull(file, "file");
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
    Objects.requireNonNull(labelColumn, "labelColumn");
    return stream(path, order, labelColumn);
  }

  private static Labelled stream(Path path, TimeOrder order, String labelColumn) throws IOException {
    try (Reader r = new StrictUtf8Reader(path, new BufferedInputStream(Files.newInputStream(path), 1 << 16))) {
      return parse(path, r, order, labelColumn);
    }
  }

  private static CsvParser parser() {
    CsvParserSettings s = new CsvParserSettings();
    s.getFormat().setDelimiter(',');
    s.getFormat().setQuote('"');
    s.getFormat().setQuoteEscape('"');
    s.setSkipEmptyLines(false);
    s.setIgnoreLeadingWhitespaces(true);
    s.setIgnoreTrailingWhitespaces(true);
    s.setMaxCharsPerColumn(MAX_CELL_CHARS);
    s.setMaxColumns(MAX_COLUMNS);
    s.setHeaderExtractionEnabled(false);
    s.setLineSeparatorDetectionEnabled(true);
    s.setErrorContentLength(0);
    s.setReadInputOnSeparateThread(false);
    s.setInputBufferSize(1 << 16);
    s.getFormat().setComment('\0'); // a line starting with '#' is data, never silently skipped
    return new CsvParser(s);
  }

  /** The state of one streamed read: the columns' roles, fixed by the first rows, and the samples. */
  private static final class Rows {
    final Path path;
    final TimeOrder order;
    final String labelColumn;
    List<String> names;
    boolean header;
    int width = -1;
    int tsCol = -1;
    int labelCol = -1;
    int[] valueCols;
    float[][] values;
    long[] ts;
    String previousTs;
    String tsDropped;
    List<String> labels;
    int n;
    /** Line of a blank line seen after data, reported if another row follows it. */
    long blankLine;

    Rows(Path path, TimeOrder order, String labelColumn) {
      this.path = path;
      this.order = order;
      this.labelColumn = labelColumn;
    }
  }

  private static Labelled parse(Path path, Reader text, TimeOrder order, String labelColumn)
      throws IOException {
    Objects.requireNonNull(order, "order");
    Rows st = new Rows(path, order, labelColumn);
    CsvParser p = parser();
    long rowLine = 1;
    try {
      p.beginParsing(text);
      String[] row;
      while ((row = p.parseNext()) != null) {
        long line = rowLine;
        rowLine = p.getContext().currentLine() + 1;
        if (isBlank(row)) {
          if (st.blankLine == 0) {
            st.blankLine = line;
          }
          continue;
        }
        if (st.blankLine != 0) {
          throw DataFormatException.at(path, st.blankLine, 1,
              "found a blank line inside the data; expected a row");
        }
        if (st.names == null) {
          first(st, row);
          if (st.header) {
            continue;
          }
        }
        add(st, row, line);
      }
    } catch (RuntimeException e) {
      for (Throwable c = e; c != null; c = c.getCause()) {
        if (c instanceof IOException io) {
          throw io; // the reader's own error (e.g. invalid UTF-8), wrapped by the tokeniser
        }
      }
      if (e instanceof TextParsingException t) {
        throw DataFormatException.at(path, Math.max(1, t.getLineIndex() + 1), 0,
            "CSV could not be tokenised: " + tokeniserProblem(t));
      }
      throw e;
    } finally {
      try {
        p.stopParsing(); // closes the input; a second complaint about it adds nothing
      } catch (RuntimeException ignored) {
        // the parse's own outcome (result or exception) stands
      }
    }
    if (st.names == null) {
      throw DataFormatException.inFile(path, "file is empty; expected a header row and data rows");
    }
    if (st.n == 0) {
      throw DataFormatException.at(path, 1, 0, "header " + st.names
          + " has no data rows below it; expected at least one row");
    }
    return build(st);
  }

  /** The tokeniser's complaint in words, on one line. */
  private static String tokeniserProblem(TextParsingException e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int cut = m.indexOf('\n');
    m = cut > 0 ? m.substring(0, cut) : m;
    if (m.contains("exceeds the maximum number of characters")) {
      return "a cell is longer than " + MAX_CELL_CHARS + " characters (an unclosed quote?)";
    }
    if (m.contains("exceeds the maximum number of columns") || e.getCause() instanceof ArrayIndexOutOfBoundsException) {
      return "a row has more than " + MAX_COLUMNS + " columns";
    }
    return m.length() > 300 ? m.substring(0, 300) + "..." : m;
  }

  private static boolean isBlank(String[] row) {
    for (String c : row) {
      if (c != null && !c.isBlank()) {
        return false;
      }
    }
    return true;
  }

  /** Decides the header, the column roles and the channel names from the first row. */
  private static void first(Rows st, String[] row) throws DataFormatException {
    st.width = row.length;
    st.header = false;
    for (String cell : row) {
      String c = cell == null ? "" : cell.strip();
      if (!Numbers.isDecimal(c) && Timestamps.parse(c).isEmpty()) {
        st.header = true;
        break;
      }
    }
    List<String> names = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int c = 0; c < row.length; c++) {
      String h = row[c] == null ? "" : row[c].strip();
      if (st.header && (h.isEmpty() || !seen.add(h))) {
        throw DataFormatException.at(st.path, 1, c + 1, "header name " + Numbers.quote(h)
            + " is empty or repeated; expected unique column names");
      }
      names.add(st.header ? h : "C" + c);
    }
    st.names = names;
    for (int c = 0; c < names.size() && st.header; c++) {
      if (TIME_NAMES.contains(names.get(c).toLowerCase(Locale.ROOT))) {
        st.tsCol = c;
        break;
      }
    }
    if (st.tsCol < 0 && !st.header && Timestamps.parse(cell(row, 0)).isPresent()) {
      st.tsCol = 0;
    }
    if (st.labelColumn != null) {
      st.labelCol = labelColumn(st);
      st.labels = new ArrayList<>();
    }
  }

  /** Called with the first data row when the file has a header: the first column may be time. */
  private static void firstData(Rows st, String[] row) {
    if (st.tsCol < 0 && Timestamps.parse(cell(row, 0)).isPresent()) {
      st.tsCol = 0;
      if (st.labelCol == 0) {
        st.tsCol = -1;
      }
    }
    int[] vc = new int[st.width];
    int k = 0;
    for (int c = 0; c < st.width; c++) {
      if (c != st.tsCol && c != st.labelCol) {
        vc[k++] = c;
      }
    }
    st.valueCols = Arrays.copyOf(vc, k);
    st.values = new float[k][1024];
    if (st.tsCol >= 0) {
      st.ts = new long[1024];
    }
  }

  private static String cell(String[] row, int c) {
    return row[c] == null ? "" : row[c].strip();
  }

  private static void add(Rows st, String[] row, long line) throws DataFormatException {
    if (row.length != st.width) {
      throw DataFormatException.at(st.path, line, 0, "row has " + row.length + " fields; expected "
          + st.width + " like the first row (ragged row)");
    }
    if (st.valueCols == null) {
      firstData(st, row);
      if (st.valueCols.length == 0) {
        throw DataFormatException.at(st.path, 1, 0, "header " + st.names
            + " has no value column; expected at least one");
      }
    }
    grow(st, line);
    int r = st.n;
    if (st.tsCol >= 0) {
      String cell = row[st.tsCol] == null ? "" : row[st.tsCol];
      OptionalLong ms = Timestamps.parse(cell);
      if (ms.isEmpty()) {
        throw DataFormatException.at(st.path, line, st.tsCol + 1, "found " + Numbers.quote(cell)
            + " in timestamp column " + Numbers.quote(st.names.get(st.tsCol)) + "; expected " + Timestamps.EXPECTED);
      }
      long t = ms.getAsLong();
      if (st.ts != null) {
        if (r > 0 && t <= st.ts[r - 1]) {
          DataFormatException e = DataFormatException.at(st.path, line, st.tsCol + 1,
              (t == st.ts[r - 1] ? "duplicate" : "decreasing") + " timestamp " + Numbers.quote(cell)
              + " after " + Numbers.quote(st.previousTs) + " on the line before; expected strictly increasing timestamps");
          if (st.order == TimeOrder.STRICT) {
            throw e;
          }
          st.tsDropped = e.getMessage();
          st.ts = null;
        } else {
          st.ts[r] = t;
          st.previousTs = cell;
        }
      }
    }
    for (int k = 0; k < st.valueCols.length; k++) {
      int c = st.valueCols[k];
      String cell = cell(row, c);
      float v;
      if (cell.isEmpty() || cell.equals("NaN")) {
        v = Float.NaN;
      } else {
        try {
          v = Numbers.parseFloat(cell);
        } catch (NumberFormatException e) {
          throw DataFormatException.at(st.path, line, c + 1, "found " + Numbers.quote(cell)
              + " in value column " + Numbers.quote(st.names.get(c))
              + "; expected a number (or an empty cell for a missing value)");
        }
      }
      st.values[k][r] = v;
    }
    if (st.labels != null) {
      st.labels.add(cell(row, st.labelCol));
    }
    st.n++;
  }

  /** Makes room for one more row, turning a heap too small for the series into a clear error. */
  private static void grow(Rows st, long line) throws DataFormatException {
    int cap = st.values[0].length;
    if (st.n < cap) {
      return;
    }
    if (cap >= Integer.MAX_VALUE - 16) {
      throw DataFormatException.at(st.path, line, 0, "more than " + cap
          + " rows; a series holds at most " + (Integer.MAX_VALUE - 16) + " samples: split the file");
    }
    int next = (int) Math.min(Integer.MAX_VALUE - 16L, cap + (cap >> 1) + 16L);
    try {
      for (int k = 0; k < st.values.length; k++) {
        st.values[k] = Arrays.copyOf(st.values[k], next);
      }
      if (st.ts != null) {
        st.ts = Arrays.copyOf(st.ts, next);
      }
    } catch (OutOfMemoryError e) {
      st.values = null;
      st.ts = null;
      long mb = Runtime.getRuntime().maxMemory() >> 20;
      throw DataFormatException.at(st.path, line, 0, "the series does not fit in memory: "
          + st.n + " rows of " + st.valueCols.length + " value column(s) read so far, and the "
          + "Java heap is " + mb + " MB; give the JVM more memory (-Xmx, or FLORETS_JAVA_OPTS=-Xmx... "
          + "for the florets command) or split the file");
    }
  }

  private static Labelled build(Rows st) {
    int n = st.n;
    float[][] v = new float[st.valueCols.length][];
    List<String> channelNames = new ArrayList<>();
    for (int k = 0; k < v.length; k++) {
      v[k] = st.values[k].length == n ? st.values[k] : Arrays.copyOf(st.values[k], n);
      st.values[k] = null;
      channelNames.add(st.header ? st.names.get(st.valueCols[k]) : "c" + k);
    }
    Series.Builder b = Series.builder(stem(st.path), v).channelNames(channelNames);
    if (st.ts != null) {
      long[] ts = st.ts.length == n ? st.ts : Arrays.copyOf(st.ts, n);
      st.ts = null; // the builder copies: let the growth buffer go first
      b.timestamps(ts);
    }
    Map<String, String> meta = new LinkedHashMap<>();
    if (st.tsCol >= 0) {
      meta.put("timestampColumn", st.names.get(st.tsCol));
    }
    if (st.tsDropped != null) {
      meta.put("timestampsDropped", st.tsDropped);
    }
    if (st.labelCol >= 0) {
      meta.put("labelColumn", st.names.get(st.labelCol));
    }
    return new Labelled(new SeriesFile(SeriesFormat.CSV, st.path, List.of(b.build()), meta),
        st.labels == null ? List.of() : st.labels);
  }

  private static int labelColumn(Rows st) throws DataFormatException {
    String labelColumn = st.labelColumn;
    if (!st.header) {
      throw DataFormatException.at(st.path, 1, 0, "has no header row, so no column is named '"
          + labelColumn + "'; add a header row naming the columns");
    }
    int c = -1;
    for (int i = 0; i < st.names.size(); i++) {
      if (st.names.get(i).equals(labelColumn)) {
        c = i;
      }
    }
    if (c < 0) {
      throw DataFormatException.at(st.path, 1, 0, "has no column '" + labelColumn + "'; columns are "
          + st.names);
    }
    if (c == st.tsCol) {
      throw DataFormatException.at(st.path, 1, c + 1, "column '" + labelColumn
          + "' is the timestamp column; name the label column instead");
    }
    return c;
  }

  private static String stem(Path p) {
    String n = p.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }
}
