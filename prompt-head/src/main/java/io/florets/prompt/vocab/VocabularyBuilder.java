package io.florets.prompt.vocab;

import io.florets.datasets.target.EventType;
import io.florets.datasets.target.Property;
import io.florets.datasets.target.SegmentLabel;
import io.florets.datasets.target.ShapeFacet;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Builds a {@link Vocabulary} deterministically. Layout, in id order: specials, task tokens,
 * {@code <t_0..999>}, {@code <loc_0..999>}, {@code <ch_0..n-1>}, numeric tokens, spelling tokens,
 * punctuation, the contract's words (event types, facets, facet values, properties, segment labels,
 * structure words, image labels, caption base words), extra words (sorted, so the order callers add
 * them in does not matter), then class names in the given order. Not thread-safe; the result is.
 */
public final class VocabularyBuilder {
  /** Default number of channel tokens. */
  public static final int DEFAULT_CHANNELS = 16;
  /** Largest supported number of channel tokens. */
  public static final int MAX_CHANNELS = 1024;

  private int channels = DEFAULT_CHANNELS;
  private boolean numberBins;
  private final TreeSet<String> extraWords = new TreeSet<>();
  private final TreeSet<String> extraImageLabels = new TreeSet<>();
  private final LinkedHashSet<String> classNames = new LinkedHashSet<>();

  VocabularyBuilder() {
  }

  /** Number of channel tokens {@code <ch_0>..<ch_{n-1}>} (default 16). */
  public VocabularyBuilder channels(int n) {
    if (n < 1 || n > MAX_CHANNELS) {
      throw new IllegalArgumentException("channel token count must be in 1.." + MAX_CHANNELS + ", got " + n);
    }
    this.channels = n;
    return this;
  }

  /** Adds caption (or other plain) words, e.g. a caption composer's closed vocabulary. */
  public VocabularyBuilder words(Collection<String> words) {
    for (String w : words) {
      checkWord(w, "word");
      extraWords.add(w);
    }
    return this;
  }

  /**
   * Adds the magnitude-bin number tokens {@code <nb_0>..<nb_}{@value NumberCodec#BINS}{@code -1>}: a
   * vocabulary that has them writes every non-zero number as a sign and one bin of its log-magnitude
   * ({@link NumberCodec}) instead of four digits and an exponent.
   */
  public VocabularyBuilder numberBins() {
    numberBins = true;
    return this;
  }

  /** Adds image label words (usable in {@code <OD>} labels) beyond the built-in ones. */
  public VocabularyBuilder imageLabels(Collection<String> labels) {
    for (String w : labels) {
      checkWord(w, "image label");
      extraImageLabels.add(w);
    }
    return this;
  }

  /** Adds class names (answers of {@code <CLASSIFY>}), in this order after all words. */
  public VocabularyBuilder classNames(Collection<String> names) {
    for (String n : names) {
      checkClassName(n);
      classNames.add(n);
    }
    return this;
  }

  /** Builds the vocabulary. */
  public Vocabulary build() {
    List<String> toks = new ArrayList<>();
    EnumMap<TokenGroup, BitSet> g = new EnumMap<>(TokenGroup.class);
    for (TokenGroup t : TokenGroup.values()) {
      g.put(t, new BitSet());
    }
    addAll(toks, g, TokenGroup.SPECIAL, Vocabulary.SPECIALS);
    addAll(toks, g, TokenGroup.TASK, StandardWords.TASK_TOKENS);
    addRun(toks, g, TokenGroup.TIME, "<t_", Quantizer.BINS);
    addRun(toks, g, TokenGroup.LOC, "<loc_", Quantizer.BINS);
    addRun(toks, g, TokenGroup.CHANNEL, "<ch_", channels);
    addAll(toks, g, TokenGroup.NUMBER, List.of("<num_zero>", "<num_pos>", "<num_neg>"));
    addRun(toks, g, TokenGroup.NUMBER, "<d_", 10);
    for (int e = NumberCodec.MIN_EXPONENT; e <= NumberCodec.MAX_EXPONENT; e++) {
      add(toks, g, TokenGroup.NUMBER, "<e_" + e + ">");
    }
    if (numberBins) {
      addRun(toks, g, TokenGroup.NUMBER, "<nb_", NumberCodec.BINS);
    }
    add(toks, g, TokenGroup.SPELL, "<spell>");
    for (char c : StandardWords.SPELL_CHARS.toCharArray()) {
      add(toks, g, TokenGroup.SPELL, "<c_" + c + ">");
    }
    addAll(toks, g, TokenGroup.PUNCT, StandardWords.PUNCTUATION);
    for (EventType t : EventType.values()) {
      addWord(toks, g, TokenGroup.EVENT_TYPE, t.token());
    }
    for (ShapeFacet f : ShapeFacet.values()) {
      addWord(toks, g, TokenGroup.FACET, f.token());
    }
    for (ShapeFacet f : ShapeFacet.values()) {
      for (String v : f.allowed()) {
        addWord(toks, g, TokenGroup.FACET_VALUE, v);
      }
    }
    for (Property p : Property.values()) {
      addWord(toks, g, TokenGroup.PROPERTY, p.token());
    }
    for (SegmentLabel s : SegmentLabel.values()) {
      addWord(toks, g, TokenGroup.SEGMENT_LABEL, s.token());
    }
    for (String w : StandardWords.STRUCTURE) {
      addWord(toks, g, TokenGroup.WORD, w);
    }
    for (String w : StandardWords.IMAGE_LABELS) {
      addWord(toks, g, TokenGroup.IMAGE_LABEL, w);
    }
    for (String w : extraImageLabels) {
      addWord(toks, g, TokenGroup.IMAGE_LABEL, w);
    }
    for (String w : StandardWords.CAPTION_BASE) {
      addWord(toks, g, TokenGroup.WORD, w);
    }
    for (String w : extraWords) {
      if (!StandardWords.PUNCTUATION.contains(w)) {
        addWord(toks, g, TokenGroup.WORD, w);
      }
    }
    List<String> classes = new ArrayList<>();
    addClassNames(classNames, toks, g, classes);
    return new Vocabulary(toks, g, channels, classes);
  }

  static void addClassNames(Collection<String> names, List<String> toks, Map<TokenGroup, BitSet> g,
      List<String> classes) {
    for (String n : names) {
      checkClassName(n);
      if (classes.contains(n)) {
        continue;
      }
      int id = toks.indexOf(n);
      if (id < 0) {
        id = toks.size();
        toks.add(n);
      } else if (!g.get(TokenGroup.WORD).get(id)) {
        throw new IllegalArgumentException("class name '" + n + "' collides with a non-word token");
      }
      g.get(TokenGroup.CLASS_NAME).set(id);
      g.get(TokenGroup.WORD).set(id);
      classes.add(n);
    }
  }

  private static void addWord(List<String> toks, Map<TokenGroup, BitSet> g, TokenGroup group, String w) {
    int id = toks.indexOf(w);
    if (id < 0) {
      id = toks.size();
      toks.add(w);
    }
    g.get(group).set(id);
    g.get(TokenGroup.WORD).set(id);
  }

  private static void add(List<String> toks, Map<TokenGroup, BitSet> g, TokenGroup group, String t) {
    g.get(group).set(toks.size());
    toks.add(t);
  }

  private static void addAll(List<String> toks, Map<TokenGroup, BitSet> g, TokenGroup group, List<String> ts) {
    for (String t : ts) {
      add(toks, g, group, t);
    }
  }

  private static void addRun(List<String> toks, Map<TokenGroup, BitSet> g, TokenGroup group, String prefix, int n) {
    for (int i = 0; i < n; i++) {
      add(toks, g, group, prefix + i + ">");
    }
  }

  static void checkWord(String w, String what) {
    Objects.requireNonNull(w, what);
    if (w.isEmpty() || w.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))
        || w.indexOf('<') >= 0 || w.indexOf('>') >= 0) {
      throw new IllegalArgumentException(what + " '" + w + "' must be non-empty, without whitespace or angle brackets");
    }
  }

  static void checkClassName(String n) {
    Objects.requireNonNull(n, "class name");
    if (n.isBlank() || !n.strip().equals(n) || n.indexOf('<') >= 0 || n.indexOf('>') >= 0
        || n.codePoints().anyMatch(Character::isISOControl) || n.contains("  ")
        || StandardWords.PUNCTUATION.contains(n)) {
      throw new IllegalArgumentException("class name '" + n + "' must be non-blank, trimmed, without angle"
          + " brackets, control characters or double spaces, and not a punctuation mark");
    }
  }
}
