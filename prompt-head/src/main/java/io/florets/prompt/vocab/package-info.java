/**
 * The vocabulary and tokenizer of the output contract: token layout, JSON persistence with a
 * content hash, the location quantiser and the numeric encoding.
 */
package io.florets.prompt.vocab;
