package io.florets.datasets.io.jsonl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.florets.datasets.DenseDataset;
import io.florets.datasets.Window;
import io.florets.datasets.io.TargetFields;
import io.florets.datasets.io.arrow.DenseDatasetArrowTest;
import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.Event;
import io.florets.datasets.target.NumericProperty;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DenseDatasetJsonlTest {
  @TempDir
  Path dir;

  @Test
  void exportParsesBackWithJacksonToTheSameContent() throws IOException {
    DenseDataset d = DenseDatasetArrowTest.sample(4);
    Path p = dir.resolve("d.jsonl");
    DenseDatasetJsonl.write(p, d);
    List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
    assertEquals(d.size() + 1, lines.size());
    ObjectMapper m = new ObjectMapper();
    JsonNode head = m.readTree(lines.get(0));
    assertEquals("dataset", head.get("type").asText());
    assertEquals(d.size(), head.get("windows").asInt());
    assertEquals("unit test", head.get("metadata").get("name").asText());
    for (int i = 0; i < d.size(); i++) {
      JsonNode n = m.readTree(lines.get(i + 1));
      Window w = d.get(i).window();
      assertEquals("window", n.get("type").asText());
      assertEquals(i, n.get("index").asInt());
      assertEquals(w.seriesId(), n.get("seriesId").asText());
      assertEquals(w.start(), n.get("start").asInt());
      assertEquals(w.length(), n.get("length").asInt());
      assertEquals(w.channelNames().get(w.channels() - 1), n.get("channelNames").get(w.channels() - 1).asText());
      assertEquals(w.timestamps().isPresent(), !n.get("timestamps").isNull());
      if (w.timestamps().isPresent()) {
        assertEquals(w.timestamps().get()[0], n.get("timestamps").get(0).asLong());
      }
      for (int c = 0; c < w.channels(); c++) {
        JsonNode ch = n.get("values").get(c);
        assertEquals(w.length(), ch.size());
        for (int t = 0; t < w.length(); t++) {
          float v = w.value(c, t);
          if (Float.isNaN(v)) {
            assertTrue(ch.get(t).isNull(), "NaN is written as null");
          } else {
            assertEquals(v, Float.parseFloat(ch.get(t).asText()), "value " + c + "," + t);
          }
        }
      }
      List<Annotation> anns = d.get(i).annotations();
      JsonNode an = n.get("annotations");
      assertEquals(anns.size(), an.size());
      for (int k = 0; k < anns.size(); k++) {
        Annotation a = anns.get(k);
        JsonNode j = an.get(k);
        assertEquals(TargetFields.kindKey(a.target().kind()), j.get("kind").asText());
        assertEquals(a.source(), j.get("source").asText());
        assertEquals(a.sourceVersion(), j.get("sourceVersion").asText());
        assertEquals(a.confidence(), j.get("confidence").asDouble());
        assertEquals(a.target().channel(), j.get("channel").asInt());
        if (a.target() instanceof Event e) {
          assertEquals(e.type().token(), j.get("type").asText());
          assertEquals(e.start(), j.get("start").asInt());
          assertEquals(e.end(), j.get("end").asInt());
        }
        if (a.target() instanceof NumericProperty np) {
          assertEquals(np.value(), j.get("value").asDouble());
          assertEquals(np.unit(), j.get("unit").asText());
        }
      }
    }
  }
}
