package io.florets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.Series;
import io.florets.datasets.io.arrow.ArrowSeries;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code florets ask --input} on a series longer than the model takes names the CLI's fix. */
class AskCommandLengthTest {
  @Test
  void aTooLongSeriesIsRefusedWithTheWindowOption(@TempDir Path dir) throws Exception {
    float[] v = new float[20_000];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) Math.sin(i / 11.0);
    }
    Path input = dir.resolve("long.arrow");
    ArrowSeries.write(input, List.of(Series.of("long", v)));
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute("ask", "--input", input.toString(), "--prompt", "<SHAPE>");
    assertEquals(2, code, out.toString());
    String e = err.toString();
    assertTrue(e.contains("'long'") && e.contains("20000 samples") && e.contains("--window START:LENGTH")
        && !e.contains("Windowing"), e);
  }
}
