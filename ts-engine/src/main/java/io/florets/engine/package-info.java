/** The generic Florence-style encoder-decoder on DJL: front ends, model, training, decoding. Sees token ids only. */
package io.florets.engine;
