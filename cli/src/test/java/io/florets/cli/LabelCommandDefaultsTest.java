package io.florets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.Series;
import io.florets.datasets.Window;
import io.florets.datasets.io.arrow.ArrowSeries;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code florets label}: {@code --window} defaults to 256, {@code --stride} to the window length. */
class LabelCommandDefaultsTest {
  private static LabelCommand parse(String... args) {
    LabelCommand c = new LabelCommand();
    new CommandLine(c).parseArgs(args);
    return c;
  }

  private static List<Integer> starts(LabelCommand c, int seriesLength) {
    Series s = Series.of("s", new float[seriesLength]);
    return c.windowing().apply(s).stream().map(Window::start).collect(Collectors.toList());
  }

  @Test
  void withoutWindowOrStrideWindowsAre256SamplesEnd() {
    LabelCommand c = parse("in.csv", "--out", "out.arrow");
    assertEquals(256, c.window);
    assertEquals(256, c.stride());
    // 600 samples: windows at 0 and 256, then a last one ending at the last sample
    assertEquals(List.of(0, 256, 344), starts(c, 600));
  }

  @Test
  void strideFollowsAGivenWindow() {
    LabelCommand c = parse("in.csv", "--out", "out.arrow", "--window", "100");
    assertEquals(100, c.stride());
    assertEquals(List.of(0, 100, 200), starts(c, 300));
  }

  @Test
  void aGivenStrideIsKept() {
    LabelCommand c = parse("in.csv", "--out", "out.arrow", "--window", "100", "--stride", "50");
    assertEquals(List.of(0, 50, 100, 150, 200), starts(c, 300));
  }

  @Test
  void aNonPositiveStrideOrWindowIsRefusedNamingTheOption() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> parse("in.csv", "--out", "o.arrow", "--stride", "0").windowing());
    assertTrue(e.getMessage().contains("--stride") && e.getMessage().contains("0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> parse("in.csv", "--out", "o.arrow", "--window", "-5").windowing());
    assertTrue(e.getMessage().contains("--window") && e.getMessage().contains("-5"), e.getMessage());
  }

  @Test
  void labelsWithTheDefaultsAndExplainsTheTable(@TempDir Path dir) throws Exception {
    float[] v = new float[600];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) Math.sin(i / 9.0) + (i == 300 ? 8f : 0f);
    }
    Path input = dir.resolve("in.arrow");
    ArrowSeries.write(input, List.of(Series.of("s", v)));
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute("label", input.toString(), "--threads", "1", "--out",
        dir.resolve("out.arrow").toString());
    assertEquals(0, code, err.toString());
    assertTrue(out.toString().contains("labelled 3 windows"), out.toString());
    assertTrue(out.toString().contains("florets eval labelers' scores them"), out.toString());
    // no gold in a plain file: no column of '-' under "accuracy"
    assertTrue(out.toString().lines().noneMatch(l -> l.startsWith("labeler ") && l.contains("accuracy")),
        out.toString());
  }

  @Test
  void helpNamesBothDefaults() {
    String help = new CommandLine(new LabelCommand()).getUsageMessage(CommandLine.Help.Ansi.OFF);
    assertTrue(help.contains("default 256"), help);
    assertTrue(help.contains("default: the window length"), help);
  }
}
