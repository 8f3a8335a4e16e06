package io.florets.prompt.grammar;

import io.florets.prompt.vocab.Vocabulary;
import java.util.BitSet;

/**
 * Free text: 1..max tokens of words, punctuation and spelled words ({@code <spell>} followed by at
 * least one {@code <c_x>}), then {@code </s>}.
 */
final class TextState implements GrammarState {
  private final Masks m;
  private final int max;
  private final int len;
  /** 0 = free, 1 = right after {@code <spell>} (a char must follow), 2 = inside a spelled word. */
  private final int spell;
  private final boolean done;

  TextState(Masks m, int max) {
    this(m, max, 0, 0, false);
  }

  private TextState(Masks m, int max, int len, int spell, boolean done) {
    this.m = m;
    this.max = max;
    this.len = len;
    this.spell = spell;
    this.done = done;
  }

  @Override
  public BitSet allowed() {
    BitSet out = new BitSet();
    if (done) {
      return out;
    }
    if (spell == 1) {
      out.or(m.chars);
      return out;
    }
    if (len < max) {
      out.or(m.textWords);
      if (len < max - 1) {
        out.set(m.vocab.spellId());
      }
      if (spell == 2) {
        out.or(m.chars);
      }
    }
    if (len > 0) {
      out.set(Vocabulary.EOS);
    }
    return out;
  }

  @Override
  public GrammarState next(int token) {
    if (!isAllowed(token)) {
      throw new IllegalArgumentException("text grammar: " + m.vocab.describe(token) + " not allowed at position " + len);
    }
    if (token == Vocabulary.EOS) {
      return new TextState(m, max, len + 1, 0, true);
    }
    int s = token == m.vocab.spellId() ? 1 : m.chars.get(token) ? 2 : 0;
    return new TextState(m, max, len + 1, s, false);
  }

  @Override
  public boolean complete() {
    return !done && spell != 1 && len > 0;
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
