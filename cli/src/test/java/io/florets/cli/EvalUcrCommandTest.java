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
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class EvalUcrCommandTest {

  private static Path ucr(String name, String split) {
    String root = System.getProperty("florets.shared.data");
    assumeTrue(root != null, "florets.shared.data not set");
    Path p = Paths.get(root, "ucr", name, name + "_" + split + ".ts");
    assumeTrue(Files.isRegularFile(p), "no shared data at " + p);
    return p;
  }

  @Test
  void printsAccuraciesTimesAndTheFloretsPlaceholderAsJson() throws Exception {
    Path train = ucr("Chinatown", "TRAIN");
    Path test = ucr("Chinatown", "TEST");
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out));
    int code = cl.execute("eval", "ucr", "--train", train.toString(), "--test", test.toString(),
        "--runs", "1", "--adapt-steps", "0", "--json");
    assertEquals(0, code);
    JsonNode j = new ObjectMapper().readTree(out.toString());
    assertEquals("Chinatown", j.get("dataset").asText());
    assertEquals(0.9534, j.get("oneNnEuclideanZNorm").asDouble(), 1e-9);
    assertTrue(j.get("miniRocket").asDouble() >= 0.95, out.toString());
    assertTrue(j.get("miniRocketColdFitSeconds").asDouble() > 0);
    assertTrue(j.get("miniRocketFitSeconds").isNull(), "no warm figure from a single run");
    assertTrue(j.get("florets").isNull() && j.get("floretsEce").isNull()
        && j.get("floretsSeconds").isNull());
    assertTrue(j.get("floretsNote").asText().contains("skipped (--adapt-steps 0)"));
  }

  @Test
  void missingFileIsAnErrorNotACrash() {
    CommandLine cl = Main.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));
    int code = cl.execute("eval", "ucr", "--train", "/no/such/X_TRAIN.ts", "--test", "/no/such/X_TEST.ts");
    assertEquals(2, code);
    assertTrue(err.toString().contains("X_TRAIN.ts"), err.toString());
  }

  @Test
  void datasetNameDropsSplitAndExtension() {
    assertEquals("GunPoint", EvalUcrCommand.datasetName(Paths.get("/d/GunPoint_TRAIN.ts")));
    assertEquals("Chinatown", EvalUcrCommand.datasetName(Paths.get("Chinatown_train.arff")));
  }
}
