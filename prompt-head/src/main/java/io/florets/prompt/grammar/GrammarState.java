package io.florets.prompt.grammar;

import java.util.BitSet;

/**
 * A position in a task's output grammar after some prefix of answer tokens (no {@code <s>}).
 * States are immutable: {@link #next} returns a new state, so beams can share prefixes. One step
 * costs O(vocabulary / 64) word operations.
 */
public interface GrammarState {

  /** The ids allowed next, as a fresh set the caller may modify; empty after {@code </s>}. */
  BitSet allowed();

  /** Whether {@code token} is allowed next. */
  default boolean isAllowed(int token) {
    return token >= 0 && allowed().get(token);
  }

  /**
   * The state after {@code token}.
   *
   * @throws IllegalArgumentException if {@code token} is not allowed here
   */
  GrammarState next(int token);

  /** Whether the answer may end here, i.e. {@code </s>} is allowed. */
  boolean complete();

  /** Whether {@code </s>} has been consumed. */
  boolean finished();

  /** Number of tokens consumed so far (including {@code </s>} once finished). */
  int length();
}
