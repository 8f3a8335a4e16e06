package io.florets.datasets.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A text file decoded strictly as UTF-8 and split into lines. Bytes that are not valid UTF-8 are
 * reported with their line and byte offset instead of being replaced. A leading byte-order mark is
 * dropped. Immutable.
 */
public final class TextFile {
  /** Largest text file the readers accept, in bytes (1 GiB). */
  public static final long MAX_BYTES = 1L << 30;

  private final Path path;
  private final String text;
  private final List<String> lines;

  private TextFile(Path path, String text, List<String> lines) {
    this.path = path;
    this.text = text;
    this.lines = lines;
  }

  /**
   * Reads and decodes {@code path}.
   *
   * @throws DataFormatException if the file is larger than {@link #MAX_BYTES} or not valid UTF-8
   * @throws IOException if it cannot be read
   */
  public static TextFile read(Path path) throws IOException {
    long size = Files.size(path);
    if (size > MAX_BYTES) {
      throw DataFormatException.inFile(path, "file has " + size + " bytes; expected at most "
          + MAX_BYTES + " for a text format");
    }
    return of(path, Files.readAllBytes(path));
  }

  /**
   * Decodes {@code bytes} (e.g. a bundled resource) as the content of a file named {@code path}.
   *
   * @param path the name used in error messages and by readers that derive ids from it
   * @throws DataFormatException if the bytes are not valid UTF-8
   */
  public static TextFile of(Path path, byte[] bytes) throws DataFormatException {
    String text = decode(path, bytes);
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    return new TextFile(path, text, splitLines(text));
  }

  private static String decode(Path path, byte[] bytes) throws DataFormatException {
    CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult r = dec.decode(in, out, true);
    if (r.isError()) {
      int pos = in.position();
      long line = 1;
      int lineStart = 0;
      for (int i = 0; i < pos; i++) {
        if (bytes[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      throw DataFormatException.at(path, line, pos - lineStart + 1, String.format(
          "found byte 0x%02X (file offset %d) that is not valid UTF-8; expected UTF-8 text",
          bytes[pos] & 0xFF, pos));
    }
    dec.flush(out);
    out.flip();
    return out.toString();
  }

  private static List<String> splitLines(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      if (text.charAt(i) == '\n') {
        int end = i > start && text.charAt(i - 1) == '\r' ? i - 1 : i;
        out.add(text.substring(start, end));
        start = i + 1;
      }
    }
    if (start < n) {
      out.add(text.endsWith("\r") ? text.substring(start, n - 1) : text.substring(start));
    }
    return out;
  }

  /** The file this text came from. */
  public Path path() {
    return path;
  }

  /** The whole decoded text. */
  public String text() {
    return text;
  }

  /** The lines without their terminators; line {@code i} of the list is line {@code i + 1} of the file. */
  public List<String> lines() {
    return lines;
  }

  /** True if the file has no characters other than whitespace. */
  public boolean isBlank() {
    return text.isBlank();
  }

  /** A {@link DataFormatException} at a 1-based line and column of this file. */
  public DataFormatException error(long line, int column, String problem) {
    return DataFormatException.at(path, line, column, problem);
  }
}
