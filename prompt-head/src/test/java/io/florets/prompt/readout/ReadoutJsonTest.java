package io.florets.prompt.readout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadoutJsonTest {
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void aCaveatIsItsTextInJsonAndAbsentWithoutOne() {
    Label plain = new Label("up", 0.9);
    JsonNode p = json.valueToTree(plain);
    assertFalse(p.has("caveat"), p.toString());
    assertEquals("up", p.path("name").asText());

    JsonNode l = json.valueToTree(plain.withCaveat("unlike the training data", 0.2));
    assertEquals("unlike the training data", l.path("caveat").asText(), l.toString());
    assertEquals(0.2, l.path("confidence").asDouble(), 1e-12);

    JsonNode c = json.valueToTree(new Caption("a red square", 0.7).withCaveat("odd picture", 0.2));
    assertEquals("odd picture", c.path("caveat").asText(), c.toString());

    JsonNode b = json.valueToTree(new Boxes(List.of()));
    assertFalse(b.has("caveat"), b.toString());
  }
}
