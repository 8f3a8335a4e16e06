package io.florets.prompt.grammar;

import io.florets.prompt.vocab.Vocabulary;
import java.util.BitSet;

/** {@code normal </s>} or {@code abnormal} followed by a list of abnormal events. */
final class AlertState implements GrammarState {
  private final Masks m;
  private final int normal;
  private final int abnormal;
  private final ItemSpec events;
  /** 0 = head, 1 = after "normal", 2 = after "normal </s>". */
  private final int phase;

  AlertState(Masks m, int normal, int abnormal, ItemSpec events) {
    this(m, normal, abnormal, events, 0);
  }

  private AlertState(Masks m, int normal, int abnormal, ItemSpec events, int phase) {
    this.m = m;
    this.normal = normal;
    this.abnormal = abnormal;
    this.events = events;
    this.phase = phase;
  }

  @Override
  public BitSet allowed() {
    BitSet out = new BitSet();
    if (phase == 0) {
      out.set(normal);
      out.set(abnormal);
    } else if (phase == 1) {
      out.set(Vocabulary.EOS);
    }
    return out;
  }

  @Override
  public GrammarState next(int token) {
    if (!isAllowed(token)) {
      throw new IllegalArgumentException("alert grammar: " + m.vocab.describe(token) + " not allowed here");
    }
    if (phase == 0 && token == abnormal) {
      return new Shifted(new ItemState(m, events));
    }
    return new AlertState(m, normal, abnormal, events, phase + 1);
  }

  @Override
  public boolean complete() {
    return phase == 1;
  }

  @Override
  public boolean finished() {
    return phase == 2;
  }

  @Override
  public int length() {
    return phase;
  }

  /** A delegate state whose length counts the head token. */
  private record Shifted(GrammarState inner) implements GrammarState {
    @Override
    public BitSet allowed() {
      return inner.allowed();
    }

    @Override
    public GrammarState next(int token) {
      return new Shifted(inner.next(token));
    }

    @Override
    public boolean complete() {
      return inner.complete();
    }

    @Override
    public boolean finished() {
      return inner.finished();
    }

    @Override
    public int length() {
      return inner.length() + 1;
    }
  }
}
