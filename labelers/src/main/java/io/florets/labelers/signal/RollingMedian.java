package io.florets.labelers.signal;

import java.util.Arrays;

/**
 * A centred running median with shrinking windows at the edges, O(n w) worst case: the window is
 * kept sorted; while it slides at full width the leaving value is located by binary search and the
 * entering value is moved into place in one pass that shifts only the entries between the two
 * positions. No allocation besides the window and the output. Stateless.
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
    double[] win = new double[Math.min(n, 2 * h + 1)];
    int size = 0;
    int hiIn = -1;
    for (int i = 0; i < n; i++) {
      int lo = i - h - 1;
      int hi = Math.min(n - 1, i + h);
      if (lo >= 0 && hiIn < hi) {
        hiIn++;
        replace(win, size, x[lo], x[hiIn]);
      } else if (lo >= 0) {
        size = remove(win, size, x[lo]);
      }
      while (hiIn < hi) {
        hiIn++;
        size = insert(win, size, x[hiIn]);
      }
      out[i] = (size & 1) == 1 ? win[size >>> 1] : 0.5 * (win[(size >>> 1) - 1] + win[size >>> 1]);
    }
    return out;
  }

  /** Replaces one occurrence of {@code old} by {@code v}, keeping {@code win[0..size)} sorted. */
  private static void replace(double[] win, int size, double old, double v) {
    int pos = Arrays.binarySearch(win, 0, size, old);
    if (pos < 0) {
      throw new IllegalStateException("running median lost value " + old);
    }
    if (v > old) {
      while (pos + 1 < size && win[pos + 1] < v) {
        win[pos] = win[pos + 1];
        pos++;
      }
    } else {
      while (pos > 0 && win[pos - 1] > v) {
        win[pos] = win[pos - 1];
        pos--;
      }
    }
    win[pos] = v;
  }

  private static int insert(double[] win, int size, double v) {
    int pos = Arrays.binarySearch(win, 0, size, v);
    if (pos < 0) {
      pos = -pos - 1;
    }
    System.arraycopy(win, pos, win, pos + 1, size - pos);
    win[pos] = v;
    return size + 1;
  }

  private static int remove(double[] win, int size, double v) {
    int pos = Arrays.binarySearch(win, 0, size, v);
    if (pos < 0) {
      throw new IllegalStateException("running median lost value " + v);
    }
    System.arraycopy(win, pos + 1, win, pos, size - pos - 1);
    return size - 1;
  }
}
