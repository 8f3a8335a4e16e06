package io.florets.datasets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A policy that cuts a series into windows. Implementations are immutable and thread-safe.
 *
 * <ul>
 *   <li>{@link #fixed(int, int, Tail)}: windows of a fixed length every {@code stride} samples;</li>
 *   <li>{@link #whole()}: the whole series as one window;</li>
 *   <li>{@link #resample(int)}: the whole series linearly interpolated to a fixed length.</li>
 * </ul>
 */
public interface Windowing {

  /** What to do with samples after the last full window. */
  enum Tail {
    /** Drop them (they may then be covered by no window). */
    DROP,
    /**
     * Add one window at the next regular start that runs past the end, padded with {@code NaN}
     * (none if that start lies past the last sample, which happens only when stride &gt; length).
     */
    PAD_NAN,
    /**
     * Add one window that ends at the last sample (it overlaps the previous one); a series shorter
     * than the window gets one window padded with {@code NaN}, as under {@link #PAD_NAN}.
     */
    SHIFT_BACK
  }

  /** The windows of {@code series}, in order of start. */
  List<Window> apply(Series series);

  /**
   * Fixed-length windows.
   *
   * @param length window length in samples, &ge; 1
   * @param stride distance between window starts in samples, &ge; 1
   * @param tail policy for the samples after the last full window
   */
  static Windowing fixed(int length, int stride, Tail tail) {
    if (length < 1) {
      throw new IllegalArgumentException("window length must be >= 1, got " + length);
    }
    if (stride < 1) {
      throw new IllegalArgumentException("window stride must be >= 1, got " + stride);
    }
    java.util.Objects.requireNonNull(tail, "tail");
    return series -> {
      int n = series.length();
      float[][] v = series.rawValues();
      long[] ts = series.rawTimestamps();
      List<Window> out = new ArrayList<>();
      int s = 0;
      for (; s + length <= n; s += stride) {
        out.add(cut(series, v, ts, s, length));
      }
      int lastEnd = out.isEmpty() ? 0 : (s - stride) + length;
      if (lastEnd < n) {
        if (tail == Tail.SHIFT_BACK && n >= length) {
          out.add(cut(series, v, ts, n - length, length));
        } else if ((tail == Tail.PAD_NAN || tail == Tail.SHIFT_BACK) && s < n) {
          // s is the next regular start; when stride > length it may lie past the last sample,
          // and a window there would hold no sample of the series at all.
          int start = s;
          float[][] pv = new float[v.length][length];
          for (int c = 0; c < v.length; c++) {
            Arrays.fill(pv[c], Float.NaN);
            System.arraycopy(v[c], start, pv[c], 0, n - start);
          }
          out.add(Window.slice(series, start, pv, null));
        }
      }
      return out;
    };
  }

  /** The whole series as a single window. */
  static Windowing whole() {
    return series -> List.of(cut(series, series.rawValues(), series.rawTimestamps(), 0, series.length()));
  }

  /**
   * The whole series resampled to {@code length} samples by linear interpolation between the
   * neighbouring samples; a missing neighbour makes the interpolated sample missing.
   */
  static Windowing resample(int length) {
    if (length < 2) {
      throw new IllegalArgumentException("resample length must be >= 2, got " + length);
    }
    return series -> {
      int n = series.length();
      float[][] v = series.rawValues();
      float[][] out = new float[v.length][length];
      for (int c = 0; c < v.length; c++) {
        for (int i = 0; i < length; i++) {
          double pos = n == 1 ? 0 : (double) i * (n - 1) / (length - 1);
          int lo = (int) Math.floor(pos);
          int hi = Math.min(lo + 1, n - 1);
          double f = pos - lo;
          out[c][i] = f == 0 ? v[c][lo] : (float) ((1 - f) * v[c][lo] + f * v[c][hi]);
        }
      }
      return List.of(Window.slice(series, 0, out, null));
    };
  }

  private static Window cut(Series s, float[][] v, long[] ts, int start, int length) {
    float[][] w = new float[v.length][];
    for (int c = 0; c < v.length; c++) {
      w[c] = Arrays.copyOfRange(v[c], start, start + length);
    }
    long[] wt = ts == null ? null : Arrays.copyOfRange(ts, start, start + length);
    return Window.slice(s, start, w, wt);
  }
}
