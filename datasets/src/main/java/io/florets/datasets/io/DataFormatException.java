package io.florets.datasets.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file could not be read because its content is malformed. The one checked exception of the
 * readers in {@code io.florets.datasets.io}: a reader either returns the whole content of a file or
 * throws this; it never returns a partial or silently repaired result.
 *
 * <p>The message names the file, the place (line and column, or record), what was found and what
 * was expected, e.g. {@code GunPoint_TRAIN.ts, line 31, column 12: found 'abc', expected a number}.
 */
public class DataFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  /** Line number, 1-based, or 0 if the problem has no line. */
  private final long line;

  /** An exception whose message is given in full. */
  public DataFormatException(String message) {
    super(message);
    this.line = 0;
  }

  /** An exception whose message is given in full, with the underlying cause. */
  public DataFormatException(String message, Throwable cause) {
    super(message, cause);
    this.line = 0;
  }

  private DataFormatException(String message, long line, Throwable cause) {
    super(message, cause);
    this.line = line;
  }

  /**
   * A problem at a line and column of a text file.
   *
   * @param file the file (its name is printed)
   * @param line 1-based line number
   * @param column 1-based column (a field number for delimited formats), or 0 for the whole line
   * @param problem what was found and what was expected
   */
  public static DataFormatException at(Path file, long line, int column, String problem) {
    String where = file + ", line " + line + (column > 0 ? ", column " + column : "");
    return new DataFormatException(where + ": " + problem, line, null);
  }

  /** A problem with one record (row, series, batch) of a file without lines. */
  public static DataFormatException atRecord(Path file, String record, String problem, Throwable cause) {
    return new DataFormatException(file + ", " + record + ": " + problem, 0, cause);
  }

  /** A problem with the file as a whole (empty, unknown format, ...). */
  public static DataFormatException inFile(Path file, String problem) {
    return new DataFormatException(file + ": " + problem, 0, null);
  }

  /** The 1-based line of the problem, or 0 if it has none. */
  public long line() {
    return line;
  }
}
