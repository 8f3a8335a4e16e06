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
}
