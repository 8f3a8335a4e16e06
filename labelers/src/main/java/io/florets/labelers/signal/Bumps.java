package io.florets.labelers.signal;

/**
 * Tells level shifts from bumps: two jumps of opposite sign and similar size within
 * {@code maxWidth} samples are the two edges of a bump (a wide spike, a dropout, a flatline), not
 * two level shifts.
 */
public final class Bumps {
  private Bumps() {
  }

  /**
   * @param pos jump positions, ascending
   * @param jump signed jump sizes
   * @param maxWidth widest bump
   * @return keep[i] false for jumps that pair up into a bump
   */
  public static boolean[] keepShifts(int[] pos, double[] jump, int maxWidth) {
    int k = pos.length;
    boolean[] keep = new boolean[k];
    java.util.Arrays.fill(keep, true);
    for (int i = 0; i + 1 < k; i++) {
      if (!keep[i]) {
        continue;
      }
      for (int j = i + 1; j < k && pos[j] - pos[i] <= maxWidth; j++) {
        double a = jump[i];
        double b = jump[j];
        if (keep[j] && Math.signum(a) != Math.signum(b)
            && Math.abs(a + b) < 0.5 * Math.max(Math.abs(a), Math.abs(b))) {
          keep[i] = false;
          keep[j] = false;
          break;
        }
      }
    }
    return keep;
  }
}
