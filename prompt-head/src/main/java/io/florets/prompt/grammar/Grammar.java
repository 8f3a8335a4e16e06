package io.florets.prompt.grammar;

import io.florets.prompt.vocab.Vocabulary;
import java.util.BitSet;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The output grammar of one prompt, as an incremental automaton over token ids: every answer it
 * accepts parses, and every path through it reaches {@code </s>} within {@link #maxLength()} tokens
 * (the grammar itself stops offering anything but {@code </s>}). Use the stateful form
 * ({@link #start()} then {@link GrammarState#next}) in decoders, or the functional
 * {@link #allowed(int[])}. Immutable and thread-safe.
 */
public final class Grammar {
  private final String name;
  private final Supplier<GrammarState> start;
  private final int maxLength;

  Grammar(String name, Supplier<GrammarState> start, int maxLength) {
    this.name = Objects.requireNonNull(name);
    this.start = start;
    this.maxLength = maxLength;
  }

  /** The initial state (before any answer token). */
  public GrammarState start() {
    return start.get();
  }

  /** Maximum answer length in tokens, including {@code </s>}. */
  public int maxLength() {
    return maxLength;
  }

  /** The grammar's name (its prompt's token form). */
  public String name() {
    return name;
  }

  /**
   * The ids allowed after {@code prefix} (answer tokens, no {@code <s>}; a leading {@code <s>} is
   * skipped).
   *
   * @throws IllegalArgumentException if the prefix itself leaves the grammar
   */
  public BitSet allowed(int[] prefix) {
    return walk(prefix).allowed();
  }

  /** The state after {@code prefix} (a leading {@code <s>} is skipped). */
  public GrammarState walk(int[] prefix) {
    GrammarState s = start();
    for (int i = 0; i < prefix.length; i++) {
      if (i == 0 && prefix[0] == Vocabulary.BOS) {
        continue;
      }
      if (!s.isAllowed(prefix[i])) {
        throw new IllegalArgumentException("grammar " + name + ": token id " + prefix[i] + " at position " + i
            + " is not allowed");
      }
      s = s.next(prefix[i]);
    }
    return s;
  }

  /** Whether {@code tokens} is a complete answer (ending with {@code </s>}; trailing {@code <pad>} ignored). */
  public boolean accepts(int[] tokens) {
    GrammarState s = start();
    for (int i = 0; i < tokens.length; i++) {
      int t = tokens[i];
      if (i == 0 && t == Vocabulary.BOS) {
        continue;
      }
      if (s.finished()) {
        if (t != Vocabulary.PAD) {
          return false;
        }
        continue;
      }
      if (!s.isAllowed(t)) {
        return false;
      }
      s = s.next(t);
    }
    return s.finished();
  }

  @Override
  public String toString() {
    return "Grammar[" + name + ", maxLength=" + maxLength + "]";
  }
}
