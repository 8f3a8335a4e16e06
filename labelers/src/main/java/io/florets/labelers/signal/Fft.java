package io.florets.labelers.signal;

import java.util.HashMap;
import java.util.Map;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Real FFTs through JTransforms, with one transform plan per size and thread (plans are built once
 * and reused, and never shared between threads).
 */
public final class Fft {
  private static final ThreadLocal<Map<Integer, DoubleFFT_1D>> PLANS =
      ThreadLocal.withInitial(HashMap::new);

  private Fft() {
  }

  /** The smallest power of two &ge; {@code n} (n &ge; 1). */
  public static int nextPow2(int n) {
    int p = 1;
    while (p < n) {
      p <<= 1;
    }
    return p;
  }

  private static DoubleFFT_1D plan(int n) {
    return PLANS.get().computeIfAbsent(n, DoubleFFT_1D::new);
  }

  /**
   * The periodogram of {@code x}: {@code power[k] = |X_k|^2 / n} for {@code k = 0..n/2}.
   *
   * @param x samples (not modified)
   * @return power per frequency bin, length {@code n/2 + 1}
   */
  public static double[] periodogram(double[] x) {
    int n = x.length;
    double[] a = x.clone();
    plan(n).realForward(a);
    double[] p = new double[n / 2 + 1];
    p[0] = a[0] * a[0] / n;
    int half = n / 2;
    for (int k = 1; k < half; k++) { // bins 1..half-1 are (re, im) pairs
      double re = a[2 * k];
      double im = a[2 * k + 1];
      p[k] = (re * re + im * im) / n;
    }
    if (n % 2 == 0) {
      if (half > 0) {
        p[half] = a[1] * a[1] / n;
      }
    } else if (half > 0) {
      double re = a[n - 1];
      double im = a[1];
      p[half] = (re * re + im * im) / n;
    }
    return p;
  }

  /**
   * The biased sample autocorrelation of {@code x} (assumed centred) for lags {@code 0..n-1},
   * normalised so that lag 0 is 1 (all zeros if {@code x} is all zero). O(n log n) via a
   * zero-padded FFT.
   */
  public static double[] autocorrelation(double[] x) {
    int n = x.length;
    int m = nextPow2(2 * n);
    double[] a = new double[m];
    System.arraycopy(x, 0, a, 0, n);
    DoubleFFT_1D plan = plan(m);
    plan.realForward(a);
    a[0] = a[0] * a[0];
    a[1] = a[1] * a[1];
    for (int k = 1; k < m / 2; k++) {
      double re = a[2 * k];
      double im = a[2 * k + 1];
      a[2 * k] = re * re + im * im;
      a[2 * k + 1] = 0;
    }
    plan.realInverse(a, true);
    double[] r = new double[n];
    double r0 = a[0];
    if (!(r0 > 0)) {
      return r;
    }
    for (int k = 0; k < n; k++) {
      r[k] = a[k] / r0;
    }
    return r;
  }
}
