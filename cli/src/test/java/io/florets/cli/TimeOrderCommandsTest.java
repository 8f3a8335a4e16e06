package io.florets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.io.DataFormatException;
import io.florets.datasets.io.SeriesFiles;
import io.florets.datasets.io.csv.TimeOrder;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * One reading policy for CSV timestamps that repeat or step back, on every command that reads a
 * series file ({@code inspect}, {@code ask}, {@code label}, {@code train --data}): the same default
 * (keep the samples, drop the time axis, say so in one note), the same option
 * ({@code --time-order STRICT}) and the same error. The fixture has a repeated timestamp (line 4,
 * as at a daylight-saving change) and one that steps back (line 6).
 */
class TimeOrderCommandsTest {
  @TempDir
  Path dir;
  private Path csv;

  private record Run(int code, String out, String err) {
  }

  private static Run run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @BeforeEach
  void copyFixture() throws Exception {
    csv = dir.resolve("disordered-timestamps.csv");
    try (InputStream in = getClass().getResourceAsStream("disordered-timestamps.csv")) {
      Files.copy(in, csv);
    }
  }

  /** Every command that reads a series file, each run so that it stops soon after reading. */
  private List<List<String>> commands() {
    String f = csv.toString();
    List<List<String>> c = new ArrayList<>();
    c.add(List.of("inspect", f));
    // a window longer than the series: refused after the file was read, before a model is loaded
    c.add(List.of("ask", "--input", f, "--window", "0:100", "--prompt", "<SHAPE>"));
    c.add(List.of("label", f, "--window", "8", "--labelers", "stats.basic", "--threads", "1",
        "--out", dir.resolve("out.arrow").toString()));
    // likewise: 8 samples cannot fill a window of 500, refused after the file was read
    c.add(List.of("train", "--data", f, "--window", "500", "--out", dir.resolve("m").toString()));
    return c;
  }

  private static String[] with(List<String> command, String... more) {
    List<String> a = new ArrayList<>(command);
    a.addAll(List.of(more));
    return a.toArray(new String[0]);
  }

  @Test
  void byDefaultEveryCommandReadsTheFileAndPrintsTheSameNote() throws Exception {
    String dropped = SeriesFiles.read(csv, TimeOrder.KEEP_SAMPLES).metadata()
        .get("timestampsDropped");
    String note = TimeOrderOption.note(csv, dropped);
    assertTrue(note.contains("line 4") && note.contains("duplicate"), note);
    for (List<String> c : commands()) {
      Run r = run(with(c));
      assertTrue(r.err().contains(note), c + ": " + r.err());
      switch (c.get(0)) {
        case "inspect" -> {
          assertEquals(0, r.code(), r.err());
          assertTrue(r.out().contains("8 samples"), r.out());
        }
        case "ask" -> {
          assertEquals(2, r.code(), r.err());
          assertTrue(r.err().contains("of 8 samples"), r.err());
        }
        case "label" -> {
          assertEquals(0, r.code(), r.err());
          assertTrue(Files.isRegularFile(dir.resolve("out.arrow")));
        }
        case "train" -> {
          assertEquals(2, r.code(), r.err());
          assertTrue(r.err().contains("8 samples, fewer than the window of 500"), r.err());
        }
        default -> throw new AssertionError(c);
      }
    }
  }

  @Test
  void strictRejectsTheFileWithTheSameMessageOnEveryCommand() {
    DataFormatException e = assertThrows(DataFormatException.class,
        () -> SeriesFiles.read(csv, TimeOrder.STRICT));
    String expected = "florets: error: " + e.getMessage();
    assertTrue(expected.contains("line 4") && expected.contains("duplicate timestamp"), expected);
    for (List<String> c : commands()) {
      Run r = run(with(c, TimeOrderOption.NAME, "STRICT"));
      assertEquals(2, r.code(), c + ": " + r.err());
      assertEquals(expected, r.err().strip(), c.toString());
    }
    assertFalse(Files.exists(dir.resolve("out.arrow")), "label wrote nothing");
  }

  @Test
  void theOptionHasTheSameNameValuesAndDefaultOnEveryCommand() {
    CommandLine cl = Main.commandLine();
    for (String name : List.of("inspect", "ask", "label", "train")) {
      CommandLine.Model.OptionSpec o = cl.getSubcommands().get(name).getCommandSpec()
          .findOption(TimeOrderOption.NAME);
      assertTrue(o != null, name + " has " + TimeOrderOption.NAME);
      assertEquals("KEEP_SAMPLES", o.defaultValue(), name);
      assertEquals(TimeOrder.class, o.type(), name);
    }
  }
}
