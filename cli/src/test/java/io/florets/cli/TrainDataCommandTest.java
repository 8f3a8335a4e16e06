package io.florets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.florets.datasets.Window;
import io.florets.prompt.facade.Florets;
import io.florets.prompt.facade.bundle.BundleProvenance;
import io.florets.prompt.readout.Label;
import io.florets.prompt.task.Tasks;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TrainDataCommandTest {
  @TempDir
  Path tmp;

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

  /** 320 rows: a ramp while 'state' is "rise" and a wave while it is "calm"; rows 240.. empty. */
  private Path csv(int channels) throws Exception {
    Random r = new Random(2);
    StringBuilder b = new StringBuilder(channels == 1 ? "value,state\n" : "a,b,state\n");
    for (int t = 0; t < 320; t++) {
      boolean rise = (t / 40) % 2 == 0;
      double v = (rise ? 0.1 * (t % 40) : Math.sin(t / 3.0)) + 0.05 * r.nextGaussian();
      String state = t >= 240 ? "" : rise ? "rise" : "calm";
      b.append(String.format(java.util.Locale.ROOT, "%.4f", v));
      if (channels == 2) {
        b.append(',').append(String.format(java.util.Locale.ROOT, "%.4f", -v));
      }
      b.append(',').append(state).append('\n');
    }
    return Files.writeString(tmp.resolve(channels == 1 ? "acts.csv" : "acts2.csv"), b.toString());
  }

  @Test
  void adaptsTheDefaultModelToACsvClassColumnAndWritesAModelThatAnswersTheUsersClasses()
      throws Exception {
    Path data = csv(1);
    Path out = tmp.resolve("model");
    Run r = run("train", "--data", data.toString(), "--window", "40", "--classes", "state",
        "--steps", "2", "--round-steps", "1", "--batch", "4", "--out", out.toString(), "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals(8, j.get("windows").asInt());
    assertEquals(6, j.get("labelledWindows").asInt(), "rows 240.. have no state");
    assertEquals(List.of("rise", "calm"), List.of(j.get("classes").get(0).asText(),
        j.get("classes").get(1).asText()));
    assertEquals(2, j.get("rounds").size());
    assertTrue(j.get("rounds").get(1).get("modelQuality").has("classAccuracy"), r.out());
    // lean: no null anywhere, no per-labeler analysis, no label quality (a user's data has no truth)
    assertTrue(!r.out().contains("null") && !r.out().contains("labelerAnalysis")
        && !r.out().contains("labelQuality"), r.out());
    assertTrue(r.out().lines().count() < 60, r.out().lines().count() + " lines: " + r.out());
    assertTrue(!j.get("rounds").get(0).has("modelQuality"), "round 0 has no model: " + r.out());
    assertTrue(j.get("rounds").get(1).get("trainingSteps").asLong() >= 1, r.out());
    assertTrue(j.get("about").asText().contains("rounds[0]"), r.out());
    assertTrue(j.get("init").asText().startsWith("default"), j.get("init").asText());
    assertTrue(r.err().contains("round 1 train"), "progress on stderr: " + r.err());
    try (Florets f = Florets.load(out)) {
      BundleProvenance p = f.bundle().provenance();
      assertEquals("adaptation", p.recipe());
      assertTrue(p.command().contains("--classes state"), p.command());
      assertEquals(DataTraining.sha256(data), p.details().get("dataSha256"));
      assertEquals("40", p.details().get("window"));
      assertEquals("40", p.details().get("stride"));
      assertEquals("rise, calm", p.details().get("classNames"));
      float[] w = new float[40];
      for (int t = 0; t < 40; t++) {
        w[t] = 0.1f * t;
      }
      Label l = f.ask(Window.of(w), Tasks.CLASSIFY);
      assertTrue(List.of("rise", "calm").contains(l.name()), l.name());
    }
  }

  @Test
  void withoutClassesAFreshModelLearnsFromTheLabelersAlone() throws Exception {
    StringBuilder b = new StringBuilder("value\n");
    for (int t = 0; t < 192; t++) {
      b.append(String.format(java.util.Locale.ROOT, "%.4f%n", Math.sin(t / 5.0) + (t > 120 ? 3 : 0)));
    }
    Path data = Files.writeString(tmp.resolve("plain.csv"), b.toString());
    Path out = tmp.resolve("plain-model");
    Run r = run("train", "--data", data.toString(), "--window", "64", "--stride", "32",
        "--init", "none", "--steps", "1", "--round-steps", "1", "--batch", "4", "--out",
        out.toString(), "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals(5, j.get("windows").asInt(), "starts 0, 32, 64, 96, 128");
    assertEquals(0, j.get("labelledWindows").asInt());
    try (Florets f = Florets.load(out)) {
      assertEquals("none", f.bundle().provenance().details().get("classes"));
      assertTrue(f.bundle().provenance().details().get("init").startsWith("none (fresh"));
      assertEquals(1, f.bundle().channels());
      assertTrue(f.bundle().frontEndConfig().tokenNorm(), "a fresh model gets the token norm");
    }
  }

  @Test
  void badInputIsAClearErrorNamingTheFileOrValue() throws Exception {
    Path data = csv(1);
    Path two = csv(2);
    Path out = tmp.resolve("m");
    Run noWindow = run("train", "--data", data.toString(), "--out", out.toString());
    assertEquals(2, noWindow.code());
    assertTrue(noWindow.err().contains("--window is required"), noWindow.err());
    Run noColumn = run("train", "--data", data.toString(), "--window", "40", "--classes", "label",
        "--out", out.toString());
    assertEquals(2, noColumn.code());
    assertTrue(noColumn.err().contains("acts.csv") && noColumn.err().contains("no column 'label'"),
        noColumn.err());
    Run tooLong = run("train", "--data", data.toString(), "--window", "500", "--classes", "state",
        "--out", out.toString());
    assertEquals(2, tooLong.code());
    assertTrue(tooLong.err().contains("320 samples, fewer than the window of 500"), tooLong.err());
    Run channels = run("train", "--data", two.toString(), "--window", "40", "--classes", "state",
        "--steps", "1", "--out", out.toString());
    assertEquals(2, channels.code());
    assertTrue(channels.err().contains("2 channel(s)") && channels.err().contains("trained on 1"),
        channels.err());
    Run recipeOption = run("train", "--data", data.toString(), "--window", "40", "--windows", "9",
        "--out", out.toString());
    assertEquals(2, recipeOption.code());
    assertTrue(recipeOption.err().contains("--windows belongs to recipe mode"), recipeOption.err());
    Run dataOption = run("train", "--recipe", "tiny", "--classes", "x", "--out", out.toString());
    assertEquals(2, dataOption.code());
    assertTrue(dataOption.err().contains("--classes belongs to data mode"), dataOption.err());
    assertTrue(!Files.exists(out), "nothing written on bad input");
  }

  @Test
  void gunPointFromFileClassesRunsEndToEnd() throws Exception {
    String root = System.getProperty("florets.shared.data");
    assumeTrue(root != null, "florets.shared.data not set");
    Path train = Paths.get(root, "ucr", "GunPoint", "GunPoint_TRAIN.ts");
    assumeTrue(Files.isRegularFile(train), "no shared data at " + train);
    Path out = tmp.resolve("gp");
    Run r = run("train", "--data", train.toString(), "--window", "150", "--classes", "from-file",
        "--steps", "4", "--round-steps", "2", "--out", out.toString(), "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals(50, j.get("series").asInt());
    assertEquals(50, j.get("windows").asInt());
    assertEquals(50, j.get("labelledWindows").asInt());
    assertEquals(8, j.get("rounds").get(1).get("modelQuality").get("classHeldOut").asInt());
    assertEquals(8, j.get("heldOutLabelled").asInt());
    double acc = j.get("heldOutClassAccuracy").asDouble();
    assertTrue(acc >= 0 && acc <= 1 && Math.round(acc * 8) == acc * 8, "k of 8: " + acc);
    try (Florets f = Florets.load(out)) {
      assertEquals(List.of("2", "1"), f.bundle().head().vocabulary().classNames());
    }
    Path test = train.resolveSibling("GunPoint_TEST.ts");
    Run e = run("eval", "ucr", "--train", train.toString(), "--test", test.toString(), "--model",
        out.toString(), "--runs", "1", "--threads", "1", "--json");
    assertEquals(0, e.code(), e.err());
    JsonNode ej = new ObjectMapper().readTree(e.out());
    double testAcc = ej.get("florets").asDouble();
    assertTrue(testAcc >= 0 && testAcc <= 1, e.out());
    double ece = ej.get("floretsEce").asDouble();
    assertTrue(ece >= 0 && ece <= 1 && ej.get("floretsSeconds").asDouble() > 0, e.out());
    assertTrue(ej.get("floretsNote").asText().contains(out.toString()), e.out());
    Run both = run("eval", "ucr", "--train", train.toString(), "--test", test.toString(),
        "--model", out.toString(), "--adapt-steps", "5");
    assertEquals(2, both.code());
    assertTrue(both.err().contains("not both"), both.err());
  }
}
