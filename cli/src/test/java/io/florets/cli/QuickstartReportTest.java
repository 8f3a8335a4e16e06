package io.florets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code florets quickstart} writes a report a person can read: one self-contained page, the
 * series on its time axis with the labelled anomaly windows, events drawn where they are, panels
 * with every answer beside the labelers', the labeler analysis as a table, confidences explained,
 * and no internal tokens or invisible marks.
 */
class QuickstartReportTest {
  @TempDir
  static Path dir;
  private static String html;

  @BeforeAll
  static void runQuickstart() throws Exception {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(new StringWriter(), true));
    int code = cl.execute("quickstart", "--out", dir.toString(), "--threads", "1");
    assertEquals(0, code, out.toString());
    html = Files.readString(dir.resolve("report.html"));
  }

  @Test
  void isSelfContained() {
    assertTrue(html.contains("<svg"), "charts are inline SVG");
    assertFalse(html.contains("<img") || html.contains("<script") || html.contains("<link"),
        "no images, scripts or style sheets to fetch");
    String noNamespace = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
    assertFalse(noNamespace.contains("http://") || noNamespace.contains("https://"),
        "nothing fetched from the network");
  }

  @Test
  void drawsTheSeriesOnItsTimeAxisWithTheLabelledAnomalyWindows() {
    // the bundled CSV runs from 4 Jul 2013 to 28 May 2014: the axis names months, not sample numbers
    assertTrue(html.contains(">Jul 2013<") && html.contains(">Jan 2014<"), "month ticks");
    assertTrue(html.contains("4 Jul 2013 00:00 to 28 May 2014 15:00"), "the series' time span");
    assertEquals(2, count("<text[^>]*class=\"bandlabel\">labelled anomaly \\d</text>"),
        "both NAB anomaly windows shaded and named");
    // events sit on the line: a marker's height varies with the series, not one row along the top
    Matcher m = Pattern.compile("<circle cx=\"[0-9.]+\" cy=\"([0-9.]+)\"").matcher(html);
    java.util.Set<String> heights = new java.util.HashSet<>();
    while (m.find()) {
      heights.add(m.group(1));
    }
    assertTrue(heights.size() >= 3, "labelers' event markers at the series' values: " + heights);
  }

  @Test
  void hasPanelsWithEveryAnswerBesideTheLabelers() {
    assertTrue(count("<h3>Window [A-D]: ") >= 3, "at least three windows in detail");
    assertTrue(html.contains("Labelers&#39; answer") || html.contains("Labelers' answer"));
    for (String task : new String[] {"&lt;CLASSIFY&gt;", "&lt;CAPTION&gt;", "&lt;SHAPE&gt;",
        "&lt;PROPERTIES&gt;", "&lt;EVENTS&gt;", "&lt;SEGMENTS&gt;", "&lt;REGION_TO_DESCRIPTION&gt;",
        "&lt;ALERT&gt;", "&lt;EMBED&gt;"}) {
      assertTrue(count(Pattern.quote(task)) >= 3, task + " answered in every panel");
    }
    assertTrue(html.contains("class=\"strip\""), "segments drawn as strips");
    assertTrue(html.contains("mean (model)"), "the model's numbers drawn on the chart");
  }

  @Test
  void explainsConfidencesAndShowsNoInternalTokens() {
    assertTrue(html.contains("confidence between 0 and 1"), "confidences explained");
    assertTrue(html.matches("(?s).*confidence 0\\.\\d\\d, (high|medium|low).*"),
        "each confidence with its word");
    assertFalse(html.contains("&lt;t_") || html.contains("<t_"), "no time-bin tokens");
    assertFalse(html.contains("trend_change") || html.contains("level_shift"),
        "event types in words, not tokens");
    assertFalse(html.contains("NaN"), "no NaN drawn or printed");
  }

  @Test
  void labelerAnalysisIsATableAndNoMarkIsInvisible() {
    assertTrue(html.contains("<th>labeler</th>") && html.contains("<th>coverage</th>"));
    assertTrue(html.contains("spike.hampel") && html.contains("changepoint.pelt"));
    assertEquals(0, count("(width|height)=\"0(\\.0)?\""), "no zero-size rectangles");
  }

  private static int count(String regex) {
    Matcher m = Pattern.compile(regex).matcher(html);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
