/**
 * Arrow IPC files (the random-access "file" format): series ({@link io.florets.datasets.io.arrow.ArrowSeries})
 * and dense datasets ({@link io.florets.datasets.io.arrow.DenseDatasetArrow}). Every allocator, reader
 * and writer is closed before a method returns.
 */
package io.florets.datasets.io.arrow;
