package io.florets.labelers.changepoint;

/**
 * The classification score profile of one range of a series: for every candidate split {@code s},
 * label the windows that start before {@code s} "left" and the windows that start at or after it
 * "right", predict each window's label by the majority of its {@code k} nearest neighbours (leave
 * one out: a window is never its own neighbour), and score the predictions by macro F1. A split at a
 * true change of regime is where the two sides are easiest to tell apart.
 *
 * <p>Windows that straddle the split (start in {@code (s - w, s)}) hold samples of both sides; they
 * keep their label as neighbours but are not scored. Moving the split by one sample relabels one
 * window, so only the windows that have it as a neighbour change their vote: the whole profile costs
 * O(m k) for {@code m} windows. Immutable.
 *
 * @param split the best split (relative to the range start), or -1 if the range is too short
 * @param score macro F1 at the best split, in [0, 1]
 * @param z two-proportion z statistic at the best split: how much more often the windows right of the
 *     split are predicted "right" than the windows left of it (0 when undefined)
 * @param profile macro F1 per split; {@code NaN} where no split is allowed
 */
public record ClassificationProfile(int split, double score, double z, double[] profile) {

  /**
   * Computes the profile of a range of {@code length} samples.
   *
   * @param nn neighbours of the range's windows
   * @param length samples in the range
   * @param w window length
   * @param minSegment shortest segment on either side of a split (&ge; w)
   */
  public static ClassificationProfile of(SubsequenceNeighbours nn, int length, int w, int minSegment) {
    int m = nn.windows();
    int k = nn.k();
    double[] profile = new double[length + 1];
    java.util.Arrays.fill(profile, Double.NaN);
    int lo = Math.max(minSegment, w);
    int hi = Math.min(length - minSegment, m - 1);
    if (lo > hi) {
      return new ClassificationProfile(-1, 0, 0, profile);
    }
    int[] start = new int[m + 1];
    for (int i = 0; i < m; i++) {
      for (int r = 0; r < k; r++) {
        start[nn.neighbour(i, r) + 1]++;
      }
    }
    for (int i = 0; i < m; i++) {
      start[i + 1] += start[i];
    }
    int[] rev = new int[m * k];
    int[] fill = start.clone();
    for (int i = 0; i < m; i++) {
      for (int r = 0; r < k; r++) {
        rev[fill[nn.neighbour(i, r)]++] = i;
      }
    }
    int[] right = new int[m];
    boolean[] pred = new boolean[m];
    for (int i = 0; i < m; i++) {
      for (int r = 0; r < k; r++) {
        if (nn.neighbour(i, r) >= lo) {
          right[i]++;
        }
      }
      pred[i] = 2 * right[i] > k;
    }
    Counts c = new Counts();
    for (int i = 0; i <= lo - w; i++) {
      c.addLeft(pred[i]);
    }
    for (int i = lo; i < m; i++) {
      c.addRight(pred[i]);
    }
    int best = lo;
    double bestScore = -1;
    for (int s = lo; ; s++) {
      double f = c.macroF1();
      profile[s] = f;
      if (f > bestScore) {
        bestScore = f;
        best = s;
      }
      if (s == hi) {
        break;
      }
      c.removeRight(pred[s]);
      for (int p = start[s]; p < start[s + 1]; p++) {
        int r = rev[p];
        boolean before = pred[r];
        right[r]--;
        pred[r] = 2 * right[r] > k;
        if (before != pred[r]) {
          if (r <= s - w) {
            c.removeLeft(before);
            c.addLeft(pred[r]);
          } else if (r > s) {
            c.removeRight(before);
            c.addRight(pred[r]);
          }
        }
      }
      c.addLeft(pred[s + 1 - w]);
    }
    double z = zAt(nn, best, w, k);
    return new ClassificationProfile(best, bestScore, z, profile);
  }

  private static double zAt(SubsequenceNeighbours nn, int s, int w, int k) {
    int m = nn.windows();
    int n1 = 0;
    int p1 = 0;
    int n2 = 0;
    int p2 = 0;
    for (int i = 0; i < m; i++) {
      if (i > s - w && i < s) {
        continue;
      }
      int votes = 0;
      for (int r = 0; r < k; r++) {
        if (nn.neighbour(i, r) >= s) {
          votes++;
        }
      }
      boolean p = 2 * votes > k;
      if (i < s) {
        n1++;
        p1 += p ? 1 : 0;
      } else {
        n2++;
        p2 += p ? 1 : 0;
      }
    }
    double pooled = (double) (p1 + p2) / (n1 + n2);
    double var = pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2);
    return var > 0 ? ((double) p2 / n2 - (double) p1 / n1) / Math.sqrt(var) : 0;
  }

  /** Confusion counts of the scored windows: left (true 0) and right (true 1). */
  private static final class Counts {
    int left;
    int leftPredRight;
    int right;
    int rightPredLeft;

    void addLeft(boolean p) {
      left++;
      leftPredRight += p ? 1 : 0;
    }

    void removeLeft(boolean p) {
      left--;
      leftPredRight -= p ? 1 : 0;
    }

    void addRight(boolean p) {
      right++;
      rightPredLeft += p ? 0 : 1;
    }

    void removeRight(boolean p) {
      right--;
      rightPredLeft -= p ? 0 : 1;
    }

    double macroF1() {
      int fp = leftPredRight;
      int fn = rightPredLeft;
      int tp1 = right - fn;
      int tp0 = left - fp;
      double f1 = tp1 + fp + fn == 0 ? 0 : 2.0 * tp1 / (2.0 * tp1 + fp + fn);
      double f0 = tp0 + fp + fn == 0 ? 0 : 2.0 * tp0 / (2.0 * tp0 + fp + fn);
      return (f0 + f1) / 2;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ClassificationProfile p && p.split == split && Double.compare(p.score, score) == 0
        && Double.compare(p.z, z) == 0 && java.util.Arrays.equals(p.profile, profile);
  }

  @Override
  public int hashCode() {
    return 31 * Integer.hashCode(split) + java.util.Arrays.hashCode(profile);
  }

  @Override
  public String toString() {
    return "ClassificationProfile[split=" + split + ", score=" + score + ", z=" + z + "]";
  }
}
