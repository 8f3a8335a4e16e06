/**
 * Checkpoints: parameters, optional optimizer state, and a manifest with the engine config, the
 * front end's config, the vocabulary, provenance and a SHA-256 of every file; loading validates all
 * of it.
 */
package io.florets.engine.checkpoint;
