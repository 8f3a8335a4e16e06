/**
 * Decoding: greedy and beam search with a key/value cache, batched over inputs, constrained by a
 * callback that returns the allowed next ids, with per-token log-probabilities; and a pool of
 * inference workers.
 */
package io.florets.engine.decode;
