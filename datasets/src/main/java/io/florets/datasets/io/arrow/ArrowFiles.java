package io.florets.datasets.io.arrow;

import io.florets.datasets.io.DataFormatException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowFileWriter;

/** Opening, checking and looping over Arrow IPC files. Package-private except {@link #kindOf}. */
public final class ArrowFiles {
  /** The magic bytes that open every Arrow IPC file. */
  private static final byte[] MAGIC = {'A', 'R', 'R', 'O', 'W', '1'};

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
      return java.util.Arrays.equals(head, MAGIC);
    }
  }

  /**
   * What a Florets Arrow file holds: {@code "series"} or {@code "dense-dataset"}, or empty for an
   * Arrow file written elsewhere.
   */
  public static Optional<String> kindOf(Path path) throws IOException {
    long size = Files.size(path);
    try (BufferAllocator alloc = ArrowVectors.allocatorFor(size);
         FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
         ArrowFileReader r = new ArrowFileReader(ch, alloc)) {
      Map<String, String> meta = r.getVectorSchemaRoot().getSchema().getCustomMetadata();
      return Optional.ofNullable(ArrowVectors.metadata(meta, ArrowVectors.KIND));
    } catch (RuntimeException e) {
      throw DataFormatException.inFile(path, "not a readable Arrow IPC file: " + e.getMessage());
    }
  }

  static void write(Path path, VectorSchemaRoot root, int rows, BatchFiller filler) throws IOException {
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
             StandardOpenOption.TRUNCATE_EXISTING);
         ArrowFileWriter w = new ArrowFileWriter(root, null, ch)) {
      w.start();
      for (int from = 0; from < rows; from += ArrowVectors.BATCH) {
        int count = Math.min(ArrowVectors.BATCH, rows - from);
        root.allocateNew();
        filler.fill(root, from, count);
        root.setRowCount(count);
        w.writeBatch();
      }
      w.end();
    }
  }

  /**
   * Reads every batch of {@code path}, checking its kind first. Any failure inside Arrow or in
   * {@code reader} becomes a {@link DataFormatException} naming the file and row.
   *
   * @return the schema's custom metadata
   */
  static Map<String, String> read(Path path, String kind, BatchReader reader) throws IOException {
    long size = Files.size(path);
    if (size == 0) {
      throw DataFormatException.inFile(path, "file is empty; expected an Arrow IPC file");
    }
    if (!isArrowFile(path)) {
      throw DataFormatException.inFile(path, "does not start with the Arrow IPC magic 'ARROW1'; "
          + "expected an Arrow IPC file");
    }
    int[] row = {0};
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
      if (!"1".equals(ArrowVectors.metadata(meta, ArrowVectors.VERSION))) {
        throw DataFormatException.inFile(path, "layout version '" + ArrowVectors.metadata(meta,
            ArrowVectors.VERSION) + "'; expected '1'");
      }
      while (r.loadNextBatch()) {
        reader.read(root, row);
      }
      return meta == null ? Map.of() : Map.copyOf(meta);
    } catch (DataFormatException e) {
      throw e;
    } catch (RuntimeException | IOException e) {
      throw DataFormatException.atRecord(path, "row " + row[0], "corrupt or unexpected Arrow content: "
          + e, e);
    }
  }
}
