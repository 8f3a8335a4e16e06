package io.florets.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchReportTest {

  @Test
  void collectsJmhScoresAndTheLastJsonOfEachCommand(@TempDir Path dir) throws Exception {
    Path jmh = dir.resolve("jmh.json");
    Files.writeString(jmh, "[{\"benchmark\":\"a.B.run\",\"mode\":\"avgt\",\"threads\":1,\"forks\":1,"
        + "\"params\":{\"length\":\"150\"},"
        + "\"primaryMetric\":{\"score\":12.5,\"scoreError\":0.5,\"scoreUnit\":\"us/op\"}}]");
    Path out = dir.resolve("cmd.txt");
    Files.writeString(out, "building...\n{\"early\": 1}\nlog {not json\n{\n  \"miniRocket\": 0.99,\n  \"x\": {\"y\": 2}\n}\n");
    JsonNode r = BenchReport.write("abc123", jmh, new String[] {"eval ucr GunPoint=" + out});
    assertEquals("abc123", r.get("commit").asText());
    assertEquals(12.5, r.get("jmh").get(0).get("score").asDouble());
    assertEquals("us/op", r.get("jmh").get(0).get("unit").asText());
    assertEquals(0.99, r.get("commands").get("eval ucr GunPoint").get("miniRocket").asDouble());
    assertTrue(r.get("machine").get("processors").asInt() >= 1);

    JsonNode later = BenchReport.write("def456", jmh, new String[] {"eval ucr GunPoint=" + out});
    String table = BenchReport.compare(r, later);
    assertTrue(table.contains("a.B.run us/op") && table.contains("x1.000"), table);
    assertTrue(table.contains("eval ucr GunPoint miniRocket"), table);
  }

  @Test
  void lastJsonIsNullWithoutAnObject() {
    assertEquals(null, BenchReport.lastJson("no json here { broken"));
  }
}
