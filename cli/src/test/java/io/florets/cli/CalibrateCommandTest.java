package io.florets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.florets.dataengine.eval.CalibrationFit;
import io.florets.dataengine.train.Recipe;
import io.florets.engine.EngineConfig;
import io.florets.engine.series.SeriesFrontEndConfig;
import io.florets.prompt.PromptHead;
import io.florets.prompt.calibration.Calibration;
import io.florets.prompt.facade.Florets;
import io.florets.prompt.facade.bundle.ModelBundle;
import io.florets.prompt.vocab.Vocabulary;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CalibrateCommandTest {
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

  /** A tiny untrained model folder whose classes are the default recipe's trend tags. */
  private Path tinyModel() throws Exception {
    List<String> classes = Recipe.defaultRecipe(1).data().trends().stream().map(t -> t.tag())
        .toList();
    EngineConfig e = EngineConfig.tiny().withMaxLengths(32, 128);
    Path dir = tmp.resolve("model");
    try (ModelBundle b = ModelBundle.create(e, SeriesFrontEndConfig.defaults(e.dModel()),
        PromptHead.of(Vocabulary.standard().withClassNames(classes)), 3).withChannels(1)) {
      b.save(dir);
    }
    return dir;
  }

  @Test
  void writesAChecksummedCalibrationThatTheFacadeLoads() throws Exception {
    Path dir = tinyModel();
    Run r = run("calibrate", "--model", dir.toString(), "--windows", "6", "--seed", "5", "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals(3, j.path("fitWindows").asInt());
    assertEquals(3, j.path("heldOutWindows").asInt());
    Path file = dir.resolve(Calibration.FILE);
    assertTrue(Files.isRegularFile(file));
    assertEquals(new ObjectMapper().readTree(file.toFile()).path("sha256").asText(),
        j.path("sha256").asText());
    Set<String> tasks = new HashSet<>();
    j.path("tasks").fieldNames().forEachRemaining(tasks::add);
    JsonNode fileMin = new ObjectMapper().readTree(file.toFile()).path("minConfidence");
    assertEquals(tasks.contains("EVENTS"), fileMin.has("EVENTS"), r.out());
    try (Florets f = Florets.load(dir)) {
      assertEquals(tasks, f.calibration().orElseThrow().tasks().keySet());
      if (tasks.contains("EVENTS")) {
        double min = j.path("tasks").path("EVENTS").path("minConfidence").doubleValue();
        assertEquals(fileMin.path("EVENTS").doubleValue(), min);
        assertEquals(min, f.calibration().orElseThrow().minConfidence().get("EVENTS"));
      }
    }
    assertFalse(tasks.isEmpty(), r.out());
  }

  @Test
  void printsTheMinimumConfidenceAndHeldOutF1OfThresholdedTasksOnly() throws Exception {
    CalibrationFit.TaskFit events = new CalibrationFit.TaskFit(40, 20, 20, 0.5, 0.2, 0.05, 0.7,
        0.5, 6, 0.41666666666666663, new java.util.TreeMap<>(Map.of("spike_up", 0.3,
            "trend_change", 0.6)), 0.375, 0.4615, 0.5217, 0.53);
    CalibrationFit.TaskFit shape = new CalibrationFit.TaskFit(40, 20, 20, 0.5, 0.2, 0.05, 0.7,
        0.5, 6, null, null, null, null, null, null);
    StringWriter text = new StringWriter();
    PrintWriter w = new PrintWriter(text);
    CalibrateCommand.printThreshold(w, "EVENTS", events);
    CalibrateCommand.printThreshold(w, "SHAPE", shape);
    w.flush();
    String[] lines = text.toString().split("\\R");
    assertEquals(3, lines.length, text.toString());
    assertTrue(lines[0].startsWith("EVENTS minimum confidence 0.4167 "), lines[0]);
    assertEquals("EVENTS minimum confidence per event type: spike_up 0.3000, trend_change 0.6000",
        lines[1]);
    assertTrue(lines[2].startsWith("EVENTS held-out event F1 0.4615 without a threshold, 0.5217 "
        + "with 0.3750, 0.53 with the per-type minimums"), lines[2]);
    JsonNode j = new ObjectMapper().valueToTree(Map.of("EVENTS", events, "SHAPE", shape));
    assertEquals(0.41666666666666663, j.path("EVENTS").path("minConfidence").doubleValue());
    assertEquals(0.4615, j.path("EVENTS").path("heldOutF1Before").doubleValue());
    assertEquals(0.5217, j.path("EVENTS").path("heldOutF1After").doubleValue());
    assertEquals(0.375, j.path("EVENTS").path("fitHalfMinConfidence").doubleValue());
    assertEquals(0.6, j.path("EVENTS").path("typeMinConfidence").path("trend_change").doubleValue());
    assertEquals(0.53, j.path("EVENTS").path("heldOutF1AfterTypes").doubleValue());
    assertFalse(j.path("SHAPE").has("minConfidence") || j.path("SHAPE").has("heldOutF1Before"),
        j.toString());
  }

  @Test
  void refusesTheShippedModelAFileAndEvaluationSeeds() throws Exception {
    Run def = run("calibrate", "--model", "default");
    assertEquals(2, def.code());
    assertTrue(def.err().contains("default model"), def.err());
    Path file = Files.writeString(tmp.resolve("x.txt"), "x");
    Run notDir = run("calibrate", "--model", file.toString());
    assertEquals(2, notDir.code());
    assertTrue(notDir.err().contains("not a folder") && notDir.err().contains("x.txt"), notDir.err());
    Path dir = Files.createDirectories(tmp.resolve("m"));
    Run seed = run("calibrate", "--model", dir.toString(), "--seed", "99");
    assertEquals(2, seed.code());
    assertTrue(seed.err().contains("99"), seed.err());
    Run noModel = run("calibrate", "--model", dir.toString(), "--seed", "7", "--windows", "4");
    assertEquals(2, noModel.code());
    assertTrue(noModel.err().contains("bundle.json"), noModel.err());
  }
}
