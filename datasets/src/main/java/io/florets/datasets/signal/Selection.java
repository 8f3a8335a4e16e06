package io.florets.datasets.signal;

/** Selection of the value of a given rank without sorting the whole array. */
public final class Selection {
  private Selection() {
  }

  /**
   * Rearranges {@code v[0..len)} so that {@code v[k]} is the value a sort would put there, no value
   * before it is greater and none after it smaller; returns {@code v[k]}. Hoare partitioning around
   * a median of three, iterating into the side that holds {@code k}, and an insertion sort once a
   * side is short. Compares with {@code <} and {@code >}: for values without NaN (and {@code -0.0}
   * counts as {@code 0.0}).
   *
   * @param v the values, reordered in place
   * @param len how many of them count, {@code 1 <= len <= v.length}
   * @param k the rank, {@code 0 <= k < len}
   */
  public static double select(double[] v, int len, int k) {
    int lo = 0;
    int hi = len - 1;
    while (hi > lo) {
      if (hi - lo < 16) {
        for (int i = lo + 1; i <= hi; i++) {
          double x = v[i];
          int j = i - 1;
          while (j >= lo && v[j] > x) {
            v[j + 1] = v[j];
            j--;
          }
          v[j + 1] = x;
        }
        return v[k];
      }
      int mid = (lo + hi) >>> 1;
      if (v[mid] < v[lo]) {
        swap(v, mid, lo);
      }
      if (v[hi] < v[lo]) {
        swap(v, hi, lo);
      }
      if (v[hi] < v[mid]) {
        swap(v, hi, mid);
      }
      double pivot = v[mid];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (v[i] < pivot) {
          i++;
        }
        while (v[j] > pivot) {
          j--;
        }
        if (i <= j) {
          swap(v, i, j);
          i++;
          j--;
        }
      }
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        return v[k];
      }
    }
    return v[k];
  }

  private static void swap(double[] v, int i, int j) {
    double t = v[i];
    v[i] = v[j];
    v[j] = t;
  }
}
