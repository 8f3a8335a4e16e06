/**
 * The Numenta Anomaly Benchmark (NAB) harness: reading the corpus and its label windows
 * ({@link io.florets.labelers.nab.NabCorpusReader}), NAB's scoring rule and corpus-wide threshold
 * optimisation ({@link io.florets.labelers.nab.NabScorer}), causal streaming detectors
 * ({@link io.florets.labelers.nab.StreamingDetector}: the project's default detector
 * {@link io.florets.labelers.nab.CombinedDetector}, which joins the multi-scale detector
 * {@link io.florets.labelers.nab.MultiScaleDetector} and the anomaly likelihood of the contextual detector
 * {@link io.florets.labelers.nab.ContextualDetector}; the single-scale robust detector the multi-scale one
 * builds on; and NAB's windowed-Gaussian baseline), the end-to-end evaluation ({@link io.florets.labelers.nab.NabBenchmark}),
 * the leave-one-category-out choice of settings and thresholds
 * ({@link io.florets.labelers.nab.CategoryCrossValidation}, with shared score streams in
 * {@link io.florets.labelers.nab.ContextualGrid}) and NAB's results-file format
 * ({@link io.florets.labelers.nab.NabResultsWriter}).
 *
 * <p>The scorer follows NAB's definitions: a probationary period of {@code min(floor(0.15 n), 750)}
 * rows that is never scored; a detection at row {@code i} of a window ending at {@code e} of width
 * {@code w} scores {@code tpWeight * sigma(-(e - i + 1) / w) / sigma(-1)} with the scaled sigmoid
 * {@code sigma(y) = 2 / (1 + exp(5y)) - 1}; only a window's first detection counts and an undetected
 * window costs {@code fnWeight}; a detection outside windows costs {@code fpWeight * sigma(y)} with
 * {@code y} its distance past the previous window relative to that window's width (or {@code -fpWeight}
 * before any window); the normalised score is {@code 100 (S - S_null) / (S_perfect - S_null)}.
 */
package io.florets.labelers.nab;
