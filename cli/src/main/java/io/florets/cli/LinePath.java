package io.florets.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/** The series line of a {@link SeriesSvg}: SVG polylines, thinned to the chart's pixel columns. */
final class LinePath {
  private LinePath() {
  }

  /**
   * Polylines through {@code values} (a NaN breaks the line) at {@code x(sample)}, {@code y(value)};
   * past two points per pixel column ({@code columns} wide), each column keeps only its lowest and
   * highest value, in time order, so a long series draws the same with far fewer points.
   */
  static String svg(float[] values, DoubleUnaryOperator x, DoubleUnaryOperator y, int columns) {
    StringBuilder b = new StringBuilder();
    int n = values.length;
    List<String> runs = new ArrayList<>();
    StringBuilder run = new StringBuilder();
    if (n <= 2 * columns) {
      for (int t = 0; t < n; t++) {
        run = point(x, y, runs, run, t, values[t]);
      }
    } else {
      for (int c = 0; c < columns; c++) {
        int from = (int) ((long) c * n / columns);
        int to = (int) ((long) (c + 1) * n / columns);
        int lowAt = -1;
        int highAt = -1;
        for (int t = from; t < to; t++) {
          if (!Float.isNaN(values[t])) {
            lowAt = lowAt < 0 || values[t] < values[lowAt] ? t : lowAt;
            highAt = highAt < 0 || values[t] > values[highAt] ? t : highAt;
          }
        }
        if (lowAt < 0) {
          run = point(x, y, runs, run, from, Float.NaN);
          continue;
        }
        int first = Math.min(lowAt, highAt);
        int second = Math.max(lowAt, highAt);
        run = point(x, y, runs, run, first, values[first]);
        run = point(x, y, runs, run, second, values[second]);
      }
    }
    if (run.length() > 0) {
      runs.add(run.toString());
    }
    for (String r : runs) {
      b.append("<polyline fill=\"none\" stroke=\"#2b5c9e\" stroke-width=\"1.2\" points=\"").append(r)
          .append("\"/>\n");
    }
    return b.toString();
  }

  private static StringBuilder point(DoubleUnaryOperator x, DoubleUnaryOperator y,
      List<String> runs, StringBuilder run, int t, float v) {
    if (Float.isNaN(v)) {
      if (run.length() > 0) {
        runs.add(run.toString());
      }
      return new StringBuilder();
    }
    return run.append(String.format(Locale.ROOT, "%.1f,%.1f ", x.applyAsDouble(t),
        y.applyAsDouble(v)));
  }
}
