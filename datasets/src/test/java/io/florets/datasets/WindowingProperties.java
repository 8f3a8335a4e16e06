package io.florets.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the windowing policies over random series shapes, lengths and strides. */
class WindowingProperties {

  private static Series series(int channels, int n, boolean withTimestamps) {
    float[][] v = new float[channels][n];
    long[] ts = new long[n];
    for (int c = 0; c < channels; c++) {
      for (int t = 0; t < n; t++) {
        v[c][t] = (t % 7 == 3 && c == 0) ? Float.NaN : c * 1000 + t + 0.25f;
      }
    }
    for (int t = 0; t < n; t++) {
      ts[t] = 1_000_000L + 60_000L * t;
    }
    Series.Builder b = Series.builder("s", v).classLabel("a");
    return withTimestamps ? b.timestamps(ts).build() : b.build();
  }

  @Property(tries = 300)
  void everySampleIsCoveredUnderPadAndShiftBack(@ForAll @IntRange(min = 1, max = 300) int n,
      @ForAll @IntRange(min = 1, max = 64) int length, @ForAll @IntRange(min = 1, max = 64) int stride,
      @ForAll boolean shiftBack) {
    int effStride = Math.min(stride, length);
    Series s = series(2, n, true);
    List<Window> ws = Windowing.fixed(length, effStride,
        shiftBack ? Windowing.Tail.SHIFT_BACK : Windowing.Tail.PAD_NAN).apply(s);
    boolean[] covered = new boolean[n];
    for (Window w : ws) {
      assertEquals(length, w.length(), "every window has the fixed length");
      assertTrue(w.start() < n, "window starts inside the series: " + w);
      for (int t = w.start(); t < Math.min(n, w.start() + length); t++) {
        covered[t] = true;
      }
    }
    for (int t = 0; t < n; t++) {
      assertTrue(covered[t], "sample " + t + " of " + n + " is covered (length " + length
          + ", stride " + effStride + ", " + (shiftBack ? "SHIFT_BACK" : "PAD_NAN") + ")");
    }
  }

  @Property(tries = 300)
  void windowValuesEqualTheSeriesSlice(@ForAll @IntRange(min = 1, max = 300) int n,
      @ForAll @IntRange(min = 1, max = 64) int length, @ForAll @IntRange(min = 1, max = 80) int stride,
      @ForAll Windowing.Tail tail) {
    Series s = series(3, n, true);
    long[] ts = s.timestamps().orElseThrow();
    List<Window> ws = Windowing.fixed(length, stride, tail).apply(s);
    int prev = -1;
    for (Window w : ws) {
      assertTrue(w.start() > prev, "windows come in order of start");
      prev = w.start();
      assertEquals("s", w.seriesId());
      assertEquals(s.channelNames(), w.channelNames());
      assertEquals(s.classLabel(), w.classLabel());
      for (int c = 0; c < 3; c++) {
        for (int t = 0; t < length; t++) {
          int i = w.start() + t;
          float expected = i < n ? s.value(c, i) : Float.NaN;
          assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(w.value(c, t)),
              "window " + w + " channel " + c + " index " + t);
        }
      }
      if (w.start() + length <= n) {
        assertArrayEquals(java.util.Arrays.copyOfRange(ts, w.start(), w.start() + length),
            w.timestamps().orElseThrow(), "timestamps of a full window are the series' slice");
      }
    }
  }

  @Property(tries = 200)
  void dropKeepsOnlyFullRegularWindows(@ForAll @IntRange(min = 1, max = 300) int n,
      @ForAll @IntRange(min = 1, max = 64) int length, @ForAll @IntRange(min = 1, max = 64) int stride) {
    List<Window> ws = Windowing.fixed(length, stride, Windowing.Tail.DROP).apply(series(1, n, false));
    int expected = n < length ? 0 : (n - length) / stride + 1;
    assertEquals(expected, ws.size());
    for (int k = 0; k < ws.size(); k++) {
      assertEquals(k * stride, ws.get(k).start());
      assertTrue(ws.get(k).start() + length <= n);
    }
  }

  @Property(tries = 200)
  void resampleKeepsEndpointsAndStaysWithinNeighbours(@ForAll @IntRange(min = 1, max = 200) int n,
      @ForAll @IntRange(min = 2, max = 300) int length) {
    float[] v = new float[n];
    for (int t = 0; t < n; t++) {
      v[t] = (float) Math.sin(t * 0.37) * 10;
    }
    Window w = Windowing.resample(length).apply(Series.of("r", v)).get(0);
    assertEquals(length, w.length());
    assertEquals(v[0], w.value(0, 0));
    assertEquals(v[n - 1], w.value(0, length - 1));
    for (int i = 0; i < length; i++) {
      double pos = n == 1 ? 0 : (double) i * (n - 1) / (length - 1);
      int lo = (int) Math.floor(pos);
      int hi = Math.min(lo + 1, n - 1);
      float x = w.value(0, i);
      assertTrue(x >= Math.min(v[lo], v[hi]) - 1e-5 && x <= Math.max(v[lo], v[hi]) + 1e-5,
          "resampled value " + x + " lies between its neighbours " + v[lo] + ", " + v[hi]);
    }
  }

  @Example
  void padNanWithStrideLongerThanWindowAddsNoEmptyWindowPastTheEnd() {
    List<Window> ws = Windowing.fixed(2, 5, Windowing.Tail.PAD_NAN).apply(series(1, 10, false));
    assertEquals(List.of(0, 5), ws.stream().map(Window::start).toList());
  }

  @Example
  void wholeIsTheSeries() {
    Series s = series(2, 17, true);
    Window w = Windowing.whole().apply(s).get(0);
    assertEquals(0, w.start());
    assertArrayEquals(s.values(), w.values());
    assertArrayEquals(s.timestamps().orElseThrow(), w.timestamps().orElseThrow());
  }
}
