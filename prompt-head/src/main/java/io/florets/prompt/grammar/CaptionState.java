package io.florets.prompt.grammar;

import io.florets.prompt.vocab.Vocabulary;
import java.util.BitSet;

/**
 * Text over a {@link CaptionLexicon}: 1..max tokens of whole lexicon words, each its vocabulary
 * token or a spelled word that the {@link LexiconTrie} completes into a lexicon word, with a
 * punctuation mark only right after a word; then {@code </s>}. A spelled word may end only where a
 * lexicon word ends, and a new one starts only after that, so no pieces glue into a non-word. A
 * spelled word is begun or continued only if it can still end within the length limit.
 */
final class CaptionState implements GrammarState {
  private static final int BETWEEN_WORDS = -1;

  private final LexiconTrie lex;
  private final int spell;
  private final int max;
  private final int len;
  /** {@link #BETWEEN_WORDS}, or the trie node of the spelled word being written (0 right after {@code <spell>}). */
  private final int node;
  /** Whether the last token ended a word given as one token (punctuation may follow). */
  private final boolean afterWordToken;
  private final boolean done;

  CaptionState(LexiconTrie lex, int spell, int max) {
    this(lex, spell, max, 0, BETWEEN_WORDS, false, false);
  }

  private CaptionState(LexiconTrie lex, int spell, int max, int len, int node, boolean afterWordToken,
      boolean done) {
    this.lex = lex;
    this.spell = spell;
    this.max = max;
    this.len = len;
    this.node = node;
    this.afterWordToken = afterWordToken;
    this.done = done;
  }

  @Override
  public BitSet allowed() {
    BitSet out = new BitSet();
    if (done) {
      return out;
    }
    int budget = max - len;
    if (node != BETWEEN_WORDS) {
      lex.addChars(node, budget, out);
      if (!lex.terminal(node)) {
        return out;
      }
    }
    if (budget > 0) {
      out.or(lex.words);
      if (afterWord()) {
        out.or(lex.punctuation);
      }
      if (lex.hasSpelledWords() && lex.shortestSpelling() <= budget) {
        out.set(spell);
      }
    }
    if (len > 0) {
      out.set(Vocabulary.EOS);
    }
    return out;
  }

  private boolean afterWord() {
    return node == BETWEEN_WORDS ? afterWordToken : lex.terminal(node);
  }

  @Override
  public GrammarState next(int token) {
    if (!isAllowed(token)) {
      throw new IllegalArgumentException("caption grammar: " + lex.vocab.describe(token) + " not allowed at position "
          + len + (node == BETWEEN_WORDS ? "" : " (inside a spelled word)"));
    }
    if (token == Vocabulary.EOS) {
      return new CaptionState(lex, spell, max, len + 1, BETWEEN_WORDS, false, true);
    }
    if (token == spell) {
      return new CaptionState(lex, spell, max, len + 1, 0, false, false);
    }
    if (node != BETWEEN_WORDS) {
      int child = lex.child(node, token);
      if (child >= 0) {
        return new CaptionState(lex, spell, max, len + 1, child, false, false);
      }
    }
    return new CaptionState(lex, spell, max, len + 1, BETWEEN_WORDS, lex.words.get(token), false);
  }

  @Override
  public boolean complete() {
    return !done && len > 0 && (node == BETWEEN_WORDS || lex.terminal(node));
  }

  @Override
  public boolean finished() {
    return done;
  }

  @Override
  public int length() {
    return len;
  }
}
