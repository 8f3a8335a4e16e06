package io.florets.labelers.signal;

/** Linear filling of missing samples and dropouts, for the analyses that need every sample. */
final class Gaps {
  /** Robust sigmas from the channel's median at which a run of exact zeros is a dropout. */
  static final double DROPOUT_SIGMAS = io.florets.datasets.signal.StructuralFit.DROPOUT_SIGMAS;

  private Gaps() {
  }

  /**
   * {@code raw} with its dropouts bridged like gaps: runs of exact zeros while the median lies more
   * than {@link #DROPOUT_SIGMAS} robust sigmas from zero (the {@code events.quality} rule), or any
   * zeros when the sigma is 0 and the median is not.
   *
   * @param raw samples (NaN = missing), at least one observed
   * @param median the observed samples' median
   * @param sigma their robust sigma
   * @return the filled series, or null when there is no dropout
   */
  static double[] bridgeDropouts(float[] raw, double median, double sigma) {
    boolean zeroIsOdd = sigma > 0 ? Math.abs(median) > DROPOUT_SIGMAS * sigma : median != 0;
    if (!zeroIsOdd) {
      return null;
    }
    boolean any = false;
    for (float v : raw) {
      if (v == 0) {
        any = true;
        break;
      }
    }
    if (!any) {
      return null;
    }
    float[] masked = raw.clone();
    int cnt = 0;
    for (int i = 0; i < masked.length; i++) {
      if (masked[i] == 0) {
        masked[i] = Float.NaN;
      }
      if (masked[i] == masked[i]) {
        cnt++;
      }
    }
    return fill(masked, cnt);
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
