/**
 * Batch labeling and batch asking on Apache Spark: series as a {@code Dataset<Row>} in, dense
 * annotations (the rows of {@code florets label}'s dense dataset, one per annotation) and model
 * readouts out, computed by Spark's executors.
 *
 * <ul>
 *   <li>{@link io.florets.spark.SeriesSources}: series from Parquet (one row per series with a
 *       values array, or one row per sample with a timestamp), from folders of the files the
 *       command line reads (CSV such as NAB's {@code timestamp,value}, the project's Arrow series
 *       files, UCR/UEA), normalised to {@link io.florets.spark.SeriesRows#SCHEMA};</li>
 *   <li>{@link io.florets.spark.SparkLabeling}: windows, labelers, consensus and captions, row for
 *       row what {@code io.florets.labelers.batch.BatchLabeling} writes on one machine; bad series
 *       go to an errors dataset;</li>
 *   <li>{@link io.florets.spark.SparkAsk}: one {@code Florets} per executor JVM answers prompts
 *       about windows;</li>
 *   <li>{@link io.florets.spark.FloretsSparkJob}: the {@code spark-submit} entry point.</li>
 * </ul>
 *
 * <p>Spark is a {@code provided} dependency: a cluster brings its own, and no other Florets module
 * depends on this one.
 */
package io.florets.spark;
