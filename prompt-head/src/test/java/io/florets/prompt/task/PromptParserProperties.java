package io.florets.prompt.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.florets.datasets.target.EventType;
import io.florets.prompt.readout.Events;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class PromptParserProperties {

  @Provide
  Arbitrary<Prompt<?>> prompts() {
    List<Arbitrary<Prompt<?>>> all = new ArrayList<>();
    for (Task<?> t : Tasks.all()) {
      if (!t.needsArguments()) {
        all.add(Arbitraries.just(t.prompt()));
      }
    }
    all.add(Arbitraries.of(EventType.class).map(Prompt::eventsOf));
    all.add(Arbitraries.of(EmbedFacet.class).map(Prompt::embed));
    all.add(Combinators.combine(Arbitraries.of(io.florets.datasets.target.Property.class),
        Arbitraries.integers().between(-1, 40)).as(Prompt::property));
    all.add(Combinators.combine(Arbitraries.integers().between(0, 999), Arbitraries.integers().between(0, 999))
        .as((a, b) -> Prompt.region(Math.min(a, b), Math.max(a, b))));
    all.add(Combinators.combine(Arbitraries.integers().between(0, 999), Arbitraries.integers().between(0, 999),
        Arbitraries.integers().between(0, 999), Arbitraries.integers().between(0, 999))
        .as((a, b, c, d) -> Prompt.regionToCategory(Math.min(a, c), Math.min(b, d), Math.max(a, c), Math.max(b, d))));
    all.add(Arbitraries.strings().withCharRange('a', 'z').withChars(' ', ',').ofMinLength(1).ofMaxLength(30)
        .filter(s -> !s.isBlank()).map(Prompt::phraseGrounding));
    return Arbitraries.oneOf(all);
  }

  @Property(tries = 400)
  void tokenFormAndExpansionParseBack(@ForAll("prompts") Prompt<?> p) {
    Modality m = p.task().modality();
    assertEquals(p, PromptParser.parse(p.text(), m));
    assertEquals(p, PromptParser.parse(p.expansion(), m));
    if (p.task() != Tasks.CAPTION_TO_PHRASE_GROUNDING) {
      assertEquals(p, PromptParser.parse("  " + p.expansion().toLowerCase(java.util.Locale.ROOT) + "  ", m));
      assertEquals(p, PromptParser.parse(p.expansion().replaceAll("[.?]$", ""), m));
    }
  }

  @Provide
  Arbitrary<String> fuzz() {
    Arbitrary<String> unicode = Arbitraries.strings().all().ofMaxLength(60);
    Arbitrary<String> truncated = prompts().flatMap(p -> Arbitraries.integers().between(0, p.text().length())
        .map(i -> p.text().substring(0, i)));
    Arbitrary<String> mutated = prompts().flatMap(p -> Combinators.combine(Arbitraries.integers()
        .between(0, p.text().length()), Arbitraries.strings().all().ofMaxLength(4))
        .as((i, s) -> p.text().substring(0, i) + s + p.text().substring(i)));
    Arbitrary<String> hugeNumbers = Combinators.combine(Arbitraries.of("<t_", "<loc_", "<ch_"),
        Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(40), Arbitraries.of(">", "", ">>", "x>"))
        .as((a, n, b) -> "<REGION_TO_DESCRIPTION>" + a + n + b + "<t_1" + b);
    Arbitrary<String> hugeProperty = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(30)
        .map(n -> "<PROPERTY>mean<ch_" + n + ">");
    return Arbitraries.oneOf(unicode, truncated, mutated, hugeNumbers, hugeProperty);
  }

  @Property(tries = 1000)
  void anythingElseGivesOnlyThePromptException(@ForAll("fuzz") String s) {
    for (Modality m : new Modality[] {null, Modality.SERIES, Modality.IMAGE}) {
      try {
        Prompt<?> p = PromptParser.parse(s, m);
        assertTrue(p.text().startsWith("<"));
      } catch (PromptException e) {
        assertTrue(e.getMessage().contains("known tasks"), e.getMessage());
        assertTrue(e.column() >= 0 && e.column() <= s.length(), () -> "column " + e.column() + " in " + s);
      } catch (RuntimeException e) {
        fail("prompt '" + s + "' raised " + e, e);
      }
    }
  }

  @Example
  void examplesAndErrors() {
    Prompt<?> p = PromptParser.parse("<EVENTS_OF>spike_up");
    assertSame(Tasks.EVENTS_OF, p.task());
    assertEquals(EventType.SPIKE_UP, p.eventType().orElseThrow());
    Prompt<Events> typed = PromptParser.parse("Locate the dropout events in the series", Modality.SERIES, Events.class);
    assertEquals(EventType.DROPOUT, typed.eventType().orElseThrow());
    assertEquals(2, PromptParser.parse("<PROPERTY>mean<ch_2>").channel());
    assertEquals(2, PromptParser.parse("What is the mean of channel 2 of the series?").channel());
    assertSame(Tasks.OD, PromptParser.parse("<OD>").task());
    assertSame(Tasks.IMAGE_CAPTION, PromptParser.parse("<CAPTION>", Modality.IMAGE).task());
    assertSame(Tasks.CAPTION, PromptParser.parse("<CAPTION>").task());
    assertEquals("<REGION_TO_DESCRIPTION><t_100><t_250>",
        PromptParser.parse("<REGION_TO_DESCRIPTION> <t_100> <t_250>").text());

    PromptException e = assertThrows(PromptException.class, () -> PromptParser.parse("<EVENTS_OF>spikes"));
    assertEquals(11, e.column());
    assertTrue(e.getMessage().contains("spike_up") && e.getMessage().contains("<EVENTS_OF>type"), e.getMessage());
    assertEquals(23, assertThrows(PromptException.class,
        () -> PromptParser.parse("<REGION_TO_DESCRIPTION><t_99999999999999><t_3>")).column());
    assertThrows(PromptException.class, () -> PromptParser.parse("<REGION_TO_DESCRIPTION><t_300><t_3>"));
    assertThrows(PromptException.class, () -> PromptParser.parse("<OD>", Modality.SERIES));
    assertThrows(PromptException.class, () -> PromptParser.parse("<EVENTS"));
    assertThrows(PromptException.class, () -> PromptParser.parse("<EVENTS> extra"));
    assertThrows(PromptException.class, () -> PromptParser.parse("what is this"));
    assertThrows(PromptException.class, () -> PromptParser.parse(null));
    assertThrows(PromptException.class, () -> PromptParser.parse("<EVENTS>", Modality.SERIES,
        io.florets.prompt.readout.Caption.class));
  }
}
