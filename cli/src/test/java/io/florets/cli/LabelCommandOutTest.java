package io.florets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.florets.datasets.Series;
import io.florets.datasets.io.arrow.ArrowSeries;
import io.florets.datasets.io.arrow.DenseDatasetArrow;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code florets label --out} is checked before any work (issue 17, item 5): an existing folder or a
 * place where nothing can be written fails at once with a message in words and leaves nothing
 * behind ({@code OUT.tmp}, {@code OUT.parts}); a good path still labels.
 */
class LabelCommandOutTest {
  @TempDir
  Path dir;
  private Path input;

  private record Run(int code, String out, String err) {
  }

  @BeforeEach
  void writeInput() throws Exception {
    float[] v = new float[256];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) Math.sin(i / 7.0) + (i == 100 ? 8f : 0f);
    }
    input = dir.resolve("in.arrow");
    ArrowSeries.write(input, List.of(Series.of("s", v)));
  }

  private Run label(Path out) {
    CommandLine cl = Main.commandLine();
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    cl.setOut(new PrintWriter(o, true));
    cl.setErr(new PrintWriter(e, true));
    int code = cl.execute("label", input.toString(), "--window", "64", "--stride", "64", "--threads",
        "1", "--out", out.toString());
    return new Run(code, o.toString(), e.toString());
  }

  private static long entries(Path folder) throws Exception {
    try (Stream<Path> s = Files.list(folder)) {
      return s.count();
    }
  }

  @Test
  void anExistingFolderIsRefusedBeforeLabelling() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("existing"));
    Run r = label(folder);
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains(folder.toString()) && r.err().contains("is an existing folder"), r.err());
    assertFalse(r.out().contains("labelled"), r.out());
    assertFalse(Files.exists(dir.resolve("existing.parts")), "checkpoints were written");
    assertFalse(Files.exists(dir.resolve("existing.tmp")), "a temporary output was written");
    assertEquals(0, entries(folder));
  }

  @Test
  void aPathUnderAFileIsRefusedInWords() throws Exception {
    Path file = Files.writeString(dir.resolve("notes.txt"), "not a folder");
    Path out = file.resolve("sub").resolve("o.arrow");
    Run r = label(out);
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains(file.toString()) && r.err().contains("is a file, not a folder"), r.err());
  }

  @Test
  void aFolderWhereNothingCanBeWrittenIsRefusedInWords() {
    Path proc = Path.of("/proc");
    assumeTrue(Files.isDirectory(proc.resolve("self")), "no /proc file system here");
    Run r = label(proc.resolve("o.arrow"));
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("/proc/o.arrow") && r.err().contains("files cannot be created in the "
        + "folder /proc"), r.err());
    assertFalse(Files.exists(proc.resolve("o.arrow.parts")));
  }

  @Test
  void aGoodPathStillLabelsAndLeavesOnlyTheOutput() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("outputs"));
    Path out = folder.resolve("labels.arrow");
    Run r = label(out);
    assertEquals(0, r.code(), r.err());
    assertEquals(4, DenseDatasetArrow.read(out).size());
    assertEquals(1, entries(folder), "probe, temporary or checkpoint files left behind");
  }
}
