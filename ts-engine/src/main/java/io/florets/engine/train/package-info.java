/**
 * Training: batch sources, the teacher-forced trainer with label-smoothed cross-entropy, AdamW,
 * warm-up + cosine schedule, global-norm clipping, validation, early stopping, metrics and resumable
 * optimizer state.
 */
package io.florets.engine.train;
