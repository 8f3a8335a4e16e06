package io.florets.labelers.minirocket;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-only reader of equal-length UCR/UEA {@code .ts} files, enough for the shared data used
 * here; production code reads through {@code io.florets.datasets.io}.
 */
final class TsTestReader {
  final float[][][] x;
  final String[] y;

  private TsTestReader(float[][][] x, String[] y) {
    this.x = x;
    this.y = y;
  }

  static TsTestReader read(Path file) throws IOException {
    List<float[][]> xs = new ArrayList<>();
    List<String> ys = new ArrayList<>();
    boolean data = false;
    for (String line : Files.readAllLines(file)) {
      String s = line.trim();
      if (s.isEmpty() || s.startsWith("#")) {
        continue;
      }
      if (!data) {
        data = s.equalsIgnoreCase("@data");
        continue;
      }
      String[] dims = s.split(":");
      float[][] series = new float[dims.length - 1][];
      for (int c = 0; c < series.length; c++) {
        String[] parts = dims[c].split(",");
        series[c] = new float[parts.length];
        for (int t = 0; t < parts.length; t++) {
          series[c][t] = Float.parseFloat(parts[t]);
        }
      }
      xs.add(series);
      ys.add(dims[dims.length - 1].trim());
    }
    return new TsTestReader(xs.toArray(new float[0][][]), ys.toArray(new String[0]));
  }
}
