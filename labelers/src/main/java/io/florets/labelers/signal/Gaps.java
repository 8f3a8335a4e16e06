package io.florets.labelers.signal;

/** Linear filling of missing samples, for the analyses that need every sample. */
final class Gaps {
  private Gaps() {
  }

  /**
   * {@code raw} as doubles with every run of {@code NaN} filled by the line between the observed
   * samples either side of it, and the ends held at the first and last observed value; all zeros
   * when {@code cnt} (the observed count) is 0.
   */
  static double[] fill(float[] raw, int cnt) {
    int n = raw.length;
    double[] x = new double[n];
    if (cnt == 0) {
      return x;
    }
    if (cnt == n) {
      for (int i = 0; i < n; i++) {
        x[i] = raw[i];
      }
      return x;
    }
    int prev = -1;
    for (int i = 0; i < n; i++) {
      if (raw[i] == raw[i]) {
        if (prev < 0) {
          for (int j = 0; j < i; j++) {
            x[j] = raw[i];
          }
        } else {
          for (int j = prev + 1; j < i; j++) {
            double f = (double) (j - prev) / (i - prev);
            x[j] = (1 - f) * raw[prev] + f * raw[i];
          }
        }
        x[i] = raw[i];
        prev = i;
      }
    }
    for (int j = prev + 1; j < n; j++) {
      x[j] = raw[prev];
    }
    return x;
  }
}
