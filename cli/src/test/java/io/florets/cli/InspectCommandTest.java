package io.florets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.florets.datasets.DenseDataset;
import io.florets.datasets.Series;
import io.florets.datasets.Windowing;
import io.florets.datasets.io.arrow.DenseDatasetArrow;
import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.Event;
import io.florets.datasets.target.EventType;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class InspectCommandTest {
  @TempDir
  Path dir;

  private static JsonNode runJson(String... args) throws Exception {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out));
    assertEquals(0, cl.execute(args), out.toString());
    return new ObjectMapper().readTree(out.toString());
  }

  @Test
  void summarisesGunPointAsJson() throws Exception {
    String root = System.getProperty("florets.shared.data");
    assumeTrue(root != null, "florets.shared.data not set");
    Path p = Path.of(root, "ucr", "GunPoint", "GunPoint_TRAIN.ts");
    assumeTrue(Files.isRegularFile(p), "no shared data at " + p);
    JsonNode j = runJson("inspect", p.toString(), "--json");
    assertEquals("ts", j.get("format").asText());
    assertEquals(50, j.get("series").asInt());
    assertEquals(150, j.get("length").asInt());
    assertEquals(24, j.get("classes").get("1").asInt());
    assertEquals(26, j.get("classes").get("2").asInt());
    assertEquals(2, j.get("classes").size());
  }

  @Test
  void summarisesTheBundledSampleInTextAndJson() throws Exception {
    Path p = Path.of("..", "datasets", "src", "main", "resources", "io", "florets", "datasets", "samples",
        "ambient_temperature_system_failure.csv");
    assumeTrue(Files.isRegularFile(p), "run from the cli module folder");
    JsonNode j = runJson("inspect", p.toString(), "--json");
    assertEquals(1, j.get("series").asInt());
    assertEquals(7267, j.get("length").asInt());
    assertEquals("2013-07-04T00:00:00Z", j.get("timeSpan").get("start").asText());
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out));
    assertEquals(0, cl.execute("inspect", p.toString()));
    assertTrue(out.toString().contains("length:        7267 samples"), out.toString());
  }

  @Test
  void summarisesADenseDataset() throws Exception {
    float[] v = new float[100];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) Math.sin(i / 5.0);
    }
    List<DenseDataset.Entry> entries = new ArrayList<>();
    for (var w : Windowing.fixed(20, 20, Windowing.Tail.DROP).apply(Series.of("s", v))) {
      entries.add(new DenseDataset.Entry(w, List.of(Annotation.truth(new Event(EventType.SPIKE_UP, 3, 4)),
          new Annotation(new Event(EventType.DROPOUT, 5, 6), "rule.dropout", "1", 0.5))));
    }
    Path p = dir.resolve("labels.arrow");
    DenseDatasetArrow.write(p, DenseDataset.of(entries, Map.of()));
    JsonNode j = runJson("inspect", p.toString(), "--json");
    assertEquals("arrow-dense", j.get("format").asText());
    assertEquals(5, j.get("windows").asInt());
    assertEquals(20, j.get("windowLength").asInt());
    assertEquals(10, j.get("annotations").get("byKind").get("event").asInt());
    assertEquals(5, j.get("annotations").get("bySource").get("rule.dropout").asInt());
  }

  @Test
  void badFileExitsWithCode2AndNamesTheLine() throws Exception {
    Path p = Files.writeString(dir.resolve("bad.ts"), "@problemName X\n@classLabel false\n@data\n1,zz\n");
    CommandLine cl = Main.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));
    assertEquals(2, cl.execute("inspect", p.toString()));
    assertTrue(err.toString().contains("bad.ts, line 4, column 3"), err.toString());
  }
}
