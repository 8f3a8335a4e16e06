package io.florets.engine.decode;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.florets.engine.nn.DecoderCache;
import io.florets.engine.nn.EncoderDecoder;

/**
 * Runs one decoder step for R rows and returns the logits on the host. Two implementations of the
 * same computation: incremental with caches (cross K/V computed once, self K/V appended per step;
 * per step and layer about 30 native ops) or full re-decoding of the prefix (the reference).
 */
final class StepRunner {
  private final EncoderDecoder net;
  private final NDManager manager;
  private final EncoderDecoder.Encoded encoded;
  private final boolean useCache;
  private final int rows;
  private NDArray[][] memKv;
  private final NDArray memBias;
  private final EncoderDecoder.Encoded rowsEncoded;
  private final DecoderCache cache;
  private long[][] history;

  StepRunner(EncoderDecoder net, NDManager manager, EncoderDecoder.Encoded encoded,
      int[] sourceRows, boolean useCache) {
    this.net = net;
    this.manager = manager;
    this.encoded = encoded;
    this.useCache = useCache;
    this.rows = sourceRows.length;
    NDArray idx = manager.create(toLong(sourceRows));
    boolean identity = isIdentity(sourceRows, (int) encoded.memory().getShape().get(0));
    this.rowsEncoded = identity ? encoded : encoded.gatherRows(idx);
    this.memBias = rowsEncoded.bias();
    if (useCache) {
      NDArray[][] kv = net.memoryKvForSteps(encoded);
      if (!identity) {
        for (NDArray[] layer : kv) {
          layer[0] = DecoderCache.gatherRows(layer[0], idx);
          layer[1] = DecoderCache.gatherRows(layer[1], idx);
        }
      }
      this.memKv = kv;
      this.cache = new DecoderCache(net.decoderLayers());
    } else {
      this.cache = null;
      this.history = new long[rows][0];
      if (!identity) {
        NDArray mem = DecoderCache.gatherRows(encoded.memory(), idx);
        this.encodedRows = rowsEncoded.withMemory(mem);
      } else {
        this.encodedRows = encoded;
      }
    }
  }

  private EncoderDecoder.Encoded encodedRows;

  /** Logits [rows * V] for next tokens after feeding {@code last} at position {@code t}. */
  float[] step(long[] last, int t) {
    if (useCache) {
      NDArray ids = manager.create(last, new Shape(rows, 1));
      return net.step(ids, t, cache, memKv, rowsEncoded).toFloatArray();
    }
    long[] flat = new long[rows * (t + 1)];
    for (int r = 0; r < rows; r++) {
      long[] h = java.util.Arrays.copyOf(history[r], t + 1);
      h[t] = last[r];
      history[r] = h;
      System.arraycopy(h, 0, flat, r * (t + 1), t + 1);
    }
    NDArray ids = manager.create(flat, new Shape(rows, t + 1));
    // the naive reference: cross K/V and the whole prefix recomputed at every step
    NDArray hidden = net.decode(encodedRows, net.memoryKv(encodedRows), ids, false);
    NDArray lastHidden = hidden.get(":, {}:{}, :", t, t + 1); // [R, 1, d]
    return net.logits(lastHidden, encodedRows).toFloatArray();
  }

  /** Reorders rows after a beam step: new row r continues old row {@code from[r]}. */
  void reorder(int[] from) {
    if (isIdentity(from, rows)) {
      return;
    }
    if (useCache) {
      cache.reorder(manager.create(toLong(from)));
    } else {
      long[][] h = new long[rows][];
      for (int r = 0; r < rows; r++) {
        h[r] = history[from[r]];
      }
      history = h;
    }
  }

  private static boolean isIdentity(int[] rows, int n) {
    if (rows.length != n) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (rows[i] != i) {
        return false;
      }
    }
    return true;
  }

  private static long[] toLong(int[] a) {
    long[] l = new long[a.length];
    for (int i = 0; i < a.length; i++) {
      l[i] = a[i];
    }
    return l;
  }
}
