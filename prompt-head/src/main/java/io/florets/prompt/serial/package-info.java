/**
 * Serializers (dense targets of a window or image to answer tokens: the training pairs) and the
 * parser (answer tokens and log-probabilities to typed readouts with confidences).
 */
package io.florets.prompt.serial;
