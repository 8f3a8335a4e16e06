package io.florets.prompt.serial;

import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.CaptionText;
import io.florets.datasets.target.ClassLabel;
import io.florets.datasets.target.Event;
import io.florets.datasets.target.EventType;
import io.florets.datasets.target.NumericProperty;
import io.florets.datasets.target.Segment;
import io.florets.datasets.target.ShapeTag;
import io.florets.datasets.target.Target;
import io.florets.prompt.grammar.CaptionLexicon;
import io.florets.prompt.grammar.Grammars;
import io.florets.prompt.task.Contract;
import io.florets.prompt.task.Prompt;
import io.florets.prompt.task.Task;
import io.florets.prompt.task.Tasks;
import io.florets.prompt.vocab.Quantizer;
import io.florets.prompt.vocab.TokenGroup;
import io.florets.prompt.vocab.Vocabulary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Serializes the dense targets of one window into answer token sequences: the training data.
 *
 * <p>Contract order: shape tags and properties by (channel, facet/property) with the whole window
 * first; typed event lists ({@code <EVENTS>}, {@code <ALERT>}) by (type, channel, start bin, end
 * bin), so that each step of an answer is a local question (is there an event of this type, where
 * is the next one) rather than "which of all events starts first"; events of one type and
 * segments by (start bin, end bin, channel, type); exact duplicates after quantisation merged; at most {@link Contract#MAX_ITEMS} items (the first in that order). A target
 * naming a channel is written with its channel token first. Positions must lie inside the window.
 * Immutable and thread-safe.
 */
public final class SeriesSerializer {
  private final Encoding enc;

  /** A serializer over {@code vocab}, with free text for captions. */
  public SeriesSerializer(Vocabulary vocab) {
    this.enc = new Encoding(vocab);
  }

  /**
   * A serializer that writes text answers as {@code grammars} allow: a caption with a word outside
   * its task's {@link Grammars#lexicon lexicon} gives no training pair.
   */
  public SeriesSerializer(Grammars grammars) {
    this.enc = new Encoding(grammars);
  }

  /**
   * The words of {@code <REGION_TO_DESCRIPTION>} answers when channels are numbered
   * {@code 0..channels-1} (the closed word list of the region descriptions this serializer writes).
   */
  public static CaptionLexicon regionLexicon(int channels) {
    return CaptionLexicon.of(RegionDescriber.vocabulary(channels));
  }

  /** The vocabulary. */
  public Vocabulary vocabulary() {
    return enc.vocab;
  }

  /**
   * The training pairs of one window: {@code <CLASSIFY>} (with a class label), captions (with
   * captions), {@code <SHAPE>}, {@code <PROPERTIES>} and one {@code <PROPERTY>name[<ch_c>]} per value
   * (with properties), {@code <EVENTS>} and {@code <ALERT>} (always: no events is an answer too),
   * {@code <EVENTS_OF>type} per type present, {@code <SEGMENTS>} (with segments) and one
   * {@code <REGION_TO_DESCRIPTION>} per event and segment (at most {@link Contract#MAX_ITEMS}).
   *
   * @param targets the window's targets after consensus
   * @param length window length in samples
   */
  public List<TrainingPair> pairs(List<Target> targets, int length) {
    checkLength(length);
    Set<Prompt<?>> prompts = new LinkedHashSet<>();
    for (Task<?> t : List.of(Tasks.CLASSIFY, Tasks.CAPTION, Tasks.DETAILED_CAPTION, Tasks.SHAPE,
        Tasks.PROPERTIES, Tasks.EVENTS, Tasks.SEGMENTS, Tasks.ALERT)) {
      prompts.add(t.prompt());
    }
    List<Prompt<?>> regions = new ArrayList<>();
    for (Target t : targets) {
      if (t instanceof NumericProperty p) {
        prompts.add(Prompt.property(p.property(), p.channel()));
      } else if (t instanceof Event e) {
        prompts.add(Prompt.eventsOf(e.type()));
        regions.add(Prompt.regionOfSamples(e.start(), Math.min(e.end(), length - 1), length));
      } else if (t instanceof Segment s) {
        regions.add(Prompt.regionOfSamples(s.start(), Math.min(s.end(), length - 1), length));
      }
    }
    regions.stream().distinct().limit(Contract.MAX_ITEMS).forEach(prompts::add);
    List<TrainingPair> out = new ArrayList<>();
    for (Prompt<?> p : prompts) {
      if (p.task() == Tasks.SEGMENTS && targets.stream().noneMatch(t -> t instanceof Segment)) {
        continue;
      }
      serialize(p, targets, length).ifPresent(ids -> out.add(new TrainingPair(p, p.tokens(enc.vocab), ids)));
    }
    return out;
  }

  /** {@link #pairs} of the targets {@link #resolve resolved} from annotations. */
  public List<TrainingPair> pairsFromAnnotations(List<Annotation> annotations, int length) {
    return pairs(resolve(annotations), length);
  }

  /**
   * One target per key: for class labels, captions (short, detailed), shape tags (facet, channel)
   * and properties (property, channel) the most confident annotation wins (ties: the first);
   * events and segments are all kept.
   */
  public static List<Target> resolve(List<Annotation> annotations) {
    TreeMap<String, Annotation> best = new TreeMap<>();
    List<Target> located = new ArrayList<>();
    for (Annotation a : annotations) {
      String key = singleKey(a.target());
      if (key == null) {
        located.add(a.target());
      } else {
        Annotation old = best.get(key);
        if (old == null || a.confidence() > old.confidence()) {
          best.put(key, a);
        }
      }
    }
    List<Target> out = new ArrayList<>();
    best.values().forEach(a -> out.add(a.target()));
    out.addAll(located);
    return out;
  }

  private static String singleKey(Target t) {
    if (t instanceof ClassLabel) {
      return "class";
    } else if (t instanceof CaptionText c) {
      return "caption/" + c.detailed();
    } else if (t instanceof ShapeTag s) {
      return "shape/" + s.facet() + "/" + s.channel();
    } else if (t instanceof NumericProperty p) {
      return "property/" + p.property() + "/" + p.channel();
    }
    return null;
  }

  /**
   * The answer of {@code prompt} (ending with {@code </s>}) from the window's targets, or empty when
   * the targets say nothing about it (no class label for {@code <CLASSIFY>}, no caption, no shape
   * tags, no properties, no such property, and {@code <EMBED>}, which is not decoded).
   *
   * @throws IllegalArgumentException on conflicting targets (two values for one key), a class name
   *     outside the vocabulary, a channel without a token, or a position outside the window
   */
  public Optional<int[]> serialize(Prompt<?> prompt, List<Target> targets, int length) {
    checkLength(length);
    for (Target t : targets) {
      checkInside(t, length);
    }
    Task<?> task = prompt.task();
    List<Integer> out = new ArrayList<>();
    if (task == Tasks.CLASSIFY) {
      Optional<String> label = single(targets, ClassLabel.class, "class label").map(ClassLabel::label);
      if (label.isEmpty()) {
        return Optional.empty();
      }
      int id = enc.vocab.find(label.get()).orElse(-1);
      if (!enc.vocab.in(TokenGroup.CLASS_NAME, id)) {
        throw new IllegalArgumentException("class '" + label.get() + "' is not a class name of the vocabulary"
            + " (known: " + enc.vocab.classNames() + "); add it with Vocabulary.withClassNames");
      }
      out.add(id);
    } else if (task == Tasks.CAPTION || task == Tasks.DETAILED_CAPTION) {
      boolean detailed = task == Tasks.DETAILED_CAPTION;
      Optional<CaptionText> c = targets.stream().filter(t -> t instanceof CaptionText cap && cap.detailed() == detailed)
          .map(t -> (CaptionText) t).findFirst();
      return c.map(cap -> enc.text(prompt, cap.text()));
    } else if (task == Tasks.SHAPE) {
      if (!shape(targets, out)) {
        return Optional.empty();
      }
    } else if (task == Tasks.PROPERTIES) {
      if (!properties(targets, out)) {
        return Optional.empty();
      }
    } else if (task == Tasks.PROPERTY) {
      Optional<NumericProperty> p = targets.stream().filter(t -> t instanceof NumericProperty n
          && n.property() == prompt.property().orElseThrow() && n.channel() == prompt.channel())
          .map(t -> (NumericProperty) t).findFirst();
      if (p.isEmpty()) {
        return Optional.empty();
      }
      enc.number(out, p.get().value());
    } else if (task == Tasks.EVENTS || task == Tasks.EVENTS_OF) {
      EventType only = prompt.eventType().orElse(null);
      located(targets, length, out, only != null, only == null,
          t -> t instanceof Event e && (only == null || e.type() == only));
    } else if (task == Tasks.SEGMENTS) {
      located(targets, length, out, false, false, t -> t instanceof Segment);
    } else if (task == Tasks.ALERT) {
      boolean abnormal = targets.stream().anyMatch(t -> t instanceof Event e && Contract.ABNORMAL.contains(e.type()));
      out.add(enc.vocab.id(abnormal ? "abnormal" : "normal"));
      located(targets, length, out, false, true,
          t -> t instanceof Event e && Contract.ABNORMAL.contains(e.type()));
    } else if (task == Tasks.REGION_TO_DESCRIPTION) {
      return Optional.ofNullable(enc.text(prompt, RegionDescriber.describe(prompt.bins(), targets, length)));
    } else if (task == Tasks.EMBED) {
      return Optional.empty();
    } else {
      throw new IllegalArgumentException("task " + task.name() + " is an image task; use ImageSerializer");
    }
    out.add(Vocabulary.EOS);
    return Optional.of(Encoding.toArray(out));
  }

  private boolean shape(List<Target> targets, List<Integer> out) {
    TreeMap<Long, ShapeTag> byKey = new TreeMap<>();
    for (Target t : targets) {
      if (t instanceof ShapeTag s) {
        ShapeTag old = byKey.put(key(s.channel(), s.facet().ordinal()), s);
        if (old != null && !old.value().equals(s.value())) {
          throw new IllegalArgumentException("conflicting shape tags " + old + " and " + s + "; resolve them first");
        }
      }
    }
    byKey.values().stream().limit(Contract.MAX_ITEMS).forEach(s -> {
      enc.channel(out, s.channel());
      out.add(enc.vocab.id(s.facet().token()));
      out.add(enc.vocab.id(s.value()));
    });
    return !byKey.isEmpty();
  }

  private boolean properties(List<Target> targets, List<Integer> out) {
    TreeMap<Long, NumericProperty> byKey = new TreeMap<>();
    for (Target t : targets) {
      if (t instanceof NumericProperty p) {
        NumericProperty old = byKey.put(key(p.channel(), p.property().ordinal()), p);
        if (old != null && Double.compare(old.value(), p.value()) != 0) {
          throw new IllegalArgumentException("conflicting properties " + old + " and " + p + "; resolve them first");
        }
      }
    }
    byKey.values().stream().limit(Contract.MAX_ITEMS).forEach(p -> {
      enc.channel(out, p.channel());
      out.add(enc.vocab.id(p.property().token()));
      enc.number(out, p.value());
    });
    return !byKey.isEmpty();
  }

  private static long key(int channel, int ordinal) {
    return (long) (channel + 1) * 1_000_000L + ordinal;
  }

  private void located(List<Target> targets, int length, List<Integer> out, boolean omitType,
      boolean typeFirst, java.util.function.Predicate<Target> keep) {
    List<int[]> items = new ArrayList<>();
    for (Target t : targets) {
      if (!keep.test(t)) {
        continue;
      }
      int word;
      int start;
      int end;
      int ordinal;
      if (t instanceof Event e) {
        word = enc.vocab.id(e.type().token());
        start = e.start();
        end = e.end();
        ordinal = e.type().ordinal();
      } else {
        Segment s = (Segment) t;
        word = enc.vocab.id(s.label().token());
        start = s.start();
        end = s.end();
        ordinal = s.label().ordinal();
      }
      items.add(new int[] {Quantizer.quantize(start, length), Quantizer.quantize(end, length), t.channel(),
          ordinal, word});
    }
    if (typeFirst) {
      items.sort(Comparator.<int[]>comparingInt(a -> a[3]).thenComparingInt(a -> a[2])
          .thenComparingInt(a -> a[0]).thenComparingInt(a -> a[1]));
    } else {
      items.sort(Comparator.<int[]>comparingInt(a -> a[0]).thenComparingInt(a -> a[1])
          .thenComparingInt(a -> a[2]).thenComparingInt(a -> a[3]));
    }
    int written = 0;
    int[] prev = null;
    for (int[] it : items) {
      if (prev != null && java.util.Arrays.equals(prev, it) || written == Contract.MAX_ITEMS) {
        continue;
      }
      enc.channel(out, it[2]);
      if (!omitType) {
        out.add(it[4]);
      }
      out.add(enc.vocab.timeId(it[0]));
      out.add(enc.vocab.timeId(it[1]));
      prev = it;
      written++;
    }
  }

  private static <T extends Target> Optional<T> single(List<Target> targets, Class<T> type, String what) {
    List<T> found = targets.stream().filter(type::isInstance).map(type::cast).distinct().toList();
    if (found.size() > 1) {
      throw new IllegalArgumentException("conflicting " + what + "s " + found + "; resolve them first");
    }
    return found.stream().findFirst();
  }

  private static void checkLength(int length) {
    if (length < 1) {
      throw new IllegalArgumentException("window length must be >= 1, got " + length);
    }
  }

  private static void checkInside(Target t, int length) {
    int end = t instanceof Event e ? e.end() : t instanceof Segment s ? s.end() : -1;
    if (end >= length) {
      throw new IllegalArgumentException("target " + t + " ends at " + end + ", outside the window of length " + length);
    }
  }
}
