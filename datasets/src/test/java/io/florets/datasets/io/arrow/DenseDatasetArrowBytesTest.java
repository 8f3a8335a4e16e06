package io.florets.datasets.io.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.florets.datasets.DenseDataset;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same dataset writes the same bytes: twice in one JVM, with its metadata given in another
 * order, and in other JVMs, whose immutable maps ({@code Map.copyOf} inside {@link DenseDataset})
 * iterate in another order. Byte comparison of outputs can then check reproducibility.
 */
class DenseDatasetArrowBytesTest {
  @TempDir
  Path dir;

  /** {@link DenseDatasetArrowTest#sample} with 24 metadata entries, given in {@code reversed} order. */
  static DenseDataset dataset(boolean reversed) {
    DenseDataset base = DenseDatasetArrowTest.sample(5);
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      keys.add("key" + i);
    }
    keys.addAll(List.of("input", "window", "stride", "labelers", "consensus", "windows"));
    if (reversed) {
      java.util.Collections.reverse(keys);
    }
    Map<String, String> meta = new LinkedHashMap<>();
    for (String k : keys) {
      meta.put(k, "value of " + k);
    }
    return DenseDataset.of(base.entries(), meta);
  }

  @Test
  void theSameDatasetWritesTheSameBytesTwice() throws IOException {
    Path a = dir.resolve("a.arrow");
    Path b = dir.resolve("b.arrow");
    DenseDatasetArrow.write(a, dataset(false));
    DenseDatasetArrow.write(b, dataset(false));
    assertEquals(-1, Files.mismatch(a, b), "first differing byte");
    Path c = dir.resolve("c.arrow");
    DenseDatasetArrow.write(c, dataset(true));
    assertEquals(-1, Files.mismatch(a, c), "metadata given in another order: first differing byte");
    assertEquals(dataset(false).metadata(), DenseDatasetArrow.read(c).metadata());
  }

  @Test
  void otherJvmsWriteTheSameBytes() throws Exception {
    Path here = dir.resolve("here.arrow");
    DenseDatasetArrow.write(here, dataset(false));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    for (int run = 0; run < 3; run++) {
      Path there = dir.resolve("jvm" + run + ".arrow");
      Path log = dir.resolve("jvm" + run + ".log");
      List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m",
          "--add-opens=java.base/java.nio=ALL-UNNAMED", "-cp",
          System.getProperty("java.class.path") + File.pathSeparator
              + System.getProperty("surefire.test.class.path", ""),
          WriteSample.class.getName(), there.toString(), Boolean.toString(run % 2 == 1)));
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
          .start();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("the writing JVM did not finish in 120 s");
      }
      assertEquals(0, p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
      assertEquals(-1, Files.mismatch(here, there), "JVM " + run + ": first differing byte");
    }
  }

  /** Writes {@link #dataset} to {@code args[0]} ({@code args[1]}: metadata order reversed). */
  public static final class WriteSample {
    private WriteSample() {
    }

    public static void main(String[] args) throws IOException {
      DenseDatasetArrow.write(Path.of(args[0]), dataset(Boolean.parseBoolean(args[1])));
    }
  }
}
