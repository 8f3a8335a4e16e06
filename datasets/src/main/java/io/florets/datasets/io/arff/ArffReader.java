package io.florets.datasets.io.arff;

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

/**
 * Reads Weka {@code .arff} files in the two layouts of the UCR/UEA archives: univariate (one numeric
 * attribute per time step, then a nominal class attribute) and multivariate (one relational
 * attribute whose rows are the channels, written {@code 'c0 values\nc1 values',label}). Missing
 * values are {@code ?}. A nominal last attribute is the class; a numeric attribute after a
 * relational one is a regression target. Sparse rows are rejected. Stateless and thread-safe.
 */
public final class ArffReader {
  private ArffReader() {
  }

  /** Reads every row of {@code path}. */
  public static SeriesFile read(Path path) throws IOException {
    TextFile file = TextFile.read(path);
    List<String> lines = file.lines();
    ArffHeader h = new ArffHeader();
    int first = h.parse(file);
    List<Series> out = new ArrayList<>();
    for (int i = first; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("%")) {
        continue;
      }
      String id = h.relation + "#" + out.size();
      out.add(h.relational ? relationalRow(file, i + 1L, line, h, id) : flatRow(file, i + 1L, line, h, id));
    }
    if (out.isEmpty()) {
      throw file.error(first, 0, "no rows after @data; expected at least one series");
    }
    return new SeriesFile(SeriesFormat.ARFF, path, out,
        Map.of("problemName", h.relation, "classLabels", String.join(" ", h.classValues)));
  }

  private static Series flatRow(TextFile f, long ln, String line, ArffHeader h, String id)
      throws DataFormatException {
    if (line.startsWith("{")) {
      throw f.error(ln, 1, "found a sparse row; expected a dense row of comma-separated values");
    }
    String[] p = line.split(",", -1);
    int expected = h.valueAttributes + (h.hasClass || h.hasTarget ? 1 : 0);
    if (p.length != expected) {
      throw f.error(ln, 0, "row has " + p.length + " fields; expected " + expected
          + " (one per @attribute)");
    }
    float[] v = new float[h.valueAttributes];
    for (int k = 0; k < v.length; k++) {
      v[k] = value(f, ln, k + 1, p[k].strip());
    }
    Series.Builder b = Series.builder(id, new float[][] {v});
    label(f, ln, p.length, p[p.length - 1], h, b);
    return b.build();
  }

  private static Series relationalRow(TextFile f, long ln, String line, ArffHeader h, String id)
      throws DataFormatException {
    char q = line.charAt(0);
    if (q != '\'' && q != '"') {
      throw f.error(ln, 1, "found " + Numbers.quote(line) + "; expected a quoted relational value "
          + "'c0 values\\nc1 values...'");
    }
    int close = line.indexOf(q, 1);
    if (close < 0) {
      throw f.error(ln, line.length(), "quoted relational value is not closed; expected " + q);
    }
    String inner = line.substring(1, close);
    String rest = line.substring(close + 1).strip();
    String[] chans = inner.split("\\\\n", -1);
    float[][] v = new float[chans.length][];
    for (int c = 0; c < chans.length; c++) {
      String[] p = chans[c].split(",", -1);
      if (p.length != h.valueAttributes) {
        throw f.error(ln, 0, "channel " + (c + 1) + " has " + p.length + " values; expected "
            + h.valueAttributes + " (attributes of the relational attribute)");
      }
      v[c] = new float[p.length];
      for (int k = 0; k < p.length; k++) {
        v[c][k] = value(f, ln, k + 1, p[k].strip());
      }
    }
    Series.Builder b = Series.builder(id, v);
    if (h.hasClass || h.hasTarget) {
      if (!rest.startsWith(",")) {
        throw f.error(ln, close + 2, "found " + Numbers.quote(rest) + " after the relational value; "
            + "expected ',' and a " + (h.hasClass ? "class label" : "target"));
      }
      label(f, ln, close + 3, rest.substring(1), h, b);
    } else if (!rest.isEmpty()) {
      throw f.error(ln, close + 2, "found " + Numbers.quote(rest) + "; expected the end of the row");
    }
    return b.build();
  }

  private static void label(TextFile f, long ln, int col, String raw, ArffHeader h, Series.Builder b)
      throws DataFormatException {
    String s = ArffHeader.unquote(raw.strip());
    if (h.hasClass) {
      if (!h.classValues.contains(s)) {
        throw f.error(ln, col, "found class " + Numbers.quote(s) + "; expected one of " + h.classValues);
      }
      b.classLabel(s);
    } else if (h.hasTarget) {
      try {
        b.target(Numbers.parseDouble(s));
      } catch (NumberFormatException e) {
        throw f.error(ln, col, "found target " + Numbers.quote(s) + "; expected a number");
      }
    }
  }

  private static float value(TextFile f, long ln, int field, String tok) throws DataFormatException {
    if (tok.equals("?")) {
      return Float.NaN;
    }
    try {
      return Numbers.parseFloat(tok);
    } catch (NumberFormatException e) {
      throw f.error(ln, field, "found " + Numbers.quote(tok) + " in value field " + field
          + "; expected a number or ?");
    }
  }
}
