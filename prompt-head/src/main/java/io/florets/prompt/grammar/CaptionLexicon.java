package io.florets.prompt.grammar;

import io.florets.prompt.vocab.StandardWords;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The closed word list of a text answer: the words and punctuation marks a caption (or region
 * description) may be written with. A grammar over a lexicon lets a decoder write only these words,
 * each as its vocabulary token or, when the vocabulary has none, spelled character by character
 * (see {@link Grammars#withLexicon}). Build it from the code that writes the text, e.g. a caption
 * composer's word list, so it cannot drift from what training answers contain. Immutable and
 * thread-safe.
 */
public final class CaptionLexicon {
  private final Set<String> words;
  private final Set<String> punctuation;

  private CaptionLexicon(Set<String> words, Set<String> punctuation) {
    this.words = words;
    this.punctuation = punctuation;
  }

  /**
   * A lexicon of {@code entries}: each is a punctuation mark of the vocabulary contract
   * ({@link StandardWords#PUNCTUATION}) or a word; empty entries are skipped, duplicates merged.
   *
   * @throws IllegalArgumentException if an entry holds whitespace or angle brackets, or no entry is a word
   */
  public static CaptionLexicon of(Collection<String> entries) {
    Objects.requireNonNull(entries, "entries");
    TreeSet<String> w = new TreeSet<>();
    TreeSet<String> p = new TreeSet<>();
    for (String e : entries) {
      Objects.requireNonNull(e, "lexicon entry");
      if (e.isEmpty()) {
        continue;
      }
      if (e.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))
          || e.indexOf('<') >= 0 || e.indexOf('>') >= 0) {
        throw new IllegalArgumentException("lexicon entry '" + e + "' must be one word or punctuation mark,"
            + " without whitespace or angle brackets");
      }
      (StandardWords.PUNCTUATION.contains(e) ? p : w).add(e);
    }
    if (w.isEmpty()) {
      throw new IllegalArgumentException("a caption lexicon needs at least one word, got " + entries);
    }
    return new CaptionLexicon(Set.copyOf(w), Set.copyOf(p));
  }

  /** This lexicon plus {@code other}'s entries. */
  public CaptionLexicon union(CaptionLexicon other) {
    TreeSet<String> all = new TreeSet<>(entries());
    all.addAll(other.entries());
    return of(all);
  }

  /** The words, sorted. */
  public List<String> words() {
    return List.copyOf(new TreeSet<>(words));
  }

  /** The punctuation marks, sorted. */
  public List<String> punctuation() {
    return List.copyOf(new TreeSet<>(punctuation));
  }

  /** Words and punctuation marks, sorted (the form {@link #of} takes back). */
  public List<String> entries() {
    TreeSet<String> all = new TreeSet<>(words);
    all.addAll(punctuation);
    return List.copyOf(all);
  }

  /** Whether {@code piece} is a word or punctuation mark of this lexicon. */
  public boolean contains(String piece) {
    return words.contains(piece) || punctuation.contains(piece);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CaptionLexicon l && l.words.equals(words) && l.punctuation.equals(punctuation);
  }

  @Override
  public int hashCode() {
    return 31 * words.hashCode() + punctuation.hashCode();
  }

  @Override
  public String toString() {
    return "CaptionLexicon[" + words.size() + " words, punctuation " + punctuation() + "]";
  }
}
