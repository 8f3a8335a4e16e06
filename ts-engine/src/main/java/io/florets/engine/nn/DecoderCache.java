package io.florets.engine.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Self-attention keys and values of every decoder layer for the positions decoded so far, each
 * [R, H, t, dh] for R rows (batch &times; beams). Not thread-safe: one per decode call.
 */
public final class DecoderCache {
  private final NDArray[] keys;
  private final NDArray[] values;

  /** An empty cache for {@code layers} decoder layers. */
  public DecoderCache(int layers) {
    keys = new NDArray[layers];
    values = new NDArray[layers];
  }

  /** Keys of layer {@code i}, or null before the first step. */
  public NDArray keys(int i) {
    return keys[i];
  }

  /** Values of layer {@code i}, or null before the first step. */
  public NDArray values(int i) {
    return values[i];
  }

  /** Replaces layer {@code i}'s entries (closing the previous arrays). */
  public void set(int i, NDArray k, NDArray v) {
    if (keys[i] != null && keys[i] != k) {
      keys[i].close();
      values[i].close();
    }
    keys[i] = k;
    values[i] = v;
  }

  /** Reorders rows (beam search): row r of the result is row {@code rows[r]} (int64 [R]). */
  public void reorder(NDArray rows) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != null) {
        set(i, gatherRows(keys[i], rows), gatherRows(values[i], rows));
      }
    }
  }

  /** Rows of {@code a} [R, ...] at {@code rows} (int64 [R']) -> [R', ...]. */
  public static NDArray gatherRows(NDArray a, NDArray rows) {
    Shape s = a.getShape();
    long r = s.get(0);
    NDArray flat = a.reshape(r, s.size() / r);
    NDArray picked = Module.lookup(flat, rows);
    long[] dims = s.getShape();
    dims[0] = rows.getShape().get(0);
    return picked.reshape(new Shape(dims));
  }
}
