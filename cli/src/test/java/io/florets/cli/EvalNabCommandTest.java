package io.florets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EvalNabCommandTest {

  /** A one-file NAB corpus (art_daily_jumpsup with its window) in a temporary folder. */
  private static Path[] oneFileCorpus(Path dir) throws Exception {
    String root = System.getProperty("florets.shared.data");
    assumeTrue(root != null, "florets.shared.data not set");
    Path src = Paths.get(root, "nab", "data", "artificialWithAnomaly", "art_daily_jumpsup.csv");
    assumeTrue(Files.isRegularFile(src), "no shared data at " + src);
    Path data = dir.resolve("data");
    Files.createDirectories(data.resolve("artificialWithAnomaly"));
    Files.copy(src, data.resolve("artificialWithAnomaly/art_daily_jumpsup.csv"));
    Path labels = dir.resolve("windows.json");
    Files.writeString(labels, "{\"artificialWithAnomaly/art_daily_jumpsup.csv\": "
        + "[[\"2014-04-10 16:15:00.000000\", \"2014-04-12 01:45:00.000000\"]]}");
    return new Path[] {data, labels};
  }

  @Test
  void printsNormalisedScoresPerFileScoresAndWritesNabResults(@TempDir Path dir) throws Exception {
    Path[] c = oneFileCorpus(dir);
    Path results = dir.resolve("results");
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out));
    int code = cl.execute("eval", "nab", "--data", c[0].toString(), "--labels", c[1].toString(), "--json",
        "--results-dir", results.toString());
    assertEquals(0, code, out.toString());
    JsonNode j = new ObjectMapper().readTree(out.toString());
    assertEquals(1, j.get("files").asInt());
    assertEquals(1, j.get("windows").asInt());
    for (String p : List.of("standard", "reward_low_FP_rate", "reward_low_FN_rate")) {
      double s = j.get(p).asDouble();
      assertEquals(s, j.get("scores").get(p).asDouble(), 0.0);
      assertTrue(s >= 0 && s <= 100, p + " " + s);
      assertTrue(j.get("thresholds").has(p));
      assertEquals(1, j.get("perFile").get(p).size());
    }
    assertTrue(j.get("settings").has("discordLength"));
    Path written = results.resolve("florets/artificialWithAnomaly/florets_art_daily_jumpsup.csv");
    List<String> lines = Files.readAllLines(written);
    assertEquals("timestamp,value,anomaly_score,label", lines.get(0));
    assertEquals(4033, lines.size());
  }

  @Test
  void unknownDetectorIsAnError(@TempDir Path dir) throws Exception {
    Path[] c = oneFileCorpus(dir);
    CommandLine cl = Main.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));
    int code = cl.execute("eval", "nab", "--data", c[0].toString(), "--labels", c[1].toString(), "--detector", "nope");
    assertEquals(2, code);
    assertTrue(err.toString().contains("nope"), err.toString());
  }
}
