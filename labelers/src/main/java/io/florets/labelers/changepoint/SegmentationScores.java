package io.florets.labelers.changepoint;

import java.util.Arrays;

/**
 * The two scores of the Time Series Segmentation Benchmark for one series of {@code n} samples.
 * Change points are 0-based indices at which a new segment starts.
 *
 * <ul>
 *   <li>Covering: each true segment's best Jaccard overlap with a predicted segment, weighted by the
 *       true segment's length share. Predicted points at or below 0, at or beyond {@code n}, or
 *       repeated add no segment.
 *   <li>F1 with a margin: index 0 joins both point sets; true points, in increasing order, are each
 *       matched to the nearest unused predicted point at most {@code margin} away (the smaller index
 *       on a tie); precision and recall count the matches.
 * </ul>
 * Stateless and thread-safe.
 */
public final class SegmentationScores {
  private SegmentationScores() {
  }

  /** The benchmark's margin for a series of {@code n} samples: 1 % of its length, rounded down. */
  public static int margin(int n) {
    return (int) (0.01 * n);
  }

  /**
   * Covering of the true segmentation by the predicted one, in [0, 1].
   *
   * @throws IllegalArgumentException if {@code n < 1} or a true point is outside (0, n)
   */
  public static double covering(int[] truth, int[] predicted, int n) {
    int[] t = bounds(truth, n, true);
    int[] p = bounds(predicted, n, false);
    double sum = 0;
    for (int a = 0; a + 1 < t.length; a++) {
      double best = 0;
      for (int b = 0; b + 1 < p.length; b++) {
        int inter = Math.min(t[a + 1], p[b + 1]) - Math.max(t[a], p[b]);
        if (inter > 0) {
          int union = Math.max(t[a + 1], p[b + 1]) - Math.min(t[a], p[b]);
          best = Math.max(best, (double) inter / union);
        }
      }
      sum += (t[a + 1] - t[a]) * best;
    }
    return sum / n;
  }

  /**
   * F1 of the predicted change points against the true ones with a matching margin, in [0, 1].
   *
   * @param margin largest distance in samples at which a prediction matches, &ge; 0
   */
  public static double f1(int[] truth, int[] predicted, int n, int margin) {
    if (margin < 0) {
      throw new IllegalArgumentException("margin must be >= 0, got " + margin);
    }
    int[] t = withZero(bounds(truth, n, true), n);
    int[] p = withZero(Arrays.stream(predicted).distinct().sorted().toArray(), Integer.MIN_VALUE);
    boolean[] used = new boolean[p.length];
    int matches = 0;
    for (int tau : t) {
      int arg = -1;
      long bestDist = Long.MAX_VALUE;
      for (int i = 0; i < p.length; i++) {
        long d = Math.abs((long) tau - p[i]);
        if (!used[i] && d <= margin && d < bestDist) {
          bestDist = d;
          arg = i;
        }
      }
      if (arg >= 0) {
        used[arg] = true;
        matches++;
      }
    }
    double precision = (double) matches / p.length;
    double recall = (double) matches / t.length;
    return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
  }

  /** {0} and the points of {@code cps} other than 0 and {@code drop}. */
  private static int[] withZero(int[] cps, int drop) {
    return java.util.stream.IntStream.concat(java.util.stream.IntStream.of(0),
        Arrays.stream(cps).filter(c -> c != 0 && c != drop)).distinct().sorted().toArray();
  }

  /** 0, the points strictly inside (0, n) in increasing order without repeats, and n. */
  private static int[] bounds(int[] cps, int n, boolean strict) {
    if (n < 1) {
      throw new IllegalArgumentException("a series needs at least one sample, got n=" + n);
    }
    for (int c : cps) {
      if (strict && (c <= 0 || c >= n)) {
        throw new IllegalArgumentException("true change point " + c + " is outside (0, " + n + ")");
      }
    }
    int[] inner = Arrays.stream(cps).filter(c -> c > 0 && c < n).distinct().sorted().toArray();
    int[] out = new int[inner.length + 2];
    System.arraycopy(inner, 0, out, 1, inner.length);
    out[out.length - 1] = n;
    return out;
  }
}
