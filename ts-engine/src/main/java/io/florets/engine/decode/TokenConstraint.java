package io.florets.engine.decode;

import java.util.BitSet;

/**
 * Which token ids may come next, given the answer so far. Applied as a logit mask: every id not in
 * the returned set gets probability 0, and log-probabilities are renormalised over the allowed ids.
 * The EOS id must be allowed where an answer may end. Implementations must be thread-safe if the
 * same constraint is used by concurrent decodes.
 */
@FunctionalInterface
public interface TokenConstraint {

  /** No constraint: every id is allowed. */
  TokenConstraint NONE = (item, prefix) -> null;

  /**
   * The allowed next ids.
   *
   * @param item row of the batch (index into the inputs of the decode call)
   * @param prefix the ids decoded so far for this row (no BOS); do not modify
   * @return the allowed ids (non-empty), or {@code null} for "all ids"
   */
  BitSet allowed(int item, int[] prefix);
}
