/**
 * Reading and writing series files and dense datasets.
 *
 * <p>{@link io.florets.datasets.io.SeriesFiles} is the entry point: it detects the format and
 * returns a {@link io.florets.datasets.io.SeriesFile}; {@link io.florets.datasets.io.DatasetSummary}
 * summarises what a file holds. One sub-package per format ({@code ts}, {@code arff}, {@code ucr},
 * {@code csv}, {@code nab}, {@code arrow}, {@code jsonl}). Every reader either returns the whole
 * content or throws {@link io.florets.datasets.io.DataFormatException} naming file, place, what was
 * found and what was expected; nothing is silently repaired.
 */
package io.florets.datasets.io;
