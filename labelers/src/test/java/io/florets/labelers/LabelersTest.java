package io.florets.labelers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Choosing labelers by name. */
class LabelersTest {

  private static List<String> names(List<Labeler> ls) {
    List<String> out = new ArrayList<>();
    ls.forEach(l -> out.add(l.name()));
    return out;
  }

  @Test
  void theStructuralShapeLabelerIsInTheDefaultSuiteAndTheDiscordsAreNot() {
    assertTrue(names(Labelers.defaultSuite()).contains("shape.structural"));
    assertTrue(Labelers.discover().containsKey("discord.mp"));
    assertFalse(names(Labelers.defaultSuite()).contains("discord.mp"));
  }

  @Test
  void defaultStandsForTheDefaultSuiteOnceAndKeepsTheOrder() {
    List<String> suite = names(Labelers.defaultSuite());
    List<String> chosen = names(Labelers.byNames(List.of("default", "discord.mp", "stats.basic")));
    List<String> expected = new ArrayList<>(suite);
    expected.add("discord.mp");
    assertEquals(expected, chosen);
  }

  @Test
  void fastIsTheDefaultSuiteWithoutTheStructuralFit() {
    List<String> expected = names(Labelers.defaultSuite());
    expected.remove("shape.structural");
    assertEquals(expected, names(Labelers.byNames(List.of("fast"))));
    expected.add("shape.structural");
    assertEquals(expected, names(Labelers.byNames(List.of("fast", "default"))));
  }

  @Test
  void anUnknownNameIsRefusedWithTheKnownOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Labelers.byNames(List.of("shape.nope")));
    assertTrue(e.getMessage().contains("shape.nope") && e.getMessage().contains("'default'"), e.getMessage());
  }
}
