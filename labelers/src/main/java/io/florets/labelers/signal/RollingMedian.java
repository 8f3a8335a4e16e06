package io.florets.labelers.signal;

/**
 * A centred running median with shrinking windows at the edges. Two exact methods, chosen by the
 * series' length against the window's:
 * <ul>
 *   <li><b>Ranks</b> (every series of up to 1,024 samples, and longer ones up to 65,536 while the
 *       window is wide enough that neighbouring ranks in it lie a few words apart): the values are sorted once and
 *       each sample gets its own rank (equal values get consecutive ranks); the window is a bit set
 *       of ranks, a sample enters and leaves by one bit, and a pointer to the lower median's bit
 *       steps to the neighbouring set bit when a sample enters or leaves below it. {@link Ranked}
 *       keeps the ranks, so several widths over the same values share the one sort.</li>
 *   <li><b>Sorted window</b> (long series with narrow windows, and series over 65,536 samples):
 *       the window is kept sorted and each sample's place in it is tracked, so the leaving sample
 *       is found without a search and the entering value moves into place from there, O(n w)
 *       worst case.</li>
 * </ul>
 * Both give the median of the window's multiset, so they agree bit for bit (up to the sign of a
 * zero: the sorted window compares with {@code <}, so {@code -0.0} and {@code 0.0} are one value to
 * it). No allocation per sample. Stateless.
 */
public final class RollingMedian {
  /** Ranks are used while the bit set has at most this many words per sample of window. */
  static final int RANKED_WORDS_PER_WINDOW = 2;
  /** Ranks are always used up to this many words (1,024 samples). */
  static final int RANKED_WORDS_ALWAYS = 16;
  /**
   * A single running median ({@link #of}) ranks its values from this half-width on: for narrower
   * windows the sorted window's moves cost less than the sort (timed on the absolute differences
   * of 256 noisy samples: 11.4 against 13.0 microseconds at half-width 16, 12.9 against 12.6 at 24,
   * 15.3 against 12.6 at 32).
   */
  static final int ALONE_RANKED_HALF_WIDTH = 24;

  private RollingMedian() {
  }

  /**
   * The running median of {@code x} over {@code [i-h, i+h]} clipped to the array.
   *
   * @param x values (not modified)
   * @param h half-width &ge; 0
   */
  public static double[] of(double[] x, int h) {
    if (h < 0) {
      throw new IllegalArgumentException("running median half-width must be >= 0, got " + h);
    }
    return h >= ALONE_RANKED_HALF_WIDTH && useRanks(x.length, h) ? ranked(x).of(h) : sortedWindow(x, h);
  }

  /**
   * The values ranked once, for running medians of several widths over them.
   *
   * @param x values (kept by reference: do not modify them while the result is in use)
   */
  public static Ranked ranked(double[] x) {
    return new Ranked(x);
  }

  static boolean useRanks(int n, int h) {
    int words = (n + 63) >>> 6;
    return n <= 1 << INDEX_BITS
        && (words <= RANKED_WORDS_ALWAYS || words <= RANKED_WORDS_PER_WINDOW * (2L * h + 1));
  }

  /** Values with their ranks; see the class comment. */
  public static final class Ranked {
    private final double[] x;
    /**
     * The values in ascending order (null when a value is NaN or there are more than 2^16 of them:
     * then the sorted window serves).
     */
    private final double[] sorted;
    /** {@code sorted[rank[i]] == x[i]}, ranks distinct. */
    private final int[] rank;

    private Ranked(double[] x) {
      this.x = x;
      int n = x.length;
      for (int i = 0; i < n; i++) {
        if (x[i] != x[i]) {
          sorted = null;
          rank = null;
          return;
        }
      }
      if (n > 1 << INDEX_BITS) {
        // too long for the sort keys: the sorted window serves every width
        sorted = null;
        rank = null;
        return;
      }
      int[] r = new int[n];
      double[] s = new double[n];
      rankByKeys(x, s, r);
      sorted = s;
      rank = r;
    }

    /**
     * The running median over {@code [i-h, i+h]} clipped to the array.
     *
     * @param h half-width &ge; 0
     */
    public double[] of(int h) {
      if (h < 0) {
        throw new IllegalArgumentException("running median half-width must be >= 0, got " + h);
      }
      int n = x.length;
      if (sorted == null || !useRanks(n, h)) {
        return sortedWindow(x, h);
      }
      double[] out = new double[n];
      long[] bits = new long[(n + 63) >>> 6];
      int size = 0;
      // the lower median: the set bit with exactly `below` set bits under it
      int lower = -1;
      int below = 0;
      int hiIn = -1;
      for (int i = 0; i < n; i++) {
        int hi = Math.min(n - 1, i + h);
        int leave = i - h - 1;
        if (leave >= 0) {
          int r = rank[leave];
          bits[r >>> 6] &= ~(1L << r);
          size--;
          if (r < lower) {
            below--;
          } else if (r == lower) {
            if (size == 0) {
              lower = -1;
            } else {
              int up = nextSetBit(bits, r + 1);
              if (up >= 0) {
                lower = up;
              } else {
                lower = prevSetBit(bits, r - 1);
                below--;
              }
            }
          }
        }
        while (hiIn < hi) {
          int r = rank[++hiIn];
          bits[r >>> 6] |= 1L << r;
          if (size++ == 0) {
            lower = r;
            below = 0;
          } else if (r < lower) {
            below++;
          }
        }
        int k = (size - 1) >>> 1;
        while (below > k) {
          lower = prevSetBit(bits, lower - 1);
          below--;
        }
        while (below < k) {
          lower = nextSetBit(bits, lower + 1);
          below++;
        }
        out[i] = (size & 1) == 1 ? sorted[lower]
            : 0.5 * (sorted[lower] + sorted[nextSetBit(bits, lower + 1)]);
      }
      return out;
    }
  }

  /** Bits of a sort key that carry the sample's index. */
  private static final int INDEX_BITS = 16;

  /**
   * Ranks up to 2^16 values with one primitive sort: each value's bits, mapped to a long whose
   * signed order is {@link Double#compare}'s, keep their top 48 bits and carry the index in the low
   * 16. Keys sort by those 48 bits, then by index; a run of keys with the same top bits (equal
   * values, or values a few units in the last place apart) is then put in value order, so the
   * ranks are exact.
   */
  private static void rankByKeys(double[] x, double[] sorted, int[] rank) {
    int n = x.length;
    long mask = -1L << INDEX_BITS;
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      long b = Double.doubleToRawLongBits(x[i]);
      keys[i] = ((b ^ ((b >> 63) & Long.MAX_VALUE)) & mask) | i;
    }
    java.util.Arrays.sort(keys);
    for (int j = 0; j < n; j++) {
      sorted[j] = x[(int) (keys[j] & ~mask)];
    }
    for (int a = 0; a < n; ) {
      int e = a + 1;
      long top = keys[a] & mask;
      while (e < n && (keys[e] & mask) == top) {
        e++;
      }
      // insertion sort of the run by value, indices alongside (usually a run of one)
      for (int i = a + 1; i < e; i++) {
        double t = sorted[i];
        long tk = keys[i];
        int b = i - 1;
        while (b >= a && Double.compare(sorted[b], t) > 0) {
          sorted[b + 1] = sorted[b];
          keys[b + 1] = keys[b];
          b--;
        }
        sorted[b + 1] = t;
        keys[b + 1] = tk;
      }
      a = e;
    }
    for (int j = 0; j < n; j++) {
      rank[(int) (keys[j] & ~mask)] = j;
    }
  }

  /** The lowest set bit at or after {@code from}, or -1. */
  private static int nextSetBit(long[] bits, int from) {
    int w = from >>> 6;
    if (w >= bits.length) {
      return -1;
    }
    long v = bits[w] & (-1L << from);
    while (v == 0) {
      if (++w == bits.length) {
        return -1;
      }
      v = bits[w];
    }
    return (w << 6) + Long.numberOfTrailingZeros(v);
  }

  /** The highest set bit at or before {@code from}, or -1. */
  private static int prevSetBit(long[] bits, int from) {
    if (from < 0) {
      return -1;
    }
    int w = from >>> 6;
    long v = bits[w] & (-1L >>> (63 - (from & 63)));
    while (v == 0) {
      if (--w < 0) {
        return -1;
      }
      v = bits[w];
    }
    return (w << 6) + 63 - Long.numberOfLeadingZeros(v);
  }

  /** The sorted-window method (see the class comment). */
  static double[] sortedWindow(double[] x, int h) {
    int n = x.length;
    double[] out = new double[n];
    if (n == 0) {
      return out;
    }
    SortedWindow w = new SortedWindow((int) Math.min(n, 2L * h + 1));
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
