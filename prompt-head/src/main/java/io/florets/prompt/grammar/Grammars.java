package io.florets.prompt.grammar;

import io.florets.datasets.target.EventType;
import io.florets.datasets.target.Property;
import io.florets.datasets.target.ShapeFacet;
import io.florets.prompt.grammar.ItemSpec.Field;
import io.florets.prompt.task.Contract;
import io.florets.prompt.task.Prompt;
import io.florets.prompt.task.Task;
import io.florets.prompt.task.Tasks;
import io.florets.prompt.vocab.TokenGroup;
import io.florets.prompt.vocab.Vocabulary;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Builds the output grammar of each prompt over one vocabulary. Answer shapes (items repeat up to
 * {@link Contract#MAX_ITEMS} times; {@code [..]} optional):
 *
 * <pre>
 * CLASSIFY                class_name
 * CAPTION, DETAILED_CAPTION, REGION_TO_DESCRIPTION   text (1..max tokens; Contract.maxTextTokens)
 * SHAPE                   ([ch] facet value)*          strictly increasing (channel, facet)
 * PROPERTIES              ([ch] property number)*      strictly increasing (channel, property)
 * PROPERTY                number
 * EVENTS                  ([ch] type t_a t_b)*         a &lt;= b
 * EVENTS_OF               ([ch] t_a t_b)*
 * SEGMENTS                ([ch] label t_a t_b)*
 * ALERT                   normal | abnormal ([ch] abnormal_type t_a t_b)*
 * EMBED                   (nothing)
 * OD                      (label{1..4} loc_x1 loc_y1 loc_x2 loc_y2)*   x1 &lt;= x2, y1 &lt;= y2
 * REGION_TO_CATEGORY      label{1..4}
 * CAPTION_TO_PHRASE_GROUNDING  (phrase{1..4} loc x4)*  phrase words from the prompt's text
 * </pre>
 *
 * each followed by {@code </s>}. Numbers are {@code <num_zero>} or sign, 4 digits, exponent.
 * Text is free (words, punctuation, spelled words) unless {@link #withLexicon} gives its task a
 * {@link CaptionLexicon}: then it is whole lexicon words only ({@link CaptionState}).
 * Immutable and thread-safe.
 */
public final class Grammars {
  private final Masks m;
  private final ItemSpec shape;
  private final ItemSpec properties;
  private final ItemSpec property;
  private final ItemSpec events;
  private final ItemSpec eventsOf;
  private final ItemSpec segments;
  private final ItemSpec alertEvents;
  private final ItemSpec empty;
  private final BitSet imageLabels;
  /** The lexicon of each text task that has one, compiled against the vocabulary. */
  private final Map<Task<?>, Lexicon> lexicons;

  /** A lexicon and its compiled form. */
  private record Lexicon(CaptionLexicon words, LexiconTrie trie) {
  }

  /** Grammars over {@code vocab}, with free text for every text task. */
  public Grammars(Vocabulary vocab) {
    this.m = new Masks(Objects.requireNonNull(vocab, "vocab"));
    int n = vocab.size();
    int[] facetOrd = new int[n];
    Arrays.fill(facetOrd, -1);
    BitSet facets = new BitSet();
    Map<Integer, BitSet> values = new HashMap<>();
    for (ShapeFacet f : ShapeFacet.values()) {
      int id = vocab.id(f.token());
      facetOrd[id] = f.ordinal();
      facets.set(id);
      BitSet v = new BitSet();
      f.allowed().forEach(w -> v.set(vocab.id(w)));
      values.put(id, v);
    }
    int k = ShapeFacet.values().length;
    shape = new ItemSpec(true, new Field[] {Field.WORD, Field.DEP_WORD}, 0, Contract.MAX_ITEMS, true, facetOrd, k,
        facets, Map.copyOf(values), null, 0);
    int[] propOrd = new int[n];
    Arrays.fill(propOrd, -1);
    BitSet props = new BitSet();
    for (Property p : Property.values()) {
      int id = vocab.id(p.token());
      propOrd[id] = p.ordinal();
      props.set(id);
    }
    properties = new ItemSpec(true, new Field[] {Field.WORD, Field.NUMBER}, 0, Contract.MAX_ITEMS, true, propOrd,
        Property.values().length, props, Map.of(), null, 0);
    property = new ItemSpec(false, new Field[] {Field.NUMBER}, 1, 1, false, null, 0, null, Map.of(), null, 0);
    Field[] located = {Field.WORD, Field.T_START, Field.T_END};
    events = list(located, vocab.group(TokenGroup.EVENT_TYPE));
    eventsOf = list(new Field[] {Field.T_START, Field.T_END}, null);
    segments = list(located, vocab.group(TokenGroup.SEGMENT_LABEL));
    BitSet abnormal = new BitSet();
    for (EventType t : Contract.ABNORMAL) {
      abnormal.set(vocab.id(t.token()));
    }
    alertEvents = list(located, abnormal);
    empty = new ItemSpec(false, new Field[] {Field.NUMBER}, 0, 0, false, null, 0, null, Map.of(), null, 0);
    imageLabels = vocab.group(TokenGroup.IMAGE_LABEL);
    imageLabels.or(vocab.group(TokenGroup.CLASS_NAME));
    lexicons = Map.of();
  }

  private Grammars(Grammars g, Map<Task<?>, Lexicon> lexicons) {
    this.m = g.m;
    this.shape = g.shape;
    this.properties = g.properties;
    this.property = g.property;
    this.events = g.events;
    this.eventsOf = g.eventsOf;
    this.segments = g.segments;
    this.alertEvents = g.alertEvents;
    this.empty = g.empty;
    this.imageLabels = g.imageLabels;
    this.lexicons = Map.copyOf(lexicons);
  }

  /**
   * These grammars with the answers of {@code task} written in {@code lexicon}'s words only (replacing
   * a lexicon the task had).
   *
   * @throws IllegalArgumentException if {@code task} does not answer with text, or a lexicon word can
   *     be neither a token of the vocabulary nor spelled with its characters
   */
  public Grammars withLexicon(Task<?> task, CaptionLexicon lexicon) {
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(lexicon, "lexicon");
    if (Contract.maxTextTokens(task) == 0) {
      throw new IllegalArgumentException("task " + task.name() + " does not answer with text; only text tasks"
          + " take a caption lexicon");
    }
    Map<Task<?>, Lexicon> l = new HashMap<>(lexicons);
    l.put(task, new Lexicon(lexicon, new LexiconTrie(m.vocab, lexicon)));
    return new Grammars(this, l);
  }

  /** The lexicon of {@code task}'s answers, if it has one (else its text is free). */
  public Optional<CaptionLexicon> lexicon(Task<?> task) {
    return Optional.ofNullable(lexicons.get(task)).map(Lexicon::words);
  }

  private static ItemSpec list(Field[] fields, BitSet words) {
    return new ItemSpec(true, fields, 0, Contract.MAX_ITEMS, false, null, 0, words, Map.of(), null, 0);
  }

  private ItemSpec boxes(BitSet labels) {
    return new ItemSpec(false, new Field[] {Field.LABEL, Field.X1, Field.Y1, Field.X2, Field.Y2}, 0,
        Contract.MAX_ITEMS, false, null, 0, null, Map.of(), labels, Contract.MAX_LABEL_WORDS);
  }

  /** The vocabulary. */
  public Vocabulary vocabulary() {
    return m.vocab;
  }

  /**
   * The grammar of {@code prompt}'s answer.
   *
   * @throws IllegalStateException for {@code <CLASSIFY>} when the vocabulary has no class names
   */
  public Grammar forPrompt(Prompt<?> prompt) {
    return forPrompt(prompt, Integer.MAX_VALUE);
  }

  /**
   * The grammar of {@code prompt}'s answer for a decoder that stops after {@code maxLength} tokens
   * ({@code </s>} included): a text answer is held to {@code maxLength - 1} tokens, so it ends, with
   * its last word whole, within that limit. Other answers are unchanged (a decoder may cut them).
   *
   * @throws IllegalArgumentException if {@code maxLength < 2}
   * @throws IllegalStateException for {@code <CLASSIFY>} when the vocabulary has no class names
   */
  public Grammar forPrompt(Prompt<?> prompt, int maxLength) {
    if (maxLength < 2) {
      throw new IllegalArgumentException("an answer needs room for a token and </s>: maxLength must be >= 2,"
          + " got " + maxLength);
    }
    Task<?> t = prompt.task();
    String name = prompt.text();
    if (t == Tasks.CLASSIFY || t == Tasks.IMAGE_CLASSIFY) {
      BitSet classes = m.vocab.group(TokenGroup.CLASS_NAME);
      if (classes.isEmpty()) {
        throw new IllegalStateException("the vocabulary has no class names, so " + t.token()
            + " cannot answer; add them with Vocabulary.withClassNames");
      }
      return new Grammar(name, () -> new WordsState(m, classes, 1), 2);
    }
    int text = Math.min(Contract.maxTextTokens(t), maxLength - 1);
    if (text > 0) {
      Lexicon lex = lexicons.get(t);
      if (lex != null) {
        return new Grammar(name, () -> new CaptionState(lex.trie(), m.vocab.spellId(), text), text + 1);
      }
      return new Grammar(name, () -> new TextState(m, text), text + 1);
    }
    if (t == Tasks.REGION_TO_CATEGORY) {
      return new Grammar(name, () -> new WordsState(m, imageLabels, Contract.MAX_LABEL_WORDS),
          Contract.MAX_LABEL_WORDS + 1);
    }
    if (t == Tasks.ALERT) {
      int normal = m.vocab.id("normal");
      int abnormal = m.vocab.id("abnormal");
      return new Grammar(name, () -> new AlertState(m, normal, abnormal, alertEvents), alertEvents.maxLength() + 1);
    }
    ItemSpec spec;
    if (t == Tasks.SHAPE) {
      spec = shape;
    } else if (t == Tasks.PROPERTIES) {
      spec = properties;
    } else if (t == Tasks.PROPERTY) {
      spec = property;
    } else if (t == Tasks.EVENTS) {
      spec = events;
    } else if (t == Tasks.EVENTS_OF) {
      spec = eventsOf;
    } else if (t == Tasks.SEGMENTS) {
      spec = segments;
    } else if (t == Tasks.OD) {
      spec = boxes(imageLabels);
    } else if (t == Tasks.CAPTION_TO_PHRASE_GROUNDING) {
      spec = boxes(phraseWords(prompt));
    } else if (t == Tasks.EMBED) {
      spec = empty;
    } else {
      throw new IllegalStateException("no grammar for task " + t.name());
    }
    ItemSpec s = spec;
    Supplier<GrammarState> start = () -> new ItemState(m, s);
    return new Grammar(name, start, s.maxLength());
  }

  private BitSet phraseWords(Prompt<?> prompt) {
    BitSet words = new BitSet();
    int[] ids = prompt.tokens(m.vocab);
    for (int i = 1; i < ids.length; i++) {
      if (m.vocab.in(TokenGroup.WORD, ids[i])) {
        words.set(ids[i]);
      }
    }
    return words;
  }
}
