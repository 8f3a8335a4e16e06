package io.florets.prompt.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.prompt.vocab.Vocabulary;
import org.junit.jupiter.api.Test;

class EmbedFacetTest {
  @Test
  void tokenFormAndExpansionNameTheFacet() {
    Prompt<?> p = PromptParser.parse("<EMBED>trend");
    assertSame(Tasks.EMBED, p.task());
    assertEquals(EmbedFacet.TREND, p.facet().orElseThrow());
    assertEquals("<EMBED>trend", p.text());
    assertEquals("Embed the series for retrieval by trend.", p.expansion());
    assertEquals(p, PromptParser.parse(p.expansion()));
    assertEquals(EmbedFacet.SEASONALITY, PromptParser.parse("<EMBED> Seasonality ").facet().orElseThrow());
    assertEquals(EmbedFacet.GENERAL, PromptParser.parse("<EMBED>").facet().orElseThrow());
    assertEquals(EmbedFacet.GENERAL, PromptParser.parse("Embed the series for retrieval.").facet().orElseThrow());
    assertEquals(Tasks.EMBED.prompt(), Prompt.embed(EmbedFacet.GENERAL));
    assertTrue(PromptParser.parse("<EVENTS>").facet().isEmpty());
  }

  @Test
  void theFacetIsNotAnEncoderToken() {
    Vocabulary v = Vocabulary.standard();
    assertArrayEquals(new int[] {v.id("<EMBED>")}, Prompt.embed(EmbedFacet.CLASS).tokens(v));
  }

  @Test
  void anUnknownFacetIsNamedWithTheValidOnes() {
    PromptException e = assertThrows(PromptException.class, () -> PromptParser.parse("<EMBED>colour"));
    assertEquals(7, e.column());
    for (String w : new String[] {"'colour'", "trend", "seasonality", "noise", "events", "class"}) {
      assertTrue(e.getMessage().contains(w), e.getMessage());
    }
    IllegalArgumentException cli = assertThrows(IllegalArgumentException.class,
        () -> EmbedFacet.parse("shape", "--facet"));
    assertTrue(cli.getMessage().contains("'shape' (--facet)") && cli.getMessage().contains("noise"),
        cli.getMessage());
    assertThrows(PromptException.class, () -> PromptParser.parse("<EMBED>trend noise"));
  }
}
