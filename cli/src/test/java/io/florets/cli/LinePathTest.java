package io.florets.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link LinePath}: gaps at NaN, and a long series thinned to two points per pixel column. */
class LinePathTest {
  private static int count(String s, String part) {
    return s.split(java.util.regex.Pattern.quote(part), -1).length - 1;
  }

  @Test
  void aMissingValueBreaksTheLine() {
    String svg = LinePath.svg(new float[] {1, 2, Float.NaN, 3, 4}, t -> t * 10, v -> 100 - v, 100);
    assertEquals(2, count(svg, "<polyline"), svg);
    assertTrue(svg.contains("points=\"0.0,99.0 10.0,98.0 \"")
        && svg.contains("points=\"30.0,97.0 40.0,96.0 \""), svg);
  }

  @Test
  void aLongSeriesKeepsEachColumnsLowestAndHighestValue() {
    float[] v = new float[10_000];
    for (int t = 0; t < v.length; t++) {
      v[t] = (float) Math.sin(t / 7.0);
    }
    v[5_000] = 50;
    String svg = LinePath.svg(v, t -> t / 100.0, x -> x, 100);
    assertEquals(200, count(svg, ","), "two points for each of the 100 columns");
    assertTrue(svg.contains(",50.0 "), "the spike survives the thinning");
  }
}
