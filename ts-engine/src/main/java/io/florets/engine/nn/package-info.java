/**
 * Transformer building blocks on DJL: dense and layer-norm leaves, multi-head attention with a
 * fused QKV projection and key/value caches, pre-LN encoder and decoder layers, the front-end block
 * base type and the whole encoder-decoder network. Every method writes its tensor shapes.
 */
package io.florets.engine.nn;
