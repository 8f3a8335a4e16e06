package io.florets.datasets.io.arrow;

import io.florets.datasets.io.DataFormatException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.message.ArrowBlock;
import org.apache.arrow.vector.util.ValueVectorUtility;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Opening, checking and looping over Arrow IPC files. Package-private except {@link #kindOf} and
 * {@link #isArrowFile}.
 *
 * <p>Files written here carry a content checksum in their schema metadata
 * ({@link ArrowVectors#CHECKSUM}, see {@link ArrowChecksum}) that {@link #read} verifies before it
 * hands out any row; files without it (written before it existed) are read as before. A file that
 * is empty, not Arrow, cut short or damaged is refused with a {@link DataFormatException} that
 * names it and says in words what is wrong.
 */
public final class ArrowFiles {
  /** The magic bytes that open and close every Arrow IPC file. */
  private static final byte[] MAGIC = {'A', 'R', 'R', 'O', 'W', '1'};
  /** The smallest complete IPC file: magic, padding, footer length, magic. */
  private static final int MIN_SIZE = 6 + 2 + 4 + 6;

  private ArrowFiles() {
  }

  /** Fills {@code root} with rows {@code from..from+count-1} of a batch. */
  interface BatchFiller {
    void fill(VectorSchemaRoot root, int from, int count);
  }

  /** Receives each loaded batch; {@code row[0]} is kept current for error messages. */
  interface BatchReader {
    void read(VectorSchemaRoot root, int[] row);
  }

  /** True if {@code path} starts with the Arrow IPC file magic. */
  public static boolean isArrowFile(Path path) throws IOException {
    try (var in = Files.newInputStream(path)) {
      byte[] head = in.readNBytes(MAGIC.length);
      return Arrays.equals(head, MAGIC);
    }
  }

  /**
   * What a Florets Arrow file holds: {@code "series"} or {@code "dense-dataset"}, or empty for an
   * Arrow file written elsewhere.
   *
   * @throws DataFormatException if the file is not a complete, readable Arrow IPC file (the message
   *     names the file and says what is wrong in words)
   */
  public static Optional<String> kindOf(Path path) throws IOException {
    long size = checkFraming(path);
    try (BufferAllocator alloc = ArrowVectors.allocatorFor(size);
         FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
         ArrowFileReader r = new ArrowFileReader(ch, alloc)) {
      Map<String, String> meta = r.getVectorSchemaRoot().getSchema().getCustomMetadata();
      return Optional.ofNullable(ArrowVectors.metadata(meta, ArrowVectors.KIND));
    } catch (RuntimeException | IOException | AssertionError | StackOverflowError e) {
      // AssertionError: Arrow's own consistency checks (run with -ea) on a damaged file;
      // StackOverflowError: Arrow's schema parser recursing on a damaged nested schema
      throw unreadable(path, e);
    }
  }

  /**
   * Checks what can be checked before Arrow parses anything: the file is not empty, and starts and
   * ends with the IPC magic (a file cut short, or whose writer stopped early, lacks the end).
   *
   * @return the file size in bytes
   */
  private static long checkFraming(Path path) throws IOException {
    long size = Files.size(path);
    if (size == 0) {
      throw DataFormatException.inFile(path, "file is empty; expected an Arrow IPC file");
    }
    if (!isArrowFile(path)) {
      throw DataFormatException.inFile(path, "does not start with the Arrow IPC magic 'ARROW1'; "
          + "expected an Arrow IPC file");
    }
    byte[] tail = new byte[MAGIC.length];
    if (size >= MIN_SIZE) {
      try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
        ByteBuffer b = ByteBuffer.wrap(tail);
        long pos = size - MAGIC.length;
        while (b.hasRemaining()) {
          if (ch.read(b, pos + b.position()) < 0) {
            break;
          }
        }
      }
    }
    if (size < MIN_SIZE || !Arrays.equals(tail, MAGIC)) {
      throw DataFormatException.inFile(path, "the file is incomplete: it starts like an Arrow IPC "
          + "file but does not end with the 'ARROW1' magic that closes one (" + size + " bytes); it "
          + "was cut short (truncated) or its writer stopped before finishing");
    }
    return size;
  }

  /** A clear error for an Arrow failure while opening a file or checking its content. */
  private static DataFormatException unreadable(Path path, Throwable e) {
    if (e instanceof DataFormatException d) {
      return d;
    }
    return new DataFormatException(path + ": not a readable Arrow IPC file: its footer, schema or "
        + "record batches are damaged (" + describe(e) + ")", e);
  }

  /** An exception in words: its message, or its type when it has none, with its cause's message. */
  static String describe(Throwable e) {
    String msg = e.getMessage();
    String text = msg == null || msg.isBlank() ? e.getClass().getSimpleName() : msg;
    Throwable c = e.getCause();
    if (c != null && c != e && c.getMessage() != null && !text.contains(c.getMessage())) {
      text += ": " + c.getMessage();
    }
    return text;
  }

  /**
   * Writes {@code rows} rows in batches of {@link ArrowVectors#BATCH}, with {@code schema}'s
   * metadata plus the content checksum ({@link ArrowChecksum}). The batches are filled twice: once to
   * compute the checksum that the schema (written first) carries, once to write them; the two must
   * agree, so {@code filler} must be a pure function of its rows. The bytes are then a function of
   * the schema and the rows alone: the metadata goes in sorted by key (Arrow copies it into a hash
   * map, whose order is the same in every JVM for the same keys inserted in the same order) and
   * nothing in the file depends on the clock.
   *
   * @throws IllegalStateException if the filler wrote different content the second time
   */
  static void write(Path path, Schema schema, int rows, BatchFiller filler) throws IOException {
    String checksum;
    try (BufferAllocator alloc = new RootAllocator();
         VectorSchemaRoot root = VectorSchemaRoot.create(schema, alloc)) {
      ArrowChecksum sum = new ArrowChecksum(schema);
      for (int from = 0; from < rows; from += ArrowVectors.BATCH) {
        fillBatch(root, from, Math.min(ArrowVectors.BATCH, rows - from), filler);
        sum.addBatch(root);
      }
      checksum = sum.value();
    }
    Map<String, String> custom = schema.getCustomMetadata();
    Map<String, String> meta = custom == null ? new TreeMap<>() : new TreeMap<>(custom);
    meta.put(ArrowVectors.CHECKSUM, checksum);
    Schema sealed = new Schema(schema.getFields(), meta);
    try (BufferAllocator alloc = new RootAllocator();
         VectorSchemaRoot root = VectorSchemaRoot.create(sealed, alloc);
         FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
             StandardOpenOption.TRUNCATE_EXISTING);
         ArrowFileWriter w = new ArrowFileWriter(root, null, ch)) {
      ArrowChecksum again = new ArrowChecksum(sealed);
      w.start();
      for (int from = 0; from < rows; from += ArrowVectors.BATCH) {
        fillBatch(root, from, Math.min(ArrowVectors.BATCH, rows - from), filler);
        again.addBatch(root);
        w.writeBatch();
      }
      w.end();
      String second = again.value();
      if (!checksum.equals(second)) {
        throw new IllegalStateException("writing " + path + ": the rows filled twice differ "
            + "(content checksum " + checksum + ", then " + second + ")");
      }
    }
  }

  private static void fillBatch(VectorSchemaRoot root, int from, int count, BatchFiller filler) {
    root.allocateNew();
    filler.fill(root, from, count);
    root.setRowCount(count);
  }

  /**
   * Reads every batch of {@code path}, checking its framing, kind and layout version first and, when
   * the schema metadata carries a content checksum, that the content matches it before any row is
   * handed to {@code reader}. Files written before checksums existed (no
   * {@link ArrowVectors#CHECKSUM} key) are read without the check. Any failure inside Arrow or in
   * {@code reader} becomes a {@link DataFormatException} naming the file (and the row, once rows are
   * being read).
   *
   * @return the schema's custom metadata
   */
  static Map<String, String> read(Path path, String kind, BatchReader reader) throws IOException {
    return read(path, kind, Set.of("1"), reader);
  }

  /**
   * {@link #read(Path, String, BatchReader)} for a kind with several layout versions; the reader
   * tells them apart by the schema metadata's {@link ArrowVectors#VERSION}.
   */
  static Map<String, String> read(Path path, String kind, Set<String> versions, BatchReader reader)
      throws IOException {
    long size = checkFraming(path);
    int[] row = {0};
    boolean rowsStarted = false;
    try (BufferAllocator alloc = ArrowVectors.allocatorFor(size);
         FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
         ArrowFileReader r = new ArrowFileReader(ch, alloc)) {
      VectorSchemaRoot root = r.getVectorSchemaRoot();
      Map<String, String> meta = root.getSchema().getCustomMetadata();
      String found = ArrowVectors.metadata(meta, ArrowVectors.KIND);
      if (!kind.equals(found)) {
        throw DataFormatException.inFile(path, "Arrow file holds '" + found + "' (schema metadata "
            + ArrowVectors.KIND + "); expected '" + kind + "'");
      }
      String version = ArrowVectors.metadata(meta, ArrowVectors.VERSION);
      if (version == null || !versions.contains(version)) {
        throw DataFormatException.inFile(path, "layout version '" + version + "'; expected one of "
            + new java.util.TreeSet<>(versions) + " (a file from a newer Florets? read it with that version)");
      }
      List<ArrowBlock> blocks = r.getRecordBlocks();
      verifyChecksum(path, r, blocks, ArrowVectors.metadata(meta, ArrowVectors.CHECKSUM));
      rowsStarted = true;
      for (ArrowBlock b : blocks) {
        r.loadRecordBatch(b);
        ValueVectorUtility.validateFull(root);
        reader.read(root, row);
      }
      return meta == null ? Map.of() : Map.copyOf(meta);
    } catch (DataFormatException e) {
      throw e;
    } catch (RuntimeException | IOException | AssertionError | StackOverflowError e) {
      // AssertionError: Arrow's own consistency checks (run with -ea) on a damaged file;
      // StackOverflowError: Arrow's schema parser recursing on a damaged nested schema
      if (!rowsStarted) {
        throw unreadable(path, e);
      }
      throw DataFormatException.atRecord(path, "row " + row[0], "corrupt or unexpected Arrow content: "
          + describe(e), e);
    }
  }

  /** Loads every batch once and compares the content checksum with {@code recorded} (if not null). */
  private static void verifyChecksum(Path path, ArrowFileReader r, List<ArrowBlock> blocks,
      String recorded) throws IOException {
    if (recorded == null) {
      return; // written before Arrow outputs carried a checksum
    }
    VectorSchemaRoot root = r.getVectorSchemaRoot();
    ArrowChecksum sum = new ArrowChecksum(root.getSchema());
    for (ArrowBlock b : blocks) {
      r.loadRecordBatch(b);
      // value counts, buffer sizes and offsets agree before anything is read: a damaged count
      // would otherwise size arrays and loops (the checksum's, the rows') beyond the file
      ValueVectorUtility.validateFull(root);
      sum.addBatch(root);
    }
    String actual = sum.value();
    if (!actual.equals(recorded)) {
      throw DataFormatException.inFile(path, "content checksum " + actual + " does not match the "
          + recorded + " recorded in its schema metadata (" + ArrowVectors.CHECKSUM + "): the file "
          + "was changed or damaged after it was written");
    }
  }
}
