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
    assertTrue(j.get("settings").get("base").get("fast").has("discordLength"));
    assertEquals(1000, j.get("settings").get("likelihoodLong").asInt());
    Path written = results.resolve("florets/artificialWithAnomaly/florets_art_daily_jumpsup.csv");
    List<String> lines = Files.readAllLines(written);
    assertEquals("timestamp,value,anomaly_score,label", lines.get(0));
    assertEquals(4033, lines.size());
  }

  /** Two files of two categories, with their windows from the shared labels. */
  private static Path[] twoCategoryCorpus(Path dir) throws Exception {
    String root = System.getProperty("florets.shared.data");
    assumeTrue(root != null, "florets.shared.data not set");
    Path nab = Paths.get(root, "nab");
    assumeTrue(Files.isRegularFile(nab.resolve("labels/combined_windows.json")), "no shared NAB labels under " + nab);
    JsonNode all = new ObjectMapper().readTree(nab.resolve("labels/combined_windows.json").toFile());
    com.fasterxml.jackson.databind.node.ObjectNode some = new ObjectMapper().createObjectNode();
    Path data = dir.resolve("data");
    for (String f : List.of("artificialWithAnomaly/art_daily_jumpsup.csv",
        "realKnownCause/ec2_request_latency_system_failure.csv")) {
      Path src = nab.resolve("data").resolve(f);
      assumeTrue(Files.isRegularFile(src), "no shared data at " + src);
      Files.createDirectories(data.resolve(f).getParent());
      Files.copy(src, data.resolve(f));
      some.set(f, all.get(f));
    }
    Path labels = dir.resolve("windows.json");
    Files.writeString(labels, some.toString());
    return new Path[] {data, labels};
  }

  @Test
  void crossValidatesByCategoryAndReportsTheHeldOutScoreFirst(@TempDir Path dir) throws Exception {
    Path[] c = twoCategoryCorpus(dir);
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out));
    int code = cl.execute("eval", "nab", "--data", c[0].toString(), "--labels", c[1].toString(), "--cv", "categories",
        "--json");
    assertEquals(0, code, out.toString());
    JsonNode j = new ObjectMapper().readTree(out.toString());
    assertEquals("cvStandard", j.fieldNames().next(), "the cross-validated figure comes first");
    for (String k : List.of("cvStandard", "cvRewardLowFP", "cvRewardLowFN", "standard", "rewardLowFP", "rewardLowFN")) {
      assertTrue(j.get(k).isNumber(), k + " in " + j);
    }
    JsonNode folds = j.get("cv").get("standard").get("folds");
    assertEquals(2, folds.size());
    assertEquals("artificialWithAnomaly", folds.get(0).get("heldOut").asText());
    assertTrue(folds.get(0).get("settings").get("base").has("shortWindow"));
    double raw = folds.get(0).get("heldOutRaw").asDouble() + folds.get(1).get("heldOutRaw").asDouble();
    assertEquals(raw, j.get("cv").get("standard").get("raw").asDouble(), 1e-9);

    StringWriter text = new StringWriter();
    cl = Main.commandLine();
    cl.setOut(new PrintWriter(text));
    assertEquals(0, cl.execute("eval", "nab", "--data", c[0].toString(), "--labels", c[1].toString(), "--cv",
        "categories", "--detector", "windowedGaussian"));
    assertTrue(text.toString().indexOf("cross-validated") < text.toString().indexOf("in-sample"), text.toString());
  }

  @Test
  void anUnknownSplitIsAnError(@TempDir Path dir) throws Exception {
    Path[] c = oneFileCorpus(dir);
    CommandLine cl = Main.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));
    assertEquals(2, cl.execute("eval", "nab", "--data", c[0].toString(), "--labels", c[1].toString(), "--cv", "files"));
    assertTrue(err.toString().contains("files"), err.toString());
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
