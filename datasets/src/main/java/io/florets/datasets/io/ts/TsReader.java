package io.florets.datasets.io.ts;

import io.florets.datasets.Series;
import io.florets.datasets.io.DataFormatException;
import io.florets.datasets.io.Numbers;
import io.florets.datasets.io.SeriesFile;
import io.florets.datasets.io.SeriesFormat;
import io.florets.datasets.io.TextFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads UCR/UEA {@code .ts} files (the sktime/aeon format): univariate and multivariate, equal and
 * unequal length, {@code ?} (or {@code NaN}) for missing values, class labels or regression targets.
 *
 * <p>A data line holds one case: channels separated by {@code :}, values within a channel by
 * {@code ,}, then the class label or target if the header declares one. With {@code @timeStamps
 * true} a channel is a list of {@code (timestamp,value)} pairs instead ({@link TsTuples}); every
 * channel of a case must carry the same time stamps, which become the series' timestamps (epoch
 * milliseconds for date-times; integers as written, noted as {@code timestampKind=integer} in the
 * file metadata). Every header claim is
 * checked against the data (declared labels, dimensions, length, missing values); a mismatch is a
 * {@link DataFormatException} naming line and column. Series ids are {@code <problem>#<index>}.
 * Stateless and thread-safe.
 */
public final class TsReader {
  private TsReader() {
  }

  /** Reads every case of {@code path}. */
  public static SeriesFile read(Path path) throws IOException {
    TextFile file = TextFile.read(path);
    TsHeader h = new TsHeader();
    int first = h.parse(file);
    String name = h.problemName != null ? h.problemName : stem(path);
    List<String> lines = file.lines();
    List<Series> out = new ArrayList<>();
    int channels = -1;
    int length = -1;
    for (int i = first; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      Series s = parseCase(file, i + 1L, line, h, name + "#" + out.size());
      if (channels < 0) {
        channels = s.channels();
      } else if (s.channels() != channels) {
        throw file.error(i + 1L, 0, "case has " + s.channels() + " dimensions; expected "
            + channels + " like the first case");
      }
      if (Boolean.TRUE.equals(h.equalLength)) {
        if (length < 0) {
          length = s.length();
        } else if (s.length() != length) {
          throw file.error(i + 1L, 0, "case has length " + s.length() + "; expected " + length
              + " (@equalLength true)");
        }
      }
      out.add(s);
    }
    if (out.isEmpty()) {
      throw file.error(first, 0, "no series after @data; expected at least one case");
    }
    return new SeriesFile(SeriesFormat.TS, path, out, metadata(h, name));
  }

  private static Series parseCase(TextFile f, long ln, String line, TsHeader h, String id)
      throws DataFormatException {
    List<String> fields = new ArrayList<>();
    List<Integer> cols = new ArrayList<>();
    splitDimensions(line, fields, cols);
    int dims = fields.size() - (h.classLabel || h.targetLabel ? 1 : 0);
    if (dims < 1) {
      throw f.error(ln, 1, "found no values; expected values followed by ':' and a "
          + (h.classLabel ? "class label" : "target"));
    }
    if (Boolean.TRUE.equals(h.univariate) && dims != 1) {
      throw f.error(ln, 0, "case has " + dims + " dimensions; expected 1 (@univariate true)");
    }
    if (h.dimensions > 0 && dims != h.dimensions) {
      throw f.error(ln, 0, "case has " + dims + " dimensions; expected " + h.dimensions
          + " (@dimensions)");
    }
    float[][] values = new float[dims][];
    long[] timestamps = null;
    for (int d = 0; d < dims; d++) {
      int col = cols.get(d);
      if (h.timeStamps) {
        TsTuples.Parsed t = TsTuples.parse(f, ln, col, fields.get(d), h, d);
        values[d] = t.values();
        if (d == 0) {
          timestamps = t.timestamps();
        } else if (!java.util.Arrays.equals(timestamps, t.timestamps())) {
          throw f.error(ln, col, "dimension " + (d + 1) + " has other timestamps than dimension 1; "
              + "expected the same timestamps in every dimension of a case");
        }
      } else {
        values[d] = parseValues(f, ln, col, fields.get(d), h, d);
      }
      if (d > 0 && values[d].length != values[0].length) {
        throw f.error(ln, col, "dimension " + (d + 1) + " has " + values[d].length
            + " values; expected " + values[0].length + " like dimension 1 of the same case");
      }
    }
    if (h.seriesLength > 0 && Boolean.TRUE.equals(h.equalLength) && values[0].length != h.seriesLength) {
      throw f.error(ln, 0, "case has " + values[0].length + " values per dimension; expected "
          + h.seriesLength + " (@seriesLength)");
    }
    Series.Builder b = Series.builder(id, values);
    if (timestamps != null) {
      b.timestamps(timestamps);
    }
    if (h.classLabel || h.targetLabel) {
      String last = fields.get(fields.size() - 1).strip();
      int col = cols.get(cols.size() - 1);
      if (h.classLabel) {
        if (!h.classLabels.contains(last)) {
          throw f.error(ln, col, "found class label " + Numbers.quote(last) + "; expected one of "
              + h.classLabels + " (@classLabel)");
        }
        b.classLabel(last);
      } else {
        try {
          b.target(Numbers.parseDouble(last));
        } catch (NumberFormatException e) {
          throw f.error(ln, col, "found target " + Numbers.quote(last) + "; expected a number");
        }
      }
    }
    return b.build();
  }

  /** Splits a case at the colons outside parentheses, recording each field's 1-based column. */
  private static void splitDimensions(String line, List<String> fields, List<Integer> cols) {
    int depth = 0;
    int start = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ':' && depth == 0) {
        fields.add(line.substring(start, i));
        cols.add(start + 1);
        start = i + 1;
      }
    }
    fields.add(line.substring(start));
    cols.add(start + 1);
  }

  private static float[] parseValues(TextFile f, long ln, int col0, String field, TsHeader h, int d)
      throws DataFormatException {
    int n = 1;
    for (int i = 0; i < field.length(); i++) {
      if (field.charAt(i) == ',') {
        n++;
      }
    }
    float[] v = new float[n];
    int start = 0;
    for (int k = 0; k < n; k++) {
      int end = field.indexOf(',', start);
      if (end < 0) {
        end = field.length();
      }
      String tok = field.substring(start, end).strip();
      int col = col0 + start;
      if (tok.equals("?") || tok.equals("NaN")) {
        if (Boolean.FALSE.equals(h.missing)) {
          throw f.error(ln, col, "found missing value '" + tok + "' in dimension " + (d + 1)
              + "; expected a number (@missing false)");
        }
        v[k] = Float.NaN;
      } else {
        try {
          v[k] = Numbers.parseFloat(tok);
        } catch (NumberFormatException e) {
          throw f.error(ln, col, "found " + Numbers.quote(tok) + " in dimension " + (d + 1)
              + "; expected a number or ? for a missing value");
        }
      }
      start = end + 1;
    }
    return v;
  }

  private static Map<String, String> metadata(TsHeader h, String name) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("problemName", name);
    if (h.classLabel) {
      m.put("classLabels", String.join(" ", h.classLabels));
    }
    if (h.dateTimes != null) {
      m.put("timestampKind", h.dateTimes ? "epoch-millis" : "integer");
    }
    for (Map.Entry<String, String> e : h.raw.entrySet()) {
      m.put("tag." + e.getKey().substring(1), e.getValue());
    }
    return m;
  }

  static String stem(Path p) {
    String n = p.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }
}
