package io.florets.datasets.io.ts;

import io.florets.datasets.io.DataFormatException;
import io.florets.datasets.io.Numbers;
import io.florets.datasets.io.TextFile;
import io.florets.datasets.io.csv.Timestamps;
import java.util.Arrays;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * The timestamped layout of a {@code .ts} dimension ({@code @timeStamps true}):
 * {@code (t0,v0),(t1,v1),...}. A time stamp is either an integer (kept as written) or a date-time
 * (epoch milliseconds, UTC; see {@link Timestamps}); one file uses one kind. Time stamps must be
 * strictly increasing. Package-private.
 */
final class TsTuples {
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,18}");

  private TsTuples() {
  }

  /** Values and time stamps of one dimension. */
  record Parsed(float[] values, long[] timestamps) {
  }

  static Parsed parse(TextFile f, long ln, int col0, String field, TsHeader h, int d)
      throws DataFormatException {
    float[] v = new float[16];
    long[] t = new long[16];
    int n = 0;
    int i = 0;
    int len = field.length();
    while (true) {
      while (i < len && field.charAt(i) == ' ') {
        i++;
      }
      if (i >= len || field.charAt(i) != '(') {
        throw f.error(ln, col0 + i, "found " + (i >= len ? "the end of dimension " + (d + 1)
            : Numbers.quote(field.substring(i))) + "; expected a (timestamp,value) pair");
      }
      int close = field.indexOf(')', i);
      if (close < 0) {
        throw f.error(ln, col0 + i, "pair is not closed; expected ')'");
      }
      String inner = field.substring(i + 1, close);
      int comma = inner.lastIndexOf(',');
      if (comma < 0) {
        throw f.error(ln, col0 + i, "found (" + inner + "); expected (timestamp,value)");
      }
      if (n == v.length) {
        v = Arrays.copyOf(v, 2 * n);
        t = Arrays.copyOf(t, 2 * n);
      }
      t[n] = time(f, ln, col0 + i + 1, inner.substring(0, comma).strip(), h);
      if (n > 0 && t[n] <= t[n - 1]) {
        throw f.error(ln, col0 + i + 1, "time stamp " + Numbers.quote(inner.substring(0, comma).strip())
            + " in dimension " + (d + 1) + " is not after the previous one; expected strictly "
            + "increasing time stamps");
      }
      v[n] = value(f, ln, col0 + i + comma + 2, inner.substring(comma + 1).strip(), h, d);
      n++;
      i = close + 1;
      while (i < len && field.charAt(i) == ' ') {
        i++;
      }
      if (i >= len) {
        break;
      }
      if (field.charAt(i) != ',') {
        throw f.error(ln, col0 + i, "found " + Numbers.quote(field.substring(i))
            + " after a pair; expected ',' or the end of the dimension");
      }
      i++;
    }
    return new Parsed(Arrays.copyOf(v, n), Arrays.copyOf(t, n));
  }

  private static long time(TextFile f, long ln, int col, String s, TsHeader h) throws DataFormatException {
    boolean integer = INTEGER.matcher(s).matches();
    long value;
    if (integer) {
      value = Long.parseLong(s);
    } else {
      OptionalLong ms = Timestamps.parse(s);
      if (ms.isEmpty()) {
        throw f.error(ln, col, "found time stamp " + Numbers.quote(s) + "; expected an integer or "
            + Timestamps.EXPECTED);
      }
      value = ms.getAsLong();
    }
    if (h.dateTimes == null) {
      h.dateTimes = !integer;
    } else if (h.dateTimes == integer) {
      throw f.error(ln, col, "found time stamp " + Numbers.quote(s) + "; expected "
          + (h.dateTimes ? "a date-time" : "an integer") + " like the first time stamp of the file");
    }
    return value;
  }

  private static float value(TextFile f, long ln, int col, String tok, TsHeader h, int d)
      throws DataFormatException {
    if (tok.equals("?") || tok.equals("NaN")) {
      if (Boolean.FALSE.equals(h.missing)) {
        throw f.error(ln, col, "found missing value '" + tok + "' in dimension " + (d + 1)
            + "; expected a number (@missing false)");
      }
      return Float.NaN;
    }
    try {
      return Numbers.parseFloat(tok);
    } catch (NumberFormatException e) {
      throw f.error(ln, col, "found " + Numbers.quote(tok) + " in dimension " + (d + 1)
          + "; expected a number or ? for a missing value");
    }
  }
}
