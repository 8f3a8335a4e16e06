package io.florets.datasets.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A {@link Reader} that decodes a byte stream strictly as UTF-8, chunk by chunk, so that a reader
 * can stream a file of any size. A byte sequence that is not valid UTF-8 ends the read with a
 * {@link DataFormatException} naming the line, the column (the byte's position in its line,
 * 1-based) and the file offset, the same message {@link TextFile} gives. A leading byte-order mark
 * is dropped. Not thread-safe; closing it closes the stream.
 */
public final class StrictUtf8Reader extends Reader {
  private static final int CHUNK = 1 << 16;

  private final Path path;
  private final InputStream in;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(CHUNK);
  private final CharBuffer chars = CharBuffer.allocate(CHUNK);
  /** File offset of {@code bytes}' first byte. */
  private long bytesBase;
  /** 1-based line and file offset of that line's first byte, over the bytes decoded so far. */
  private long line = 1;
  private long lineStart;
  private boolean eof;
  private boolean flushed;
  private boolean started;

  /**
   * @param path the file's name for error messages
   * @param in the bytes; read in chunks of 64 KiB
   */
  public StrictUtf8Reader(Path path, InputStream in) {
    this.path = path;
    this.in = in;
    bytes.flip();
    chars.flip();
  }

  @Override
  public int read(char[] buf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (!chars.hasRemaining()) {
      if (!fill()) {
        return -1;
      }
    }
    int n = Math.min(len, chars.remaining());
    chars.get(buf, off, n);
    return n;
  }

  /** Decodes the next chunk into {@code chars}; false at the end of the input. */
  private boolean fill() throws IOException {
    int consumed = bytes.position();
    bytes.compact();
    bytesBase += consumed;
    if (!eof) {
      int r = in.read(bytes.array(), bytes.position(), bytes.remaining());
      if (r < 0) {
        eof = true;
      } else {
        bytes.position(bytes.position() + r);
      }
    }
    bytes.flip();
    if (eof && !bytes.hasRemaining() && flushed) {
      return false;
    }
    chars.clear();
    CoderResult cr = decoder.decode(bytes, chars, eof);
    countLines(bytes.position());
    if (cr.isError()) {
      int pos = bytes.position();
      long offset = bytesBase + pos;
      throw DataFormatException.at(path, line, (int) Math.min(Integer.MAX_VALUE, offset - lineStart + 1),
          String.format("found byte 0x%02X (file offset %d) that is not valid UTF-8; expected UTF-8 text",
              bytes.get(pos) & 0xFF, offset));
    }
    if (eof && !bytes.hasRemaining()) {
      decoder.flush(chars);
      flushed = true;
    }
    chars.flip();
    if (!started && chars.hasRemaining()) {
      started = true;
      if (chars.get(chars.position()) == '\uFEFF') {
        chars.get();
      }
    }
    return true;
  }

  /** Counts the line feeds among the buffer's bytes {@code [0, to)}, just decoded. */
  private void countLines(int to) {
    byte[] a = bytes.array();
    for (int i = 0; i < to; i++) {
      if (a[i] == '\n') {
        line++;
        lineStart = bytesBase + i + 1;
      }
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
