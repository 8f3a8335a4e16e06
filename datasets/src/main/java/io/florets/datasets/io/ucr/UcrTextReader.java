package io.florets.datasets.io.ucr;

import io.florets.datasets.Series;
import io.florets.datasets.io.DataFormatException;
import io.florets.datasets.io.Numbers;
import io.florets.datasets.io.SeriesFile;
import io.florets.datasets.io.SeriesFormat;
import io.florets.datasets.io.TextFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads the UCR archive's plain-text layouts: one series per line, the class label first, then the
 * values. The 2018 {@code .tsv} files separate fields by tabs and mark missing values (and the
 * padding of shorter series) with {@code NaN}; the 2015 {@code .txt} files separate them by
 * whitespace or commas. Numeric labels with an integral value are normalised ({@code 1.0000000e+00}
 * becomes {@code "1"}). All rows must have the same number of fields. Stateless and thread-safe.
 */
public final class UcrTextReader {
  private UcrTextReader() {
  }

  /** Reads a 2018 {@code .tsv} file. */
  public static SeriesFile readTsv(Path path) throws IOException {
    return read(path, SeriesFormat.UCR_TSV);
  }

  /** Reads a 2015 {@code .txt} file. */
  public static SeriesFile readTxt(Path path) throws IOException {
    return read(path, SeriesFormat.UCR_TXT);
  }

  private static SeriesFile read(Path path, SeriesFormat format) throws IOException {
    TextFile f = TextFile.read(path);
    String name = stem(path);
    List<Series> out = new ArrayList<>();
    TreeSet<String> labels = new TreeSet<>();
    int width = -1;
    List<String> lines = f.lines();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      long ln = i + 1L;
      String[] p = format == SeriesFormat.UCR_TSV ? line.split("\t", -1) : line.strip().split("[\\s,]+");
      if (p.length < 2) {
        throw f.error(ln, 1, "row has " + p.length + " field; expected a class label and at least one value");
      }
      if (width < 0) {
        width = p.length;
      } else if (p.length != width) {
        throw f.error(ln, 0, "row has " + p.length + " fields; expected " + width
            + " like the first row (ragged row)");
      }
      String label = Numbers.normaliseLabel(p[0].strip());
      if (label.isEmpty()) {
        throw f.error(ln, 1, "class label is empty; expected a label in the first field");
      }
      float[] v = new float[p.length - 1];
      for (int k = 1; k < p.length; k++) {
        String tok = p[k].strip();
        if (tok.equals("NaN")) {
          v[k - 1] = Float.NaN;
        } else {
          try {
            v[k - 1] = Numbers.parseFloat(tok);
          } catch (NumberFormatException e) {
            throw f.error(ln, k + 1, "found " + Numbers.quote(tok) + " in field " + (k + 1)
                + "; expected a number or NaN");
          }
        }
      }
      labels.add(label);
      out.add(Series.builder(name + "#" + out.size(), new float[][] {v}).classLabel(label).build());
    }
    if (out.isEmpty()) {
      throw DataFormatException.inFile(path, "no rows (empty file); expected one series per line, "
          + "class label first");
    }
    return new SeriesFile(format, path, out,
        Map.of("problemName", name, "classLabels", String.join(" ", labels)));
  }

  private static String stem(Path p) {
    String n = p.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }
}
