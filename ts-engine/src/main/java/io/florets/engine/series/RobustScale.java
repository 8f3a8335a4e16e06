package io.florets.engine.series;

import java.util.Arrays;

/**
 * Robust location and scale of one channel: the median of the observed samples and the median
 * absolute deviation times 1.4826 (the normal-consistent MAD); when the MAD is 0 the standard
 * deviation is used; a constant or all-missing channel gets scale 1 (location 0 if all missing).
 */
final class RobustScale {
  private RobustScale() {
  }

  /** {location, scale} of the non-NaN values of {@code x}; scale is finite and &gt; 0. */
  static float[] of(float[] x) {
    double[] v = new double[x.length];
    int n = 0;
    for (float f : x) {
      if (!Float.isNaN(f)) {
        if (Float.isInfinite(f)) {
          throw new IllegalArgumentException("infinite sample " + f);
        }
        v[n++] = f;
      }
    }
    if (n == 0) {
      return new float[] {0f, 1f};
    }
    double[] obs = Arrays.copyOf(v, n);
    Arrays.sort(obs);
    double med = median(obs);
    double[] dev = new double[n];
    for (int i = 0; i < n; i++) {
      dev[i] = Math.abs(obs[i] - med);
    }
    Arrays.sort(dev);
    double scale = 1.4826 * median(dev);
    if (!(scale > 1e-12 * Math.max(1.0, Math.abs(med)))) {
      double mean = 0;
      for (double o : obs) {
        mean += o;
      }
      mean /= n;
      double ss = 0;
      for (double o : obs) {
        ss += (o - mean) * (o - mean);
      }
      scale = Math.sqrt(ss / n);
    }
    if (!(scale > 1e-12 * Math.max(1.0, Math.abs(med))) || !Double.isFinite(scale)) {
      scale = 1.0;
    }
    return new float[] {(float) med, (float) scale};
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return (n % 2 == 1) ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
  }
}
