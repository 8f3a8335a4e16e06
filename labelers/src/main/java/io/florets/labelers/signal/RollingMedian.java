package io.florets.labelers.signal;

/**
 * A centred running median with shrinking windows at the edges, O(n w) worst case and about
 * {@code n w / 3} moves on noise: the window is kept sorted, and each sample's place in it is
 * tracked, so the leaving sample is found without a search and the entering value moves into place
 * from there, shifting only the entries between the two. Three primitive arrays of the window's
 * size besides the output; no allocation per sample. Stateless.
 *
 * <p>Values compare with {@code <} (so {@code -0.0} and {@code 0.0} are equal); the median of a
 * multiset does not depend on how equal values are ordered.
 */
public final class RollingMedian {
  private RollingMedian() {
  }

  /**
   * The running median of {@code x} over {@code [i-h, i+h]} clipped to the array.
   *
   * @param x values (not modified)
   * @param h half-width &ge; 0
   */
  public static double[] of(double[] x, int h) {
    int n = x.length;
    double[] out = new double[n];
    if (n == 0) {
      return out;
    }
    SortedWindow w = new SortedWindow(Math.min(n, 2 * h + 1));
    int hiIn = -1;
    for (int i = 0; i < n; i++) {
      int hi = Math.min(n - 1, i + h);
      if (i - h - 1 >= 0 && hiIn < hi) {
        w.replace(x[++hiIn]);
      } else if (i - h - 1 >= 0) {
        w.remove();
      }
      while (hiIn < hi) {
        w.insert(x[++hiIn]);
      }
      out[i] = w.median();
    }
    return out;
  }

  /**
   * The sorted window. Samples enter and leave in order, so each is named by its place in a ring
   * of {@code cap} entries: {@code slot[r]} is where the sample of ring place {@code r} sits in
   * {@code win}, and {@code ring[k]} the ring place of the sample at {@code win[k]}.
   */
  private static final class SortedWindow {
    private final int cap;
    private final double[] win;
    private final int[] ring;
    private final int[] slot;
    private int size;
    private int in;
    private int out;

    SortedWindow(int cap) {
      this.cap = cap;
      this.win = new double[cap];
      this.ring = new int[cap];
      this.slot = new int[cap];
    }

    double median() {
      int m = size >>> 1;
      return (size & 1) == 1 ? win[m] : 0.5 * (win[m - 1] + win[m]);
    }

    /** Adds {@code v} as the newest sample. */
    void insert(double v) {
      int p = size++;
      while (p > 0 && win[p - 1] > v) {
        move(p - 1, p);
        p--;
      }
      place(p, v, next());
    }

    /** Drops the oldest sample. */
    void remove() {
      int p = slot[out];
      out = out + 1 == cap ? 0 : out + 1;
      size--;
      for (; p < size; p++) {
        move(p + 1, p);
      }
    }

    /** Drops the oldest sample and adds {@code v} as the newest, in one pass. */
    void replace(double v) {
      int p = slot[out];
      out = out + 1 == cap ? 0 : out + 1;
      if (v > win[p]) {
        while (p + 1 < size && win[p + 1] < v) {
          move(p + 1, p);
          p++;
        }
      } else {
        while (p > 0 && win[p - 1] > v) {
          move(p - 1, p);
          p--;
        }
      }
      place(p, v, next());
    }

    private int next() {
      int r = in;
      in = in + 1 == cap ? 0 : in + 1;
      return r;
    }

    private void move(int from, int to) {
      win[to] = win[from];
      int r = ring[from];
      ring[to] = r;
      slot[r] = to;
    }

    private void place(int p, double v, int r) {
      win[p] = v;
      ring[p] = r;
      slot[r] = p;
    }
  }
}
