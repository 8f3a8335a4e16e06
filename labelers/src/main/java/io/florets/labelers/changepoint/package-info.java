/**
 * Change-point search on whole series with the number of segments unknown, and its scoring.
 *
 * <p>{@link io.florets.labelers.changepoint.ClassificationSegmenter} splits a series where a
 * self-supervised nearest-neighbour classifier best tells the part before from the part after
 * (a classification score profile), recursively, while a two-sample test on the classifier's
 * predictions says the split is real. {@link io.florets.labelers.changepoint.SegmentationScores}
 * holds the covering and margin-F1 measures of the Time Series Segmentation Benchmark, and
 * {@link io.florets.labelers.changepoint.TssbEvaluation} runs the segmenters over that
 * benchmark's files.
 */
package io.florets.labelers.changepoint;
