/**
 * Numenta Anomaly Benchmark labels: {@link io.florets.datasets.io.nab.NabLabels} reads
 * {@code combined_windows.json} and maps its time windows onto a series as anomaly events.
 */
package io.florets.datasets.io.nab;
