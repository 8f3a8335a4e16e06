package io.florets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.florets.cli.fuzz.FuzzTarget;
import io.florets.cli.fuzz.FuzzTargets;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code florets fuzz}: the JSON summary, the help text and option errors. */
class FuzzCommandTest {
  @TempDir
  Path tmp;

  private int run(StringWriter out, StringWriter err, String... args) {
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void jsonSummaryHasTheCountsOfTheRun() throws Exception {
    StringWriter out = new StringWriter();
    int code = run(out, new StringWriter(), "fuzz", "--target", "ucr-tsv", "--max-inputs", "300",
        "--seed", "7", "--json", "--out", tmp.toString());
    JsonNode j = new ObjectMapper().readTree(out.toString());
    assertEquals(0, code, out.toString());
    assertEquals("ucr-tsv", j.path("target").asText());
    assertEquals(300, j.path("executions").asLong());
    assertEquals(0, j.path("crashes").asLong());
    assertEquals(0, j.path("hangs").asLong());
    assertTrue(j.has("seconds") && j.has("findings"), out.toString());
  }

  @Test
  void allRunsEveryTargetAndSumsTheCounts() throws Exception {
    StringWriter out = new StringWriter();
    run(out, new StringWriter(), "fuzz", "--target", "all", "--max-inputs", "30", "--json",
        "--out", tmp.toString());
    JsonNode j = new ObjectMapper().readTree(out.toString());
    assertEquals("all", j.path("target").asText());
    assertEquals(FuzzTargets.all().size(), j.path("targets").size());
    assertEquals(30L * FuzzTargets.all().size(), j.path("executions").asLong());
  }

  @Test
  void helpNamesEveryTarget() {
    StringWriter out = new StringWriter();
    run(out, new StringWriter(), "fuzz", "--help");
    for (FuzzTarget t : FuzzTargets.all()) {
      assertTrue(out.toString().contains("  " + t.name() + " "), t.name() + " in " + out);
    }
  }

  @Test
  void anUnknownTargetIsAClearError() {
    StringWriter err = new StringWriter();
    int code = run(new StringWriter(), err, "fuzz", "--target", "nope", "--max-inputs", "1");
    assertEquals(2, code);
    assertTrue(err.toString().contains("unknown target") && err.toString().contains("arrow-dense"), err.toString());
  }
}
