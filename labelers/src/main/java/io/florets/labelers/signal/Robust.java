package io.florets.labelers.signal;

import java.util.Arrays;

/** Small robust-statistics helpers on primitive arrays. Stateless and thread-safe. */
public final class Robust {
  /** Consistency constant: {@code 1.4826 * MAD} estimates a Gaussian sigma. */
  public static final double MAD_TO_SIGMA = 1.4826;

  private Robust() {
  }

  /**
   * The median of {@code v[0..len)}, reordering that prefix in place (by selection, O(len) on
   * average: the prefix is partitioned around the median, not sorted). Values are ordered as
   * {@link Double#compare} orders them (NaN last), so the result is the one a sort would give.
   * NaN if {@code len == 0}.
   *
   * <p>Without NaN and {@code -0.0} (the usual case: one pass checks) that order is the one of
   * {@code <}, and the selection compares with it directly.
   */
  public static double medianInPlace(double[] v, int len) {
    if (len == 0) {
      return Double.NaN;
    }
    int h = len >>> 1;
    boolean plain = plain(v, len);
    double upper = plain ? selectPlain(v, len, h) : select(v, len, h);
    if ((len & 1) == 1) {
      return upper;
    }
    // after selecting h, v[0..h) holds the h smallest values: the lower middle is their maximum
    double lower = v[0];
    if (plain) {
      for (int i = 1; i < h; i++) {
        if (v[i] > lower) {
          lower = v[i];
        }
      }
    } else {
      for (int i = 1; i < h; i++) {
        if (Double.compare(v[i], lower) > 0) {
          lower = v[i];
        }
      }
    }
    return 0.5 * (lower + upper);
  }

  /**
   * True if {@code v[0..len)} holds neither NaN nor {@code -0.0}: there {@code a < b} exactly when
   * {@code Double.compare(a, b) < 0}, and equal values are the same double.
   */
  private static boolean plain(double[] v, int len) {
    boolean ok = true;
    for (int i = 0; i < len; i++) {
      long bits = Double.doubleToRawLongBits(v[i]);
      // NaN: exponent all ones and a non-zero fraction; -0.0: the sign bit alone
      ok &= (bits & Long.MAX_VALUE) <= 0x7ff0000000000000L && bits != Long.MIN_VALUE;
    }
    return ok;
  }

  /** {@link #select} with {@code <} and {@code >}, for arrays that pass {@link #plain}. */
  private static double selectPlain(double[] v, int len, int k) {
    return io.florets.datasets.signal.Selection.select(v, len, k);
  }

  /**
   * Rearranges {@code v[0..len)} so that {@code v[k]} is the value a sort would put there, every
   * value before it is not greater and every value after it not smaller; returns {@code v[k]}.
   * Hoare partitioning around a median of three, iterating into the side that holds {@code k}.
   */
  static double select(double[] v, int len, int k) {
    int lo = 0;
    int hi = len - 1;
    while (hi > lo) {
      if (hi - lo < 16) {
        for (int i = lo + 1; i <= hi; i++) {
          double x = v[i];
          int j = i - 1;
          while (j >= lo && Double.compare(v[j], x) > 0) {
            v[j + 1] = v[j];
            j--;
          }
          v[j + 1] = x;
        }
        return v[k];
      }
      int mid = (lo + hi) >>> 1;
      if (Double.compare(v[mid], v[lo]) < 0) {
        swap(v, mid, lo);
      }
      if (Double.compare(v[hi], v[lo]) < 0) {
        swap(v, hi, lo);
      }
      if (Double.compare(v[hi], v[mid]) < 0) {
        swap(v, hi, mid);
      }
      double pivot = v[mid];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (Double.compare(v[i], pivot) < 0) {
          i++;
        }
        while (Double.compare(v[j], pivot) > 0) {
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

  private static void swap(double[] v, int a, int b) {
    double t = v[a];
    v[a] = v[b];
    v[b] = t;
  }

  /** The median of {@code v} (not modified). */
  public static double median(double[] v) {
    return medianInPlace(v.clone(), v.length);
  }

  /** The median of the first {@code len} values of {@code v} without modifying it. */
  public static double median(double[] v, int len) {
    return medianInPlace(Arrays.copyOf(v, len), len);
  }

  /** Median absolute deviation from {@code center} of {@code v[0..len)} (not modified). */
  public static double mad(double[] v, int len, double center) {
    double[] d = new double[len];
    for (int i = 0; i < len; i++) {
      d[i] = Math.abs(v[i] - center);
    }
    return medianInPlace(d, len);
  }

  /**
   * The root mean square of the smallest {@code keep} of {@code v[0..len)}, reordering that prefix
   * in place (by selection). 0 if {@code keep == 0}.
   *
   * @param keep values kept, {@code 0 <= keep <= len}
   */
  public static double trimmedRmsInPlace(double[] v, int len, int keep) {
    if (keep < 0 || keep > len) {
      throw new IllegalArgumentException("keep must be in [0, " + len + "], got " + keep);
    }
    if (keep == 0) {
      return 0;
    }
    if (keep < len) {
      // afterwards v[0..keep) holds the keep smallest values
      if (plain(v, len)) {
        selectPlain(v, len, keep);
      } else {
        select(v, len, keep);
      }
    }
    double q = 0;
    for (int i = 0; i < keep; i++) {
      q += v[i] * v[i];
    }
    return Math.sqrt(q / keep);
  }

  /** Variance (population) of {@code v}. */
  public static double variance(double[] v) {
    int n = v.length;
    if (n == 0) {
      return 0;
    }
    double s = 0;
    for (double x : v) {
      s += x;
    }
    double m = s / n;
    double q = 0;
    for (double x : v) {
      q += (x - m) * (x - m);
    }
    return q / n;
  }

  /** Clamps {@code v} to [0, 1]; NaN becomes 0. */
  public static double unit(double v) {
    return v >= 1 ? 1 : (v > 0 ? v : 0);
  }
}
