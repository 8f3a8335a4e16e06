package io.florets.labelers.changepoint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Time Series Segmentation Benchmark folder: {@code desc.txt} (one line per series,
 * {@code name,window_size,cp1,cp2,...}), one {@code NAME.txt} per series (one number per line) and,
 * if present, {@code competitors_covering.csv} ({@code dataset,METHOD1,METHOD2,...}, one row per
 * series). Stateless.
 */
public final class TssbReader {
  private TssbReader() {
  }

  /**
   * The series listed in {@code desc.txt}, in its order.
   *
   * @throws IOException if a file cannot be read
   * @throws IllegalArgumentException naming the file and line of a malformed entry
   */
  public static List<TssbSeries> read(Path folder) throws IOException {
    Path desc = folder.resolve("desc.txt");
    if (!Files.isRegularFile(desc)) {
      throw new IllegalArgumentException("no desc.txt in " + folder + " (is it a TSSB folder?)");
    }
    List<String> lines = Files.readAllLines(desc, StandardCharsets.UTF_8);
    List<TssbSeries> out = new ArrayList<>();
    for (int ln = 0; ln < lines.size(); ln++) {
      String line = lines.get(ln).strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.split(",");
      if (f.length < 2) {
        throw new IllegalArgumentException(desc + " line " + (ln + 1) + ": expected name,window_size[,cp...], got '"
            + line + "'");
      }
      int window = integer(f[1], desc, ln + 1);
      int[] cps = new int[f.length - 2];
      for (int i = 2; i < f.length; i++) {
        cps[i - 2] = integer(f[i], desc, ln + 1);
      }
      out.add(new TssbSeries(f[0].strip(), window, cps, values(folder.resolve(f[0].strip() + ".txt"))));
    }
    return List.copyOf(out);
  }

  /**
   * Published scores per series and method from a CSV with a header {@code dataset,M1,M2,...}; empty
   * if the file does not exist.
   */
  public static Map<String, Map<String, Double>> competitors(Path csv) throws IOException {
    Map<String, Map<String, Double>> out = new LinkedHashMap<>();
    if (!Files.isRegularFile(csv)) {
      return out;
    }
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    if (lines.isEmpty()) {
      return out;
    }
    String[] header = lines.get(0).split(",");
    for (int ln = 1; ln < lines.size(); ln++) {
      String line = lines.get(ln).strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.split(",");
      if (f.length != header.length) {
        throw new IllegalArgumentException(csv + " line " + (ln + 1) + ": expected " + header.length
            + " fields, got " + f.length);
      }
      Map<String, Double> row = new LinkedHashMap<>();
      for (int i = 1; i < f.length; i++) {
        row.put(header[i].strip(), number(f[i], csv, ln + 1));
      }
      out.put(f[0].strip(), row);
    }
    return out;
  }

  private static double[] values(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    double[] v = new double[lines.size()];
    int n = 0;
    for (int ln = 0; ln < lines.size(); ln++) {
      String s = lines.get(ln).strip();
      if (!s.isEmpty()) {
        v[n++] = number(s, file, ln + 1);
      }
    }
    return java.util.Arrays.copyOf(v, n);
  }

  private static int integer(String s, Path file, int line) {
    try {
      return Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(file + " line " + line + ": '" + s + "' is not an integer", e);
    }
  }

  private static double number(String s, Path file, int line) {
    double v;
    try {
      v = Double.parseDouble(s.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(file + " line " + line + ": '" + s + "' is not a number", e);
    }
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException(file + " line " + line + ": value " + s + " is not finite");
    }
    return v;
  }
}
