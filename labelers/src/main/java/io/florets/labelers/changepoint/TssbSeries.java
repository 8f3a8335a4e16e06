package io.florets.labelers.changepoint;

import java.util.Arrays;

/**
 * One series of the Time Series Segmentation Benchmark with its annotation.
 *
 * @param name the series name (its file name without {@code .txt})
 * @param window the annotated length of the series' repeating pattern, in samples
 * @param changePoints true change points, increasing, each inside (0, n)
 * @param values the samples
 */
public record TssbSeries(String name, int window, int[] changePoints, double[] values) {
  /** Validates and copies. */
  public TssbSeries {
    if (window < 2) {
      throw new IllegalArgumentException("series " + name + ": window size must be >= 2, got " + window);
    }
    changePoints = changePoints.clone();
    values = values.clone();
    for (int i = 0; i < changePoints.length; i++) {
      int c = changePoints[i];
      if (c <= 0 || c >= values.length || (i > 0 && c <= changePoints[i - 1])) {
        throw new IllegalArgumentException("series " + name + ": change point " + c + " is not increasing "
            + "inside (0, " + values.length + ")");
      }
    }
  }

  /** Number of samples. */
  public int length() {
    return values.length;
  }

  @Override
  public int[] changePoints() {
    return changePoints.clone();
  }

  @Override
  public double[] values() {
    return values.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TssbSeries s && s.name.equals(name) && s.window == window
        && Arrays.equals(s.changePoints, changePoints) && Arrays.equals(s.values, values);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Arrays.hashCode(changePoints);
  }

  @Override
  public String toString() {
    return "TssbSeries[" + name + ", n=" + values.length + ", window=" + window + ", cps="
        + Arrays.toString(changePoints) + "]";
  }
}
