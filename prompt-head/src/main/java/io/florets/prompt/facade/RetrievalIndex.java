package io.florets.prompt.facade;

import io.florets.datasets.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * A small exact nearest-neighbour index over {@code <EMBED>} vectors (cosine similarity, which is
 * the dot product of the L2-normalised embeddings). Brute force: meant for thousands of windows,
 * not millions. Immutable after construction and thread-safe; queries embed through the facade.
 */
public final class RetrievalIndex {
  /** One neighbour: its index in the indexed list, the window and the cosine similarity. */
  public record Neighbour(int index, Window window, double similarity) {
  }

  private final Florets florets;
  private final List<Window> windows;
  private final float[][] vectors;

  private RetrievalIndex(Florets florets, List<Window> windows, float[][] vectors) {
    this.florets = florets;
    this.windows = windows;
    this.vectors = vectors;
  }

  static RetrievalIndex of(Florets florets, List<Window> windows) {
    List<Window> ws = List.copyOf(windows);
    float[][] v = new float[ws.size()][];
    var embs = florets.embedAll(ws);
    for (int i = 0; i < v.length; i++) {
      v[i] = embs.get(i).vector();
    }
    return new RetrievalIndex(florets, ws, v);
  }

  /** Number of indexed windows. */
  public int size() {
    return windows.size();
  }

  /** The {@code k} indexed windows most similar to {@code query}, best first. */
  public List<Neighbour> nearest(Window query, int k) {
    return nearest(florets.embed(query).vector(), k, -1);
  }

  /**
   * The {@code k} nearest to the indexed window {@code i}, itself excluded (for leave-one-out
   * evaluation such as precision@k).
   */
  public List<Neighbour> nearestTo(int i, int k) {
    Objects.checkIndex(i, windows.size());
    return nearest(vectors[i], k, i);
  }

  private List<Neighbour> nearest(float[] q, int k, int exclude) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    PriorityQueue<Neighbour> heap = new PriorityQueue<>(
        (a, b) -> Double.compare(a.similarity(), b.similarity()));
    for (int i = 0; i < vectors.length; i++) {
      if (i == exclude) {
        continue;
      }
      double s = 0;
      float[] v = vectors[i];
      for (int j = 0; j < v.length; j++) {
        s += (double) v[j] * q[j];
      }
      heap.add(new Neighbour(i, windows.get(i), s));
      if (heap.size() > k) {
        heap.poll();
      }
    }
    List<Neighbour> out = new ArrayList<>(heap);
    out.sort((a, b) -> Double.compare(b.similarity(), a.similarity()));
    return out;
  }
}
