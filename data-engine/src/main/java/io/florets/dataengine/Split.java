package io.florets.dataengine;

import java.util.Random;

/** The seeded held-out split of a data-engine run. */
final class Split {
  private Split() {
  }

  /**
   * Marks {@code max(1, round(fraction * n))} of {@code n} windows as held out, chosen by a seeded
   * shuffle, never all of them.
   */
  static boolean[] heldOut(int n, double fraction, long seed) {
    int k = Math.min(n - 1, Math.max(1, (int) Math.round(fraction * n)));
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    Random r = new Random(seed ^ 0x5DEECE66DL);
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
    }
    boolean[] out = new boolean[n];
    for (int i = 0; i < k; i++) {
      out[idx[i]] = true;
    }
    return out;
  }

  /**
   * The split of {@link #heldOut(int, double, long)} over groups: {@code group[i]} is the group
   * of window {@code i} (ids {@code 0..G-1}), the groups are split as {@code G} windows would be,
   * and every window follows its group. A window derived from another (an augmented copy) shares
   * its group, so it is never trained on while its source is held out. With {@code group[i] == i}
   * this is exactly {@code heldOut(n, fraction, seed)}.
   *
   * @throws IllegalArgumentException if a group id is outside {@code 0..G-1} where {@code G} is one
   *     more than the largest id, or a group in that range has no window
   */
  static boolean[] heldOut(int[] group, double fraction, long seed) {
    int g = 0;
    for (int i = 0; i < group.length; i++) {
      if (group[i] < 0) {
        throw new IllegalArgumentException("window " + i + " has group " + group[i]
            + "; groups are numbered from 0");
      }
      g = Math.max(g, group[i] + 1);
    }
    boolean[] seen = new boolean[g];
    for (int id : group) {
      seen[id] = true;
    }
    for (int k = 0; k < g; k++) {
      if (!seen[k]) {
        throw new IllegalArgumentException("group " + k + " has no window; groups must be "
            + "numbered 0.." + (g - 1) + " without gaps");
      }
    }
    boolean[] byGroup = heldOut(g, fraction, seed);
    boolean[] out = new boolean[group.length];
    for (int i = 0; i < group.length; i++) {
      out[i] = byGroup[group[i]];
    }
    return out;
  }
}
