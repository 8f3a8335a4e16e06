package io.florets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class IndexSearchCommandTest {
  /** A CSV of one column: a rising ramp, then a flat stretch, 8 windows of 64 samples. */
  private static Path csv(Path dir) throws Exception {
    StringBuilder sb = new StringBuilder("value\n");
    for (int t = 0; t < 512; t++) {
      double v = t < 256 ? t / 32.0 : 8 + 0.01 * Math.sin(t);
      sb.append(String.format(Locale.ROOT, "%.4f%n", v));
    }
    Path f = dir.resolve("series.csv");
    Files.writeString(f, sb.toString());
    return f;
  }

  private static String run(int expectedExit, String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    assertEquals(expectedExit, cl.execute(args), err.toString());
    return expectedExit == 0 ? out.toString() : err.toString();
  }

  @Test
  void searchAnswersFromASavedIndexWithTags(@TempDir Path dir) throws Exception {
    Path in = csv(dir);
    Path idx = dir.resolve("idx");
    JsonNode built = new ObjectMapper().readTree(run(0, "index", "--input", in.toString(), "--window", "64",
        "--facet", "trend", "--out", idx.toString(), "--json"));
    assertEquals(8, built.path("windows").asInt());
    assertEquals("<EMBED>trend", built.path("facet").asText());
    JsonNode found = new ObjectMapper().readTree(run(0, "search", "--index", idx.toString(), "--query-file",
        in.toString(), "--window", "64", "--facet", "trend", "-k", "3", "--json"));
    JsonNode qs = found.path("queries");
    assertEquals(8, qs.size());
    for (JsonNode q : qs) {
      JsonNode ns = q.path("neighbours");
      assertEquals(3, ns.size());
      // every query is itself indexed: it is among its nearest neighbours, unless at least k
      // windows with the same answer tie with it (windows on one straight slope do)
      assertEquals(1.0, ns.get(0).path("similarity").asDouble(), 1e-3);
      boolean self = false;
      for (JsonNode n : ns) {
        self |= q.path("query").asText().equals(n.path("id").asText());
      }
      assertTrue(self || ns.get(2).path("similarity").asDouble() > 1 - 1e-3, q.toString());
      assertTrue(ns.get(0).path("tags").get(0).path("confidence").asDouble() > 0, ns.toString());
    }
    String wrong = run(2, "search", "--index", idx.toString(), "--query-file", in.toString(),
        "--facet", "noise");
    assertTrue(wrong.contains("<EMBED>trend") && wrong.contains("--facet noise"), wrong);
    String unknown = run(2, "index", "--input", in.toString(), "--facet", "colour", "--out", idx.toString());
    assertTrue(unknown.contains("'colour'") && unknown.contains("seasonality"), unknown);
  }
}
