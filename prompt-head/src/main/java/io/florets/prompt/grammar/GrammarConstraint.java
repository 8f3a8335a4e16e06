package io.florets.prompt.grammar;

import io.florets.prompt.vocab.Vocabulary;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Adapts grammars to a decoder's constraint callback {@code (row, prefix) -> allowed ids}, the shape
 * of the engine's {@code TokenConstraint} (use {@code constraint::allowed} as a method reference).
 * Row {@code i} of the batch follows {@code grammars.get(i)}. A prefix is the answer so far without
 * {@code <s>} (a leading {@code <s>} is skipped). States of recent prefixes are cached, so a decoder
 * that extends prefixes by one token per step (greedy or beam) pays one grammar step per call.
 * Thread-safe.
 */
public final class GrammarConstraint {
  private static final int MAX_CACHED = 1 << 14;

  private final List<Grammar> grammars;
  private final Map<Key, GrammarState> cache = new ConcurrentHashMap<>();

  private GrammarConstraint(List<Grammar> grammars) {
    this.grammars = List.copyOf(grammars);
  }

  /** One grammar per batch row. */
  public static GrammarConstraint of(List<Grammar> grammarsPerRow) {
    Objects.requireNonNull(grammarsPerRow, "grammarsPerRow");
    if (grammarsPerRow.isEmpty()) {
      throw new IllegalArgumentException("need at least one grammar");
    }
    return new GrammarConstraint(grammarsPerRow);
  }

  /** The same grammar for every row. */
  public static GrammarConstraint of(Grammar grammar) {
    return new GrammarConstraint(List.of(Objects.requireNonNull(grammar, "grammar")));
  }

  /**
   * The ids allowed after {@code prefix} in row {@code row}.
   *
   * @param row batch row (rows beyond the grammar list use the last grammar)
   * @param prefix answer ids so far (not modified)
   * @throws IllegalArgumentException if the prefix already left the grammar
   */
  public BitSet allowed(int row, int[] prefix) {
    return state(row, prefix).allowed();
  }

  /** The grammar state of {@code row} after {@code prefix}. */
  public GrammarState state(int row, int[] prefix) {
    if (row < 0) {
      throw new IllegalArgumentException("row must be >= 0, got " + row);
    }
    int from = prefix.length > 0 && prefix[0] == Vocabulary.BOS ? 1 : 0;
    int[] p = Arrays.copyOfRange(prefix, from, prefix.length);
    return lookup(Math.min(row, grammars.size() - 1), p);
  }

  private GrammarState lookup(int row, int[] p) {
    Key key = new Key(row, p);
    GrammarState s = cache.get(key);
    if (s != null) {
      return s;
    }
    if (p.length == 0) {
      s = grammars.get(row).start();
    } else {
      GrammarState parent = lookup(row, Arrays.copyOf(p, p.length - 1));
      int t = p[p.length - 1];
      if (!parent.isAllowed(t)) {
        throw new IllegalArgumentException("grammar " + grammars.get(row).name() + ": token id " + t
            + " at position " + (p.length - 1) + " of row " + row + " is not allowed");
      }
      s = parent.next(t);
    }
    if (cache.size() >= MAX_CACHED) {
      cache.clear();
    }
    cache.put(key, s);
    return s;
  }

  /** Cache key: row and prefix content. */
  private record Key(int row, int[] prefix) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.row == row && Arrays.equals(k.prefix, prefix);
    }

    @Override
    public int hashCode() {
      return 31 * row + Arrays.hashCode(prefix);
    }

    @Override
    public String toString() {
      return "Key[" + row + ", " + Arrays.toString(prefix) + "]";
    }
  }
}
