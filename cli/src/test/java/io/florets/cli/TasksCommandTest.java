package io.florets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.florets.prompt.task.Tasks;
import io.florets.prompt.vocab.Vocabulary;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TasksCommandTest {
  @Test
  void listsEveryTaskAsJson() throws Exception {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out));
    assertEquals(0, cl.execute("tasks", "--json"));
    JsonNode root = new ObjectMapper().readTree(out.toString());
    assertEquals(Vocabulary.standard().size(), root.path("vocabulary").path("size").asInt());
    JsonNode tasks = root.path("tasks");
    assertEquals(Tasks.all().size(), tasks.size());
    Set<String> seen = new HashSet<>();
    for (JsonNode t : tasks) {
      for (String key : new String[] {"token", "expansion", "arguments", "readout", "modality"}) {
        assertTrue(t.has(key), key + " missing in " + t);
      }
      seen.add(t.path("token").asText() + "/" + t.path("modality").asText());
    }
    assertTrue(seen.containsAll(Set.of("<EVENTS_OF>/series", "<OD>/image", "<CAPTION>/image", "<EMBED>/series")));
    JsonNode eventsOf = null;
    for (JsonNode t : tasks) {
      if (t.path("token").asText().equals("<EVENTS_OF>")) {
        eventsOf = t;
      }
    }
    assertEquals("Events", eventsOf.path("readout").asText());
    assertTrue(eventsOf.path("arguments").get(0).asText().startsWith("type"));
  }
}
