package io.florets.prompt.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.target.CaptionText;
import io.florets.datasets.target.ClassLabel;
import io.florets.datasets.target.Event;
import io.florets.datasets.target.NumericProperty;
import io.florets.datasets.target.Segment;
import io.florets.datasets.target.ShapeTag;
import io.florets.datasets.target.Target;
import io.florets.prompt.grammar.Grammars;
import io.florets.prompt.readout.Alert;
import io.florets.prompt.readout.Events;
import io.florets.prompt.readout.Label;
import io.florets.prompt.readout.Numeric;
import io.florets.prompt.readout.NumericProperties;
import io.florets.prompt.readout.Readout;
import io.florets.prompt.readout.Segments;
import io.florets.prompt.readout.ShapeTags;
import io.florets.prompt.task.Contract;
import io.florets.prompt.task.Prompt;
import io.florets.prompt.task.Task;
import io.florets.prompt.task.Tasks;
import io.florets.prompt.vocab.NumberCodec;
import io.florets.prompt.vocab.Quantizer;
import io.florets.prompt.vocab.Tokenizer;
import io.florets.prompt.vocab.Vocabulary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** parse(serialize(x)) == x up to quantisation, for every series task; every answer is grammatical. */
class SeriesRoundTripProperties {
  static final Vocabulary VOCAB = Vocabulary.builder().channels(8).build().withClassNames(SeriesCase.CLASSES);
  static final SeriesSerializer SER = new SeriesSerializer(VOCAB);
  static final ReadoutParser PARSER = new ReadoutParser(VOCAB);
  static final Grammars GRAMMARS = new Grammars(VOCAB);
  static final Tokenizer TOK = new Tokenizer(VOCAB);

  @Provide
  Arbitrary<SeriesCase> cases() {
    return SeriesCase.arbitrary();
  }

  @Property(tries = 250)
  void everyPairIsGrammaticalAndParsesBack(@ForAll("cases") SeriesCase c) {
    List<TrainingPair> pairs = SER.pairs(c.targets(), c.length());
    Set<Task<?>> tasks = new HashSet<>();
    for (TrainingPair p : pairs) {
      tasks.add(p.prompt().task());
      assertTrue(GRAMMARS.forPrompt(p.prompt()).accepts(p.targetTokens()),
          () -> p.prompt() + " answer not accepted: " + TOK.decode(p.targetTokens()));
      assertTrue(p.targetTokens().length <= GRAMMARS.forPrompt(p.prompt()).maxLength());
      Readout r = PARSER.parse(p.prompt(), p.targetTokens(), Extent.series(c.length()));
      check(p.prompt(), r, c);
    }
    assertTrue(tasks.containsAll(List.of(Tasks.EVENTS, Tasks.ALERT)));
    assertEquals(has(c, t -> t instanceof ShapeTag), tasks.contains(Tasks.SHAPE));
    assertEquals(has(c, t -> t instanceof NumericProperty), tasks.contains(Tasks.PROPERTIES));
    assertEquals(has(c, t -> t instanceof Segment), tasks.contains(Tasks.SEGMENTS));
    assertEquals(has(c, t -> t instanceof ClassLabel), tasks.contains(Tasks.CLASSIFY));
    assertEquals(has(c, t -> t instanceof Event || t instanceof Segment), tasks.contains(Tasks.REGION_TO_DESCRIPTION));
  }

  static final Vocabulary BINS = Vocabulary.builder().channels(8).numberBins().build()
      .withClassNames(SeriesCase.CLASSES);

  /** With magnitude-bin numbers: every numeric answer is grammatical and reads back its bin. */
  @Property(tries = 150)
  void numbersAsMagnitudeBinsAreGrammaticalAndParseBack(@ForAll("cases") SeriesCase c) {
    SeriesSerializer ser = new SeriesSerializer(BINS);
    ReadoutParser parser = new ReadoutParser(BINS);
    Grammars grammars = new Grammars(BINS);
    for (TrainingPair p : ser.pairs(c.targets(), c.length())) {
      assertTrue(grammars.forPrompt(p.prompt()).accepts(p.targetTokens()),
          () -> p.prompt() + " answer not accepted: " + new Tokenizer(BINS).decode(p.targetTokens()));
      Readout r = parser.parse(p.prompt(), p.targetTokens(), Extent.series(c.length()));
      List<Numeric> got = r instanceof NumericProperties ps ? ps.values()
          : r instanceof Numeric n ? List.of(n) : List.of();
      for (Numeric n : got) {
        NumericProperty want = c.targets().stream().filter(x -> x instanceof NumericProperty q
            && q.property() == n.property() && q.channel() == n.channel())
            .map(x -> (NumericProperty) x).findFirst().orElseThrow();
        assertEquals(NumberCodec.roundTrip(want.value(), BINS), n.value(), () -> want + " vs " + n);
      }
    }
  }

  private static boolean has(SeriesCase c, Predicate<Target> p) {
    return c.targets().stream().anyMatch(p);
  }

  private static void check(Prompt<?> p, Readout r, SeriesCase c) {
    Task<?> t = p.task();
    double tol = c.length() / 2000.0 + 1e-9;
    if (t == Tasks.CLASSIFY) {
      assertEquals(first(c, ClassLabel.class).label(), ((Label) r).name());
    } else if (t == Tasks.CAPTION || t == Tasks.DETAILED_CAPTION) {
      boolean detailed = t == Tasks.DETAILED_CAPTION;
      String text = c.targets().stream().filter(x -> x instanceof CaptionText cap && cap.detailed() == detailed)
          .map(x -> ((CaptionText) x).text()).findFirst().orElseThrow();
      assertEquals(TOK.normalize(text), ((io.florets.prompt.readout.Caption) r).text());
    } else if (t == Tasks.REGION_TO_DESCRIPTION) {
      assertEquals(TOK.normalize(RegionDescriber.describe(p.bins(), c.targets(), c.length())),
          ((io.florets.prompt.readout.Caption) r).text());
    } else if (t == Tasks.SHAPE) {
      List<ShapeTag> want = c.targets().stream().filter(x -> x instanceof ShapeTag).map(x -> (ShapeTag) x)
          .sorted(Comparator.<ShapeTag>comparingInt(ShapeTag::channel).thenComparing(ShapeTag::facet))
          .limit(Contract.MAX_ITEMS).toList();
      List<ShapeTags.Tag> got = ((ShapeTags) r).tags();
      assertEquals(want.size(), got.size());
      for (int i = 0; i < want.size(); i++) {
        assertEquals(new ShapeTags.Tag(want.get(i).facet(), want.get(i).value(), want.get(i).channel(), 1.0), got.get(i));
      }
    } else if (t == Tasks.PROPERTIES) {
      List<NumericProperty> want = c.targets().stream().filter(x -> x instanceof NumericProperty)
          .map(x -> (NumericProperty) x).sorted(Comparator.<NumericProperty>comparingInt(NumericProperty::channel)
              .thenComparing(NumericProperty::property)).limit(Contract.MAX_ITEMS).toList();
      List<Numeric> got = ((NumericProperties) r).values();
      assertEquals(want.size(), got.size());
      for (int i = 0; i < want.size(); i++) {
        checkNumber(want.get(i), got.get(i));
      }
    } else if (t == Tasks.PROPERTY) {
      NumericProperty want = c.targets().stream().filter(x -> x instanceof NumericProperty n
          && n.property() == p.property().orElseThrow() && n.channel() == p.channel())
          .map(x -> (NumericProperty) x).findFirst().orElseThrow();
      checkNumber(want, (Numeric) r);
    } else if (t == Tasks.EVENTS || t == Tasks.EVENTS_OF) {
      List<Event> want = located(c, x -> x instanceof Event e && (p.eventType().isEmpty() || e.type() == p.eventType().get()),
          p.eventType().isEmpty());
      checkEvents(want, ((Events) r).events(), c.length(), tol);
    } else if (t == Tasks.ALERT) {
      List<Event> want = located(c, x -> x instanceof Event e && Contract.ABNORMAL.contains(e.type()), true);
      Alert a = (Alert) r;
      assertEquals(!want.isEmpty(), a.abnormal());
      checkEvents(want, a.events(), c.length(), tol);
    } else if (t == Tasks.SEGMENTS) {
      List<Segment> want = located(c, x -> x instanceof Segment, false);
      List<Segments.Item> got = ((Segments) r).segments();
      assertEquals(want.size(), got.size());
      for (int i = 0; i < want.size(); i++) {
        Segment s = want.get(i);
        Segments.Item g = got.get(i);
        assertEquals(s.label(), g.label());
        assertEquals(s.channel(), g.channel());
        assertTrue(Math.abs(g.start() - s.start()) <= tol && Math.abs(g.end() - s.end()) <= tol, () -> s + " vs " + g);
      }
    } else {
      throw new AssertionError("unexpected task " + t);
    }
  }

  private static void checkEvents(List<Event> want, List<Events.Item> got, int length, double tol) {
    assertEquals(want.size(), got.size(), () -> want + " vs " + got);
    for (int i = 0; i < want.size(); i++) {
      Event e = want.get(i);
      Events.Item g = got.get(i);
      assertEquals(e.type(), g.type());
      assertEquals(e.channel(), g.channel());
      assertTrue(Math.abs(g.start() - e.start()) <= tol && Math.abs(g.end() - e.end()) <= tol, () -> e + " vs " + g);
      assertEquals(1.0, g.confidence());
      if (length <= 1000) {
        assertEquals(e.start(), Quantizer.sampleIndex(g.start(), length));
        assertEquals(e.end(), Quantizer.sampleIndex(g.end(), length));
      }
    }
  }

  private static void checkNumber(NumericProperty want, Numeric got) {
    assertEquals(want.property(), got.property());
    assertEquals(want.channel(), got.channel());
    double v = want.value();
    double rel = v == 0 ? Math.abs(got.value()) : Math.abs(got.value() - v) / Math.abs(v);
    assertTrue(rel <= 0.005 || Math.abs(v) < 1e-12 && Math.abs(got.value()) < 1e-12, () -> want + " vs " + got);
    assertEquals(NumberCodec.roundTrip(v), got.value());
  }

  /**
   * Located targets as a readout lists them: duplicates after quantisation merged and the list
   * capped in contract order (type by type for typed event lists, else time order), then in time
   * order (start, end; the contract order among ties), as the parser returns them.
   */
  @SuppressWarnings("unchecked")
  private static <T extends Target> List<T> located(SeriesCase c, Predicate<Target> keep,
      boolean typeFirst) {
    int len = c.length();
    List<T> items = new ArrayList<>();
    for (Target t : c.targets()) {
      if (keep.test(t)) {
        items.add((T) t);
      }
    }
    Comparator<T> time = Comparator.<T>comparingInt(t -> Quantizer.quantize(start(t), len))
        .thenComparingInt(t -> Quantizer.quantize(end(t), len));
    Comparator<T> order = typeFirst
        ? Comparator.<T>comparingInt(SeriesRoundTripProperties::ordinal)
            .thenComparingInt(Target::channel).thenComparing(time)
        : time.thenComparingInt(Target::channel).thenComparingInt(SeriesRoundTripProperties::ordinal);
    items.sort(order);
    List<T> out = new ArrayList<>();
    for (T t : items) {
      if (!out.isEmpty() && order.compare(out.get(out.size() - 1), t) == 0) {
        continue;
      }
      if (out.size() < Contract.MAX_ITEMS) {
        out.add(t);
      }
    }
    out.sort(time);
    return out;
  }

  private static int start(Target t) {
    return t instanceof Event e ? e.start() : ((Segment) t).start();
  }

  private static int end(Target t) {
    return t instanceof Event e ? e.end() : ((Segment) t).end();
  }

  private static int ordinal(Target t) {
    return t instanceof Event e ? e.type().ordinal() : ((Segment) t).label().ordinal();
  }

  private static <T extends Target> T first(SeriesCase c, Class<T> type) {
    return c.targets().stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
  }
}
