package io.florets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EvalSegmentationCommandTest {

  /**
   * Three series in benchmark layout: two sines that turn into square waves (at 800 and at 650) and a
   * plain sine. The z threshold of each is chosen on the other two, so each needs a counterpart.
   */
  private static void folder(Path dir) throws Exception {
    Random r = new Random(9);
    StringBuilder a = new StringBuilder();
    StringBuilder b = new StringBuilder();
    StringBuilder c = new StringBuilder();
    for (int i = 0; i < 1500; i++) {
      double s = Math.sin(2 * Math.PI * i / 20.0);
      a.append((i < 800 ? s : Math.signum(s)) + 0.05 * r.nextGaussian()).append('\n');
      b.append(s + 0.2 * r.nextGaussian()).append('\n');
      c.append((i < 650 ? s : Math.signum(s)) + 0.05 * r.nextGaussian()).append('\n');
    }
    Files.writeString(dir.resolve("Two.txt"), a.toString());
    Files.writeString(dir.resolve("One.txt"), b.toString());
    Files.writeString(dir.resolve("Three.txt"), c.toString());
    Files.writeString(dir.resolve("desc.txt"), "Two,20,800\nOne,20\nThree,20,650\n");
    Files.writeString(dir.resolve("competitors_covering.csv"), "dataset,ClaSP,PELT\nTwo,0.9,0.5\nOne,1.0,0.6\nThree,0.8,0.4\n");
  }

  @Test
  void printsCoveringF1SeriesAndCompetitors(@TempDir Path dir) throws Exception {
    folder(dir);
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out));
    int code = cl.execute("eval", "segmentation", "--data", dir.toString(), "--json");
    assertEquals(0, code, out.toString());
    JsonNode j = new ObjectMapper().readTree(out.toString());
    assertEquals(3, j.get("series").asInt());
    assertTrue(j.get("covering").asDouble() > 0.95, out.toString());
    assertTrue(j.get("f1").asDouble() > 0.8, out.toString());
    assertEquals(0.9, j.get("competitors").get("ClaSP").asDouble(), 1e-12);
    assertEquals(0.5, j.get("competitors").get("PELT").asDouble(), 1e-12);
    assertEquals(3, j.get("perSeries").size());
  }
}
