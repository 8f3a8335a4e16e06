package io.florets.prompt.grammar;

import io.florets.prompt.grammar.ItemSpec.Field;
import io.florets.prompt.vocab.Vocabulary;
import java.util.BitSet;

/** A position in a list answer of {@link ItemSpec} items; immutable. */
final class ItemState implements GrammarState {
  private final Masks m;
  private final ItemSpec spec;
  private final int len;
  private final int items;
  private final boolean inItem;
  private final int field;
  private final int sub;
  private final int chanRank;
  private final int lastKey;
  private final int prev;
  private final int a;
  private final int b;
  private final boolean done;

  ItemState(Masks m, ItemSpec spec) {
    this(m, spec, 0, 0, false, 0, 0, 0, -1, -1, 0, 0, false);
  }

  private ItemState(Masks m, ItemSpec spec, int len, int items, boolean inItem, int field, int sub, int chanRank,
      int lastKey, int prev, int a, int b, boolean done) {
    this.m = m;
    this.spec = spec;
    this.len = len;
    this.items = items;
    this.inItem = inItem;
    this.field = field;
    this.sub = sub;
    this.chanRank = chanRank;
    this.lastKey = lastKey;
    this.prev = prev;
    this.a = a;
    this.b = b;
    this.done = done;
  }

  @Override
  public BitSet allowed() {
    BitSet out = new BitSet();
    if (done) {
      return out;
    }
    if (!inItem) {
      if (items >= spec.minItems()) {
        out.set(Vocabulary.EOS);
      }
      if (items < spec.maxItems()) {
        if (spec.channelled()) {
          addChannels(out);
        }
        addField(out, 0);
      }
      return out;
    }
    addField(out, chanRank);
    return out;
  }

  private void addChannels(BitSet out) {
    int k = spec.keyCount();
    for (int c = 0; c < m.vocab.channels(); c++) {
      if (!spec.keyed() || (long) (c + 1) * k + k - 1 > lastKey) {
        out.set(m.vocab.channelId(c));
      }
    }
  }

  private void addField(BitSet out, int rank) {
    switch (spec.fields()[field]) {
      case WORD -> {
        if (!spec.keyed()) {
          out.or(spec.words());
        } else {
          BitSet w = spec.words();
          for (int id = w.nextSetBit(0); id >= 0; id = w.nextSetBit(id + 1)) {
            if ((long) rank * spec.keyCount() + spec.keyOrdinal()[id] > lastKey) {
              out.set(id);
            }
          }
        }
      }
      case DEP_WORD -> out.or(spec.dependent().get(prev));
      case NUMBER -> out.or(sub == 0 ? m.numberHead : sub == 1 ? (m.vocab.hasNumberBins() ? m.numberBins
          : m.digits19) : sub <= 4 ? m.digits09 : m.exponents);
      case T_START -> out.or(m.time);
      case T_END -> out.or(m.timeFrom(a));
      case X1, Y1 -> out.or(m.loc);
      case X2 -> out.or(m.locFrom(a));
      case Y2 -> out.or(m.locFrom(b));
      case LABEL -> {
        if (sub < spec.maxLabelWords()) {
          out.or(spec.label());
        }
        if (sub > 0) {
          out.or(m.loc);
        }
      }
      default -> throw new IllegalStateException("unhandled field " + spec.fields()[field]);
    }
  }

  @Override
  public GrammarState next(int token) {
    if (!isAllowed(token)) {
      throw new IllegalArgumentException("list grammar: " + m.vocab.describe(token) + " not allowed at position "
          + len + " (item " + items + ", field " + field + ")");
    }
    if (!inItem) {
      if (token == Vocabulary.EOS) {
        return new ItemState(m, spec, len + 1, items, false, 0, 0, 0, lastKey, prev, a, b, true);
      }
      int c = m.vocab.channelOf(token);
      if (spec.channelled() && c >= 0) {
        return new ItemState(m, spec, len + 1, items, true, 0, 0, c + 1, lastKey, prev, a, b, false);
      }
      return consume(token, 0);
    }
    return consume(token, chanRank);
  }

  private GrammarState consume(int token, int rank) {
    Field f = spec.fields()[field];
    int key = lastKey;
    int na = a;
    int nb = b;
    int nsub = 0;
    boolean fieldDone = true;
    switch (f) {
      case WORD -> {
        if (spec.keyed() && field == 0) {
          key = rank * spec.keyCount() + spec.keyOrdinal()[token];
        }
      }
      case NUMBER -> {
        fieldDone = (sub == 0 && token == m.vocab.numZeroId())
            || (sub == 1 && m.vocab.hasNumberBins()) || sub == 5;
        nsub = fieldDone ? 0 : sub + 1;
      }
      case T_START -> na = m.vocab.timeBin(token);
      case X1 -> na = m.vocab.locBin(token);
      case Y1 -> nb = m.vocab.locBin(token);
      case LABEL -> {
        if (m.loc.get(token)) {
          // the label ended; this token is the first coordinate (X1)
          return new ItemState(m, spec, len, items, true, field + 1, 0, rank, lastKey, token, a, b, false)
              .consume(token, rank);
        }
        fieldDone = false;
        nsub = sub + 1;
      }
      default -> {
      }
    }
    if (!fieldDone) {
      return new ItemState(m, spec, len + 1, items, true, field, nsub, rank, key, token, na, nb, false);
    }
    if (field + 1 < spec.fields().length) {
      return new ItemState(m, spec, len + 1, items, true, field + 1, 0, rank, key, token, na, nb, false);
    }
    return new ItemState(m, spec, len + 1, items + 1, false, 0, 0, 0, key, token, na, nb, false);
  }

  @Override
  public boolean complete() {
    return !done && !inItem && items >= spec.minItems();
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
