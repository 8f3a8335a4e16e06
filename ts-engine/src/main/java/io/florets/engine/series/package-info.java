/**
 * The windowed time-series front end: robust per-channel normalisation, missing-value masks,
 * patching with padding, a patch projection with position and channel embeddings, scale tokens and
 * a pooled summary token.
 */
package io.florets.engine.series;
