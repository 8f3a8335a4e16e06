package io.florets.labelers.specialist;

import java.util.ArrayList;
import java.util.List;

/**
 * Wide spikes by a matched filter: a wide spike is a smooth bump of {@code w} samples shaped like
 * half a sine period ({@code h_j = sin(pi (j + 1) / (w + 1))}). For every odd width from
 * {@code minWidth} to {@code maxWidth} and every start, the bump's least-squares amplitude {@code A}
 * on the residual {@code r} (the series minus a running median much wider than any bump) gives
 * {@code z = A sqrt(sum h^2) / sigma}; the best-scoring placements are kept greedily, without
 * overlap, when
 * <ul>
 *   <li>{@code |z|} exceeds the threshold and {@code |A|} exceeds {@code minPeak} sigma;</li>
 *   <li>the bump explains most of the residual's energy over its span (a single spike or a ragged
 *       stretch does not: {@code explained / total >= minExplained});</li>
 *   <li>the residual is back near zero on both sides, and the series is at the same level over the
 *       {@link #LEVEL_SPAN} samples on each side (a level shift is not a bump);</li>
 *   <li>no sample is missing and no three samples in a row are equal (dropouts, flatlines and
 *       filled gaps are not bumps).</li>
 * </ul>
 * The caller passes as sigma, per sample, the largest of the noise sigma, the residual's own robust
 * spread (so a shape that recurs all over the window, a seasonal cycle left in, does not stand out)
 * and the local noise sigma (so a stretch of louder noise is not a bump).
 * Summing over the bump's samples makes a broad bump stand out at a peak of a few sigma, which a
 * point-wise z test misses, and the fitted start and width place its ends. Stateless.
 */
final class WideSpikes {
  /** Least share of the span's residual energy the bump must explain. */
  static final double MIN_EXPLAINED = 0.75;
  /** Largest mean residual beside the bump, as a share of its amplitude. */
  static final double MAX_SHOULDER = 0.3;
  /** Samples on each side of the bump in which the residual must be back near zero. */
  static final int SHOULDER = 3;
  /** Samples on each side whose mean levels must agree (a level shift is not a bump). */
  static final int LEVEL_SPAN = 8;

  /** {@link #bump} for widths below 64, made once. */
  private static final double[][] BUMPS = new double[64][];

  static {
    for (int w = 1; w < BUMPS.length; w++) {
      BUMPS[w] = bump(w);
    }
  }

  private WideSpikes() {
  }

  /** The bump of {@code w} samples: {@code h_j = sin(pi (j + 1) / (w + 1))}. */
  private static double[] bump(int w) {
    double[] h = new double[w];
    for (int j = 0; j < w; j++) {
      h[j] = Math.sin(Math.PI * (j + 1) / (w + 1));
    }
    return h;
  }

  /**
   * Finds wide spikes.
   *
   * @param r residual (series minus its wide running median)
   * @param sigma noise sigma per sample (&gt; 0); a bump is scored against the sigma at its centre
   * @param minWidth narrowest bump (odd, &ge; 3)
   * @param maxWidth widest bump
   * @param zThreshold least |z|
   * @param minPeak least |A| in sigmas
   * @return {start, end, sign, z*1000} per bump, by start
   */
  static List<int[]> find(double[] y, double[] r, float[] raw, double[] sigma, int minWidth, int maxWidth,
      double zThreshold, double minPeak) {
    int n = r.length;
    double sigmaMin = Double.POSITIVE_INFINITY;
    for (double v : sigma) {
      sigmaMin = Math.min(sigmaMin, v);
    }
    List<double[]> cands = new ArrayList<>();
    double[] sq = new double[n + 1];
    for (int i = 0; i < n; i++) {
      sq[i + 1] = sq[i] + r[i] * r[i];
    }
    for (int w = minWidth; w <= maxWidth; w += 2) {
      double[] h = w < BUMPS.length ? BUMPS[w] : bump(w);
      double hh = 0;
      for (int j = 0; j < w; j++) {
        hh += h[j] * h[j];
      }
      // Cauchy-Schwarz: rh^2 <= hh E, with E the span's residual energy, so |z| <= sqrt(E) / sigma
      // and |amp| <= sqrt(E / hh). A span whose energy (plus a slack far above the prefix sums'
      // rounding) cannot pass both tests even at the smallest sigma is skipped without the
      // correlation.
      double need = sigmaMin * sigmaMin * Math.max(zThreshold * zThreshold, minPeak * minPeak * hh);
      double slack = 1e-9 * (sq[n] + need);
      for (int a = SHOULDER; a + w + SHOULDER <= n; a++) {
        if (sq[a + w] - sq[a] + slack < need) {
          continue;
        }
        double rh = 0;
        for (int j = 0; j < w; j++) {
          rh += r[a + j] * h[j];
        }
        double amp = rh / hh;
        double sd = sigma[a + w / 2];
        double z = amp * Math.sqrt(hh) / sd;
        if (Math.abs(z) <= zThreshold || Math.abs(amp) <= minPeak * sd
            || rh * amp < MIN_EXPLAINED * (sq[a + w] - sq[a])) {
          continue;
        }
        double left = 0;
        double right = 0;
        for (int j = 1; j <= SHOULDER; j++) {
          left += r[a - j];
          right += r[a + w - 1 + j];
        }
        if (Math.abs(left) / SHOULDER > MAX_SHOULDER * Math.abs(amp)
            || Math.abs(right) / SHOULDER > MAX_SHOULDER * Math.abs(amp)
            || Math.abs(sideMean(y, a - LEVEL_SPAN, a) - sideMean(y, a + w, a + w + LEVEL_SPAN))
                > 2 * MAX_SHOULDER * Math.abs(amp)
            || !smooth(raw, a, a + w - 1)) {
          continue;
        }
        cands.add(new double[] {Math.abs(z), a, a + w - 1, Math.signum(amp)});
      }
    }
    cands.sort((u, v) -> Double.compare(v[0], u[0]));
    boolean[] taken = new boolean[n];
    List<int[]> out = new ArrayList<>();
    for (double[] c : cands) {
      int a = (int) c[1];
      int e = (int) c[2];
      boolean free = true;
      for (int t = Math.max(0, a - SHOULDER); t <= Math.min(n - 1, e + SHOULDER) && free; t++) {
        free = !taken[t];
      }
      if (free) {
        for (int t = a; t <= e; t++) {
          taken[t] = true;
        }
        out.add(new int[] {a, e, (int) c[3], (int) Math.min(Integer.MAX_VALUE, Math.round(c[0] * 1000))});
      }
    }
    out.sort((u, v) -> Integer.compare(u[0], v[0]));
    return out;
  }

  /** Mean of {@code y[from, to)} clipped to the array. */
  private static double sideMean(double[] y, int from, int to) {
    double sum = 0;
    int k = 0;
    for (int t = Math.max(0, from); t < Math.min(y.length, to); t++) {
      sum += y[t];
      k++;
    }
    return k == 0 ? 0 : sum / k;
  }

  /** False if {@code raw[a..e]} holds a missing sample or three equal samples in a row. */
  private static boolean smooth(float[] raw, int a, int e) {
    for (int t = a; t <= e; t++) {
      if (raw[t] != raw[t] || (t >= a + 2 && raw[t] == raw[t - 1] && raw[t] == raw[t - 2])) {
        return false;
      }
    }
    return true;
  }
}
