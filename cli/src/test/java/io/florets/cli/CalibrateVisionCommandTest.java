package io.florets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.florets.vision.data.SceneConfig;
import io.florets.vision.data.SceneGenerator;
import io.florets.vision.data.VisionSources;
import io.florets.vision.image.ImageFiles;
import io.florets.vision.image.RasterImage;
import io.florets.vision.model.VisionModel;
import io.florets.vision.ood.OodCheck;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CalibrateVisionCommandTest {
  @TempDir
  Path tmp;

  private record Run(int code, String out, String err) {
  }

  /** Runs the command line, capturing both its writers and System.out (where ask prints). */
  private static Run run(String... args) {
    PrintStream old = System.out;
    ByteArrayOutputStream sys = new ByteArrayOutputStream();
    System.setOut(new PrintStream(sys, true, StandardCharsets.UTF_8));
    try {
      CommandLine cl = Main.commandLine();
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      cl.setOut(new PrintWriter(out));
      cl.setErr(new PrintWriter(err));
      int code = cl.execute(args);
      return new Run(code, out + sys.toString(StandardCharsets.UTF_8), err.toString());
    } finally {
      System.setOut(old);
    }
  }

  /** A shaded, textured RGB picture, nothing like flat synthetic shapes. */
  private static RasterImage shaded(int side) {
    float[] px = new float[3 * side * side];
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < side; y++) {
        for (int x = 0; x < side; x++) {
          double v = 0.5 + 0.22 * Math.sin(x / (5.0 + c) + 1.3 * c) * Math.cos(y / (7.0 + 2 * c))
              + 0.18 * Math.sin((x + 2 * y) / (17.0 + c)) + 0.08 * Math.sin(x * y / 150.0);
          px[(c * side + y) * side + x] = (float) Math.max(0, Math.min(1, v));
        }
      }
    }
    return RasterImage.of(side, side, 3, px);
  }

  @Test
  void refusesTrainingSeedsAndFoldersWithoutAVisionModel() throws Exception {
    Run r = run("calibrate-vision", "--model", tmp.toString());
    assertNotEquals(0, r.code());
    assertTrue(r.err().contains("vision.json"), r.err());
    VisionModel.exportDefaultModel(tmp);
    r = run("calibrate-vision", "--model", tmp.toString(), "--seed", "99");
    assertNotEquals(0, r.code());
    assertTrue(r.err().contains("--seed 99"), r.err());
  }

  @Test
  void askFlagsAShadedPictureAndLeavesAGeneratedSceneAlone() throws Exception {
    assumeTrue(VisionModel.hasDefaultModel(), "no shipped vision model");
    Path odd = tmp.resolve("shaded.png");
    ImageFiles.writePng(shaded(160), odd);
    JsonNode a = new ObjectMapper().readTree(run("ask", "--image", odd.toString(), "--prompt", "<OD>", "--json").out());
    assertEquals(OodCheck.CAVEAT, a.path("caveat").asText(), a.toString());
    assertTrue(a.path("outOfDistribution").path("flagged").asBoolean(), a.toString());
    for (JsonNode b : a.path("answer").path("boxes")) {
      assertTrue(b.path("confidence").asDouble() <= 0.2, b.toString());
    }
    Run text = run("ask", "--image", odd.toString(), "--prompt", "<CAPTION>");
    assertTrue(text.out().startsWith("caveat: " + OodCheck.CAVEAT), text.out());
    Path scene = tmp.resolve("scene.png");
    RasterImage fresh;
    try (VisionModel m = VisionModel.defaultModel()) {
      SceneGenerator g = SceneGenerator.of(SceneConfig.DEFAULT, 31);
      long i = 0;
      while (m.check(g.scene(i).image()).flagged()) {
        i++;  // about 1 in 100 training-like scenes is flagged
      }
      fresh = g.scene(i).image();
    }
    ImageFiles.writePng(fresh, scene);
    JsonNode s = new ObjectMapper().readTree(run("ask", "--image", scene.toString(), "--prompt", "<OD>", "--json").out());
    assertFalse(s.has("caveat"), s.toString());
    assertFalse(s.path("outOfDistribution").path("flagged").asBoolean(), s.toString());
  }

  @Test
  void calibrateWritesTheCheckAndReportsItsRates() throws Exception {
    try {
      VisionSources.digitsFile();
    } catch (java.io.IOException e) {
      assumeTrue(false, "no shared digits data: " + e.getMessage());
    }
    Path dir = tmp.resolve("model");
    VisionModel.exportDefaultModel(dir);
    Files.delete(dir.resolve(OodCheck.FILE));
    Path odd = tmp.resolve("shaded.png");
    ImageFiles.writePng(shaded(96), odd);
    Run r = run("calibrate-vision", "--model", dir.toString(), "--images", "120", "--seed", "5",
        "--json", "--probe", odd.toString());
    assertEquals(0, r.code(), r.err());
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals(60, j.path("fitImages").asInt());
    assertEquals(0.995, j.path("perFeatureQuantile").asDouble(), 1e-12);
    assertTrue(j.path("threshold").path("encoder-mean").asDouble() > 0, j.toString());
    assertTrue(j.path("probes").get(0).path("flagged").asBoolean(), j.toString());
    OodCheck c = OodCheck.load(dir).orElseThrow();
    assertEquals(5L, ((Number) c.facts().get("seed")).longValue());
    assertTrue(c.facts().get("command").toString().startsWith("florets calibrate-vision --images 120 --seed 5"));
  }
}
