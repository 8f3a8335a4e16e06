package io.florets.datasets.io.csv;

import static io.florets.datasets.io.Files4Test.expectError;
import static io.florets.datasets.io.Files4Test.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.Series;
import io.florets.datasets.io.SeriesFile;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CSV reader streams its file: memory grows with the samples kept, not with the text, so a
 * file several times larger than the heap reads in a JVM with a small heap, and a series that
 * cannot fit is a clear error, not an {@link OutOfMemoryError}. Each check runs a fresh JVM with a
 * fixed {@code -Xmx}.
 */
class CsvStreamingTest {
  @TempDir
  Path dir;

  /** Reads the file named by the first argument and prints its length and last value. */
  public static final class ReadOne {
    public static void main(String[] args) throws IOException {
      try {
        Series s = CsvSeriesReader.read(Path.of(args[0])).series().get(0);
        System.out.println(s.length() + " " + s.value(0, s.length() - 1));
      } catch (io.florets.datasets.io.DataFormatException e) {
        System.out.println("error: " + e.getMessage());
      }
    }
  }

  private record Result(int code, String out) {
  }

  private static Result readInJvm(Path file, String heap) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + heap, "-XX:+UseSerialGC", "-cp",
        System.getProperty("java.class.path"), ReadOne.class.getName(), file.toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "reader JVM finished");
    return new Result(p.exitValue(), out.strip());
  }

  /** {@code rows} rows of a timestamp and {@code channels} values, about 25 + 6 * channels bytes each. */
  private Path bigCsv(String name, int rows, int channels) throws IOException {
    Path p = dir.resolve(name);
    try (BufferedWriter w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
      w.write("timestamp");
      for (int c = 0; c < channels; c++) {
        w.write(",v" + c);
      }
      w.write('\n');
      long t0 = 1_577_836_800L; // 2020-01-01 00:00:00 UTC
      for (int r = 0; r < rows; r++) {
        long s = t0 + 60L * r;
        w.write(java.time.Instant.ofEpochSecond(s).toString().replace('T', ' ').replace("Z", ""));
        for (int c = 0; c < channels; c++) {
          w.write(',');
          w.write(Integer.toString((r + c) % 1000));
          w.write(".5");
        }
        w.write('\n');
      }
    }
    return p;
  }

  @Test
  void aFileLargerThanTheHeapReadsInASmallHeap() throws Exception {
    // 800,000 rows, about 21 MB of text: the samples take 10 MB (4 + 8 bytes a row); the whole
    // text decoded at once (bytes, chars and a String) would need three times the heap
    Path big = bigCsv("big.csv", 800_000, 1);
    assertTrue(Files.size(big) > 20_000_000L);
    Result r = readInJvm(big, "32m");
    assertEquals(0, r.code(), r.out());
    assertEquals("800000 " + (799_999 % 1000) + ".5", r.out());
  }

  @Test
  void aSeriesThatCannotFitIsAClearError() throws Exception {
    // 120 channels x 100,000 rows = 48 MB of floats: more than a 32 MB heap
    Path wide = bigCsv("wide.csv", 100_000, 120);
    Result r = readInJvm(wide, "32m");
    assertEquals(0, r.code(), r.out());
    assertTrue(r.out().startsWith("error: " + wide + ", line "), r.out());
    assertTrue(r.out().contains("does not fit in memory") && r.out().contains("120 value column(s)")
        && r.out().contains("-Xmx"), r.out());
  }

  @Test
  void crlfQuotesAndHashesReadAsData() throws IOException {
    Path p = write(dir, "q.csv", "timestamp,\"value\"\r\n2020-01-01 00:00:00,\"1.5\"\r\n"
        + "2020-01-01 00:01:00,2\r\n2020-01-01 00:02:00,\r\n");
    SeriesFile f = CsvSeriesReader.read(p);
    Series s = f.series().get(0);
    assertEquals(List.of("value"), s.channelNames());
    assertEquals(1.5f, s.value(0, 0));
    assertEquals(2f, s.value(0, 1));
    assertTrue(Float.isNaN(s.value(0, 2)));
    // a line starting with '#' is a row like any other: here a bad one, reported, never skipped
    Path hash = write(dir, "h.csv", "a,b\n1,2\n#3,4\n5,6\n");
    expectError(() -> CsvSeriesReader.read(hash), "h.csv", "line 3", "column 1", "'#3'");
    Path headerless = write(dir, "n.csv", "1,2\n3,4\n");
    assertArrayEquals(new float[] {2f, 4f}, CsvSeriesReader.read(headerless).series().get(0).channel(1));
  }

  @Test
  void invalidUtf8FarIntoALargeFileIsReportedWithItsLine() throws IOException {
    StringBuilder b = new StringBuilder("value\n");
    for (int i = 0; i < 50_000; i++) {
      b.append(i).append('\n');
    }
    byte[] text = b.toString().getBytes(StandardCharsets.UTF_8);
    byte[] bytes = java.util.Arrays.copyOf(text, text.length + 3);
    bytes[text.length] = '7';
    bytes[text.length + 1] = (byte) 0xC3; // a two-byte sequence cut short at the end of the file
    bytes[text.length + 2] = '\n';
    Path p = write(dir, "u.csv", bytes);
    expectError(() -> CsvSeriesReader.read(p), "u.csv", "line 50002", "column 2", "0xC3", "UTF-8");
  }
}
