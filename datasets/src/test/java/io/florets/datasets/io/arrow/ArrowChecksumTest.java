package io.florets.datasets.io.arrow;

import static io.florets.datasets.io.Files4Test.expectError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.DenseDataset;
import io.florets.datasets.Series;
import io.florets.datasets.Window;
import io.florets.datasets.io.DataFormatException;
import io.florets.datasets.io.SeriesFiles;
import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.CaptionText;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.VectorUnloader;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.message.ArrowBlock;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Content checksums of Arrow outputs and clear errors for damaged files (issue 17, item 2): a file
 * with bytes changed after writing is refused naming the file instead of being read as valid; a
 * truncated or garbled file gets a message in words; files without the checksum key still read.
 */
class ArrowChecksumTest {
  /** A value that occurs once in the file, so that its bytes can be found and changed. */
  private static final float MARK = 12345.678f;
  private static final String CAPTION = "a caption whose bytes are flipped";

  @TempDir
  Path dir;

  private static DenseDataset dataset() {
    Window w = Window.of(new float[] {MARK, 1f, 2f, 3f});
    return DenseDataset.of(List.of(new DenseDataset.Entry(w, List.of(
        new Annotation(new CaptionText(CAPTION, false), "cap", "1", 0.5)))),
        Map.of("name", "checksum test"));
  }

  private static Map<String, String> metadataOf(Path p) throws IOException {
    return ArrowFiles.read(p, DenseDatasetArrow.KIND, java.util.Set.of("1", DenseDatasetArrow.LAYOUT), (root, row) -> { });
  }

  /** Index of the last occurrence of {@code what} in {@code bytes}. */
  private static int lastIndexOf(byte[] bytes, byte[] what) {
    int found = -1;
    for (int i = 0; i + what.length <= bytes.length; i++) {
      if (Arrays.equals(bytes, i, i + what.length, what, 0, what.length)) {
        found = i;
      }
    }
    assertTrue(found >= 0, "pattern not in the file");
    return found;
  }

  private Path withByteChanged(Path good, String name, int at) throws IOException {
    byte[] bytes = Files.readAllBytes(good);
    bytes[at] ^= 0x01;
    return Files.write(dir.resolve(name), bytes);
  }

  @Test
  void writtenFilesCarryADeterministicChecksumAndReadBackExactly() throws IOException {
    Path a = dir.resolve("a.arrow");
    Path b = dir.resolve("b.arrow");
    DenseDatasetArrow.write(a, dataset());
    DenseDatasetArrow.write(b, dataset());
    String sum = metadataOf(a).get(ArrowVectors.CHECKSUM);
    assertTrue(sum != null && sum.matches("sha256:[0-9a-f]{64}"), String.valueOf(sum));
    assertEquals(sum, metadataOf(b).get(ArrowVectors.CHECKSUM));
    assertEquals(dataset(), DenseDatasetArrow.read(a));
    assertEquals(Map.of("name", "checksum test"), DenseDatasetArrow.read(a).metadata(),
        "the checksum key stays out of the dataset's metadata");
    Path s = dir.resolve("s.arrow");
    List<Series> series = List.of(Series.of("x", new float[] {MARK, 2}));
    ArrowSeries.write(s, series);
    assertEquals(series, ArrowSeries.read(s).series());
  }

  @Test
  void aChangedValueIsRefusedNamingTheFile() throws IOException {
    Path good = dir.resolve("good.arrow");
    DenseDatasetArrow.write(good, dataset());
    int bits = Float.floatToRawIntBits(MARK);
    byte[] le = {(byte) bits, (byte) (bits >>> 8), (byte) (bits >>> 16), (byte) (bits >>> 24)};
    Path value = withByteChanged(good, "value.arrow", lastIndexOf(Files.readAllBytes(good), le));
    expectError(() -> DenseDatasetArrow.read(value), "value.arrow", "content checksum",
        "changed or damaged after it was written");
    byte[] text = CAPTION.getBytes(StandardCharsets.UTF_8);
    Path caption = withByteChanged(good, "caption.arrow", lastIndexOf(Files.readAllBytes(good), text) + 3);
    expectError(() -> DenseDatasetArrow.read(caption), "caption.arrow", "content checksum");
    // a changed schema metadata entry is caught too (changed in both copies: stream and footer)
    byte[] meta = "checksum test".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = Files.readAllBytes(good);
    int changed = 0;
    for (int i = 0; i + meta.length <= bytes.length; i++) {
      if (Arrays.equals(bytes, i, i + meta.length, meta, 0, meta.length)) {
        bytes[i + meta.length - 1] = 'T';
        changed++;
      }
    }
    assertTrue(changed >= 1, "metadata value not found in the file");
    Path metadata = Files.write(dir.resolve("meta.arrow"), bytes);
    expectError(() -> DenseDatasetArrow.read(metadata), "meta.arrow", "content checksum");
  }

  @Test
  void truncatedAndGarbledFilesGetAMessageInWords() throws IOException {
    Path good = dir.resolve("good.arrow");
    DenseDatasetArrow.write(good, dataset());
    byte[] bytes = Files.readAllBytes(good);
    for (int cut : new int[] {7, 20, bytes.length / 2, bytes.length - 1}) {
      Path p = Files.write(dir.resolve("cut" + cut + ".arrow"), Arrays.copyOf(bytes, cut));
      DataFormatException e = expectError(() -> DenseDatasetArrow.read(p), p.getFileName().toString(),
          "incomplete", "truncated");
      assertFalse(e.getMessage().contains("Magic number"), e.getMessage());
      expectError(() -> SeriesFiles.read(p), p.getFileName().toString(), "incomplete");
    }
    // right start and end, garbage in between: no "null", the file named, the damage said in words
    byte[] garbled = bytes.clone();
    for (int i = 8; i < garbled.length - 6; i++) {
      garbled[i] = (byte) (i * 31 + 7);
    }
    Path g = Files.write(dir.resolve("garbled.arrow"), garbled);
    DataFormatException e = expectError(() -> DenseDatasetArrow.read(g), "garbled.arrow");
    assertFalse(e.getMessage().endsWith("null") || e.getMessage().contains(": null"), e.getMessage());
    DataFormatException k = expectError(() -> ArrowFiles.kindOf(g), "garbled.arrow", "not a readable");
    assertFalse(k.getMessage().contains(": null"), k.getMessage());
  }

  @Test
  void filesWrittenBeforeChecksumsStillRead() throws IOException {
    Path good = dir.resolve("good.arrow");
    DenseDataset d = DenseDatasetArrowTest.sample(5);
    DenseDatasetArrow.write(good, d);
    Path old = dir.resolve("old.arrow");
    withoutChecksum(good, old);
    assertFalse(metadataOf(old).containsKey(ArrowVectors.CHECKSUM));
    assertEquals(d, DenseDatasetArrow.read(old));
  }

  /** Copies the batches of {@code from} into {@code to} under a schema without the checksum key. */
  private static void withoutChecksum(Path from, Path to) throws IOException {
    try (BufferAllocator alloc = new RootAllocator();
         FileChannel in = FileChannel.open(from, StandardOpenOption.READ);
         ArrowFileReader r = new ArrowFileReader(in, alloc)) {
      VectorSchemaRoot src = r.getVectorSchemaRoot();
      Map<String, String> meta = new HashMap<>(src.getSchema().getCustomMetadata());
      assertTrue(meta.remove(ArrowVectors.CHECKSUM) != null);
      Schema plain = new Schema(src.getSchema().getFields(), meta);
      try (VectorSchemaRoot dst = VectorSchemaRoot.create(plain, alloc);
           FileChannel out = FileChannel.open(to, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
           ArrowFileWriter w = new ArrowFileWriter(dst, null, out)) {
        w.start();
        VectorLoader loader = new VectorLoader(dst);
        for (ArrowBlock b : r.getRecordBlocks()) {
          r.loadRecordBatch(b);
          try (ArrowRecordBatch batch = new VectorUnloader(src).getRecordBatch()) {
            loader.load(batch);
          }
          w.writeBatch();
        }
        w.end();
      }
    }
  }
}
