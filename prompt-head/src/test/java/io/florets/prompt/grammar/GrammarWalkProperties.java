package io.florets.prompt.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.target.EventType;
import io.florets.prompt.readout.Alert;
import io.florets.prompt.readout.Boxes;
import io.florets.prompt.readout.Events;
import io.florets.prompt.readout.Label;
import io.florets.prompt.readout.Readout;
import io.florets.prompt.serial.Extent;
import io.florets.prompt.serial.ReadoutParser;
import io.florets.prompt.task.Modality;
import io.florets.prompt.task.Prompt;
import io.florets.prompt.task.Task;
import io.florets.prompt.task.Tasks;
import io.florets.prompt.vocab.TokenGroup;
import io.florets.prompt.vocab.Vocabulary;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Random walks through every grammar end within the bound and parse without exception. */
class GrammarWalkProperties {
  static final Vocabulary VOCAB = Vocabulary.builder().channels(4).build()
      .withClassNames(List.of("walking", "Normal beat", "7"));
  static final Grammars GRAMMARS = new Grammars(VOCAB);
  static final ReadoutParser PARSER = new ReadoutParser(VOCAB);

  static List<Prompt<?>> prompts(Random r) {
    List<Prompt<?>> ps = new ArrayList<>();
    for (Task<?> t : Tasks.all()) {
      if (!t.needsArguments()) {
        ps.add(t.prompt());
      }
    }
    ps.add(Prompt.eventsOf(EventType.values()[r.nextInt(EventType.values().length)]));
    ps.add(Prompt.property(io.florets.datasets.target.Property.values()[r.nextInt(io.florets.datasets.target.Property.values().length)], r.nextInt(5) - 1));
    int a = r.nextInt(1000);
    ps.add(Prompt.region(a, a + r.nextInt(1000 - a)));
    int x = r.nextInt(1000);
    int y = r.nextInt(1000);
    ps.add(Prompt.regionToCategory(x, y, x + r.nextInt(1000 - x), y + r.nextInt(1000 - y)));
    ps.add(Prompt.phraseGrounding(List.of("a red circle and two blue squares", "seven", "the dog")
        .get(r.nextInt(3))));
    return ps;
  }

  /** Walks to the end choosing uniformly among allowed ids (ending early with probability {@code pEnd}). */
  static int[] walk(Grammar g, Random r, double pEnd) {
    GrammarState s = g.start();
    List<Integer> out = new ArrayList<>();
    while (!s.finished()) {
      BitSet allowed = s.allowed();
      assertFalse(allowed.isEmpty(), () -> g.name() + ": dead end after " + out);
      assertEquals(allowed.get(Vocabulary.EOS), s.complete());
      int pick;
      if (allowed.get(Vocabulary.EOS) && r.nextDouble() < pEnd) {
        pick = Vocabulary.EOS;
      } else {
        int k = r.nextInt(allowed.cardinality());
        pick = allowed.nextSetBit(0);
        for (int i = 0; i < k; i++) {
          pick = allowed.nextSetBit(pick + 1);
        }
      }
      s = s.next(pick);
      out.add(pick);
      assertTrue(out.size() <= g.maxLength(), () -> g.name() + " exceeded its max length " + g.maxLength());
    }
    assertEquals(out.size(), s.length());
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  @Property(tries = 60)
  void randomWalksParse(@ForAll long seed, @ForAll @IntRange(min = 1, max = 100_000) int length) {
    Random r = new Random(seed);
    for (Prompt<?> p : prompts(r)) {
      if (p.task() == Tasks.EMBED) {
        assertEquals(1, walk(GRAMMARS.forPrompt(p), r, 0.1).length);
        continue;
      }
      Grammar g = GRAMMARS.forPrompt(p);
      int[] ids = walk(g, r, r.nextBoolean() ? 0.02 : 0.3);
      assertTrue(g.accepts(ids));
      double[] lp = new double[ids.length];
      for (int i = 0; i < lp.length; i++) {
        lp[i] = -5 * r.nextDouble();
      }
      Extent extent = p.task().modality() == Modality.IMAGE ? Extent.image(length, 1 + r.nextInt(5000))
          : Extent.series(length);
      Readout out = PARSER.parse(p, ids, lp, extent);
      assertTrue(p.task().readoutType().isInstance(out));
      checkConstraints(p, out, extent);
    }
  }

  private static void checkConstraints(Prompt<?> p, Readout out, Extent extent) {
    if (out instanceof Events ev) {
      ev.events().forEach(e -> assertTrue(e.start() <= e.end() && e.end() < extent.width()
          && e.confidence() > 0 && e.confidence() <= 1));
      p.eventType().ifPresent(t -> ev.events().forEach(e -> assertEquals(t, e.type())));
    } else if (out instanceof Boxes b) {
      b.boxes().forEach(x -> assertTrue(x.x1() <= x.x2() && x.y1() <= x.y2() && x.x2() < extent.width()
          && x.y2() < extent.height()));
    } else if (out instanceof Label l && p.task().token().equals("<CLASSIFY>")) {
      assertTrue(VOCAB.classNames().contains(l.name()), l.name());
    } else if (out instanceof Alert a) {
      a.events().forEach(e -> assertTrue(io.florets.prompt.task.Contract.ABNORMAL.contains(e.type())));
    }
  }

  @Property(tries = 30)
  void functionalAndStatefulFormsAgree(@ForAll long seed) {
    Random r = new Random(seed);
    for (Prompt<?> p : prompts(r)) {
      Grammar g = GRAMMARS.forPrompt(p);
      int[] ids = walk(g, r, 0.05);
      GrammarConstraint c = GrammarConstraint.of(g);
      GrammarState s = g.start();
      for (int i = 0; i < ids.length; i++) {
        int[] prefix = java.util.Arrays.copyOf(ids, i);
        assertEquals(s.allowed(), g.allowed(prefix));
        assertEquals(s.allowed(), c.allowed(0, prefix));
        s = s.next(ids[i]);
      }
    }
  }

  @Example
  void eventsMustEndAfterTheyStartAndBoxesMustBeOrdered() {
    Grammar ev = GRAMMARS.forPrompt(Tasks.EVENTS.prompt());
    GrammarState s = ev.start().next(VOCAB.id("spike_up")).next(VOCAB.timeId(500));
    assertFalse(s.isAllowed(VOCAB.timeId(499)));
    assertTrue(s.isAllowed(VOCAB.timeId(500)) && s.isAllowed(VOCAB.timeId(999)));
    assertFalse(s.complete());
    assertThrows(IllegalArgumentException.class, () -> ev.start().next(VOCAB.timeId(3)));

    Grammar od = GRAMMARS.forPrompt(Tasks.OD.prompt());
    GrammarState b = od.start().next(VOCAB.id("red")).next(VOCAB.id("circle")).next(VOCAB.locId(10))
        .next(VOCAB.locId(20));
    assertFalse(b.isAllowed(VOCAB.locId(9)));
    b = b.next(VOCAB.locId(10));
    assertFalse(b.isAllowed(VOCAB.locId(19)));
    assertTrue(b.isAllowed(VOCAB.locId(20)));
  }

  @Example
  void classifyOffersOnlyClassNamesAndShapeKeepsCanonicalOrder() {
    BitSet allowed = GRAMMARS.forPrompt(Tasks.CLASSIFY.prompt()).start().allowed();
    assertEquals(VOCAB.group(TokenGroup.CLASS_NAME), allowed);
    assertThrows(IllegalStateException.class,
        () -> new Grammars(Vocabulary.standard()).forPrompt(Tasks.CLASSIFY.prompt()));

    GrammarState s = GRAMMARS.forPrompt(Tasks.SHAPE.prompt()).start().next(VOCAB.id("noise"))
        .next(VOCAB.id("low"));
    assertFalse(s.isAllowed(VOCAB.id("trend")));
    assertTrue(s.isAllowed(VOCAB.id("stationarity")) && s.isAllowed(VOCAB.channelId(0)) && s.complete());
  }

  @Example
  void maxLengthsAreDocumented() {
    System.out.println("grammar max lengths (tokens incl. </s>):");
    for (Prompt<?> p : prompts(new Random(1))) {
      Grammar g = GRAMMARS.forPrompt(p);
      System.out.printf("  %-40s %d%n", p.task().name(), g.maxLength());
      assertTrue(g.maxLength() <= 400, g.toString());
    }
  }
}
