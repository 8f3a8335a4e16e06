package io.florets.labelers.nab;

/**
 * The outcome of NAB's corpus-wide threshold optimisation for one profile.
 *
 * @param profile the profile optimised for
 * @param threshold the chosen threshold (an anomaly score present in the corpus, or 1.1 for "never detect")
 * @param score the corpus raw score at that threshold (sum over files)
 */
public record ThresholdChoice(NabProfile profile, double threshold, double score) {}
