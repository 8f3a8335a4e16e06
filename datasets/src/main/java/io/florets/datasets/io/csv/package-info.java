/**
 * CSV files of series read through Tablesaw ({@link io.florets.datasets.io.csv.CsvSeriesReader}),
 * with strict timestamp parsing ({@link io.florets.datasets.io.csv.Timestamps}).
 */
package io.florets.datasets.io.csv;
