package io.florets.labelers.signal;

/** A centred running median with shrinking windows at the edges. Stateless. */
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
    double[] buf = new double[2 * h + 1];
    for (int i = 0; i < n; i++) {
      int lo = Math.max(0, i - h);
      int hi = Math.min(n - 1, i + h);
      int m = 0;
      for (int j = lo; j <= hi; j++) {
        double v = x[j];
        int k = m++;
        while (k > 0 && buf[k - 1] > v) {
          buf[k] = buf[k - 1];
          k--;
        }
        buf[k] = v;
      }
      out[i] = (m & 1) == 1 ? buf[m >>> 1] : 0.5 * (buf[(m >>> 1) - 1] + buf[m >>> 1]);
    }
    return out;
  }
}
