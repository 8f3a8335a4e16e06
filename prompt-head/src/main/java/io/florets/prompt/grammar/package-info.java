/**
 * Output grammars for constrained decoding: per prompt, an incremental automaton over token ids
 * whose every path parses and terminates; and an adapter to a decoder's constraint callback.
 */
package io.florets.prompt.grammar;
