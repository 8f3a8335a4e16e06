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
    int[] partner = partners(pos, jump, maxWidth);
    boolean[] keep = new boolean[partner.length];
    for (int i = 0; i < keep.length; i++) {
      keep[i] = partner[i] < 0;
    }
    return keep;
  }

  /**
   * The pairing behind {@link #keepShifts}: for each jump, the index of the opposite jump it forms
   * a bump with, or -1.
   *
   * @param pos jump positions, ascending
   * @param jump signed jump sizes
   * @param maxWidth widest bump
   * @return partner indices
   */
  public static int[] partners(int[] pos, double[] jump, int maxWidth) {
    int k = pos.length;
    int[] partner = new int[k];
    java.util.Arrays.fill(partner, -1);
    for (int i = 0; i + 1 < k; i++) {
      if (partner[i] >= 0) {
        continue;
      }
      for (int j = i + 1; j < k && pos[j] - pos[i] <= maxWidth; j++) {
        double a = jump[i];
        double b = jump[j];
        if (partner[j] < 0 && Math.signum(a) != Math.signum(b)
            && Math.abs(a + b) < 0.5 * Math.max(Math.abs(a), Math.abs(b))) {
          partner[i] = j;
          partner[j] = i;
          break;
        }
      }
    }
    return partner;
  }
}
