package io.florets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.Series;
import io.florets.datasets.io.arrow.ArrowSeries;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code florets report}: a labelled dataset drawn as inline SVG with its counts as tables. */
class ReportCommandTest {
  @Test
  void drawsALabelledDatasetWithEventsOnTheLineAndCountsInTables(@TempDir Path dir) throws Exception {
    float[] v = new float[512];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) Math.sin(i / 9.0) + (i == 100 || i == 300 ? 9f : 0f);
    }
    Path input = dir.resolve("in.arrow");
    ArrowSeries.write(input, List.of(Series.of("s", v)));
    Path labelled = dir.resolve("labelled.arrow");
    StringWriter err = new StringWriter();
    CommandLine label = Main.commandLine();
    label.setOut(new PrintWriter(new StringWriter(), true));
    label.setErr(new PrintWriter(err, true));
    assertEquals(0, label.execute("label", input.toString(), "--threads", "1", "--out",
        labelled.toString()), err.toString());
    CommandLine report = Main.commandLine();
    StringWriter out = new StringWriter();
    report.setOut(new PrintWriter(out, true));
    report.setErr(new PrintWriter(err, true));
    assertEquals(0, report.execute("report", labelled.toString(), "--out", dir.resolve("r").toString()),
        err.toString());
    String html = Files.readString(dir.resolve("r/report.html"));
    assertEquals(2, html.split("<svg", -1).length - 1, "one chart per window");
    assertTrue(html.contains("<th>source</th>") && html.contains("consensus"), "counts per source");
    assertTrue(html.contains("<circle"), "the spikes drawn on the line");
    assertTrue(html.contains("spike up"), "event types in words");
    assertFalse(html.contains("<img") || html.contains("NaN"), html.length() + " chars");
  }
}
