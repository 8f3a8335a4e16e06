package io.florets.prompt.grammar;

import io.florets.prompt.vocab.Vocabulary;
import java.util.BitSet;

/** {@code minWords..maxWords} tokens from one mask, then {@code </s>} (class names, categories). */
final class WordsState implements GrammarState {
  private final Masks m;
  private final BitSet words;
  private final int maxWords;
  private final int count;
  private final boolean done;

  WordsState(Masks m, BitSet words, int maxWords) {
    this(m, words, maxWords, 0, false);
  }

  private WordsState(Masks m, BitSet words, int maxWords, int count, boolean done) {
    this.m = m;
    this.words = words;
    this.maxWords = maxWords;
    this.count = count;
    this.done = done;
  }

  @Override
  public BitSet allowed() {
    BitSet out = new BitSet();
    if (done) {
      return out;
    }
    if (count < maxWords) {
      out.or(words);
    }
    if (count > 0) {
      out.set(Vocabulary.EOS);
    }
    return out;
  }

  @Override
  public GrammarState next(int token) {
    if (!isAllowed(token)) {
      throw new IllegalArgumentException("label grammar: " + m.vocab.describe(token) + " not allowed after "
          + count + " words");
    }
    return new WordsState(m, words, maxWords, count + 1, token == Vocabulary.EOS);
  }

  @Override
  public boolean complete() {
    return !done && count > 0;
  }

  @Override
  public boolean finished() {
    return done;
  }

  @Override
  public int length() {
    return count;
  }
}
