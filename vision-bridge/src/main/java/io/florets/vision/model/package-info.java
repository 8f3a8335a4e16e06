/**
 * The vision model: its vocabulary, the (image, task prompt, serialized target) training data, the
 * training recipe, and the served model that answers image prompts through the shared tokenizer,
 * grammars, decoder and parsers.
 */
package io.florets.vision.model;
