package io.florets.prompt.grammar;

import java.util.BitSet;
import java.util.Map;

/**
 * The shape of one item of a list answer, e.g. {@code [<ch_c>] type <t_a> <t_b>}.
 *
 * @param channelled whether an item may start with a channel token
 * @param fields the fields after the optional channel
 * @param minItems fewest items before {@code </s>}
 * @param maxItems most items (the grammar's termination bound)
 * @param keyed whether items must come in strictly increasing (channel, first-word) order
 * @param keyOrdinal per token id, the ordinal of a key word (first {@link Field#WORD}), or -1
 * @param keyCount number of key words
 * @param words mask of the {@link Field#WORD} field
 * @param dependent masks of the {@link Field#DEP_WORD} field by the preceding word id
 * @param label mask of the {@link Field#LABEL} field
 * @param maxLabelWords most words in a {@link Field#LABEL}
 */
record ItemSpec(boolean channelled, Field[] fields, int minItems, int maxItems, boolean keyed, int[] keyOrdinal,
    int keyCount, BitSet words, Map<Integer, BitSet> dependent, BitSet label, int maxLabelWords) {

  /** One field of an item. */
  enum Field {
    /** One token of {@link ItemSpec#words}. */
    WORD,
    /** One token of the mask the preceding word selects. */
    DEP_WORD,
    /** A number (1 or 6 tokens). */
    NUMBER,
    /** Start time bin. */
    T_START,
    /** End time bin, &ge; start. */
    T_END,
    /** Box left bin. */
    X1,
    /** Box top bin. */
    Y1,
    /** Box right bin, &ge; left. */
    X2,
    /** Box bottom bin, &ge; top. */
    Y2,
    /** 1..maxLabelWords label words. */
    LABEL
  }

  /** Longest item in tokens. */
  int maxItemLength() {
    int n = channelled ? 1 : 0;
    for (Field f : fields) {
      n += f == Field.NUMBER ? 6 : f == Field.LABEL ? maxLabelWords : 1;
    }
    return n;
  }

  /** Longest answer in tokens including {@code </s>}. */
  int maxLength() {
    return maxItems * maxItemLength() + 1;
  }
}
