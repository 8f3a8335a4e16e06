package io.florets.prompt.vocab;

/**
 * The groups a vocabulary token can belong to. Grammars build their allowed-token masks from these
 * groups. A plain word may belong to several groups (e.g. {@code square} is a seasonality value and
 * an image shape name); every other token belongs to exactly one.
 */
public enum TokenGroup {
  /** {@code <pad> <s> </s> <unk> <sep>}. */
  SPECIAL,
  /** Task tokens such as {@code <EVENTS>}. */
  TASK,
  /** Time-location tokens {@code <t_0>..<t_999>}. */
  TIME,
  /** Image-location tokens {@code <loc_0>..<loc_999>}. */
  LOC,
  /** Channel tokens {@code <ch_0>..<ch_{n-1}>}. */
  CHANNEL,
  /** Numeric tokens: {@code <num_zero> <num_pos> <num_neg>}, digits {@code <d_0>..<d_9>}, exponents {@code <e_-12>..<e_12>}. */
  NUMBER,
  /** The character-spelling tokens {@code <spell>} and {@code <c_x>} used for words outside the vocabulary. */
  SPELL,
  /** Punctuation marks usable in text. */
  PUNCT,
  /** Event type words ({@code EventType.token()}). */
  EVENT_TYPE,
  /** Shape facet words ({@code ShapeFacet.token()}). */
  FACET,
  /** Shape facet value words. */
  FACET_VALUE,
  /** Numeric property words ({@code Property.token()}). */
  PROPERTY,
  /** Segment label words ({@code SegmentLabel.token()}). */
  SEGMENT_LABEL,
  /** Class names (of a user's dataset or of images), usable as {@code <CLASSIFY>} answers. */
  CLASS_NAME,
  /** Image label words: shape names, colours, digit names, sizes. */
  IMAGE_LABEL,
  /** Every plain word (any token that is not written in angle brackets and is not punctuation). */
  WORD
}
