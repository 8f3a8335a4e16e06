/** JSON Lines export of dense datasets through Jackson: {@link io.florets.datasets.io.jsonl.DenseDatasetJsonl}. */
package io.florets.datasets.io.jsonl;
