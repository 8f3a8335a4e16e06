package io.florets.datasets.io;

/**
 * Strict parsing of decimal numbers in text formats. Accepts an optional sign, digits with an
 * optional fraction, and an optional exponent ({@code -8.67E-4}, {@code 1e5}, {@code .5});
 * rejects everything else ({@code 1d}, {@code 0x1p3}, {@code Infinity}, blanks, {@code 1,5}).
 * Missing-value markers are the caller's business.
 */
public final class Numbers {
  private Numbers() {
  }

  /** True if {@code s} is a decimal number in the accepted syntax. */
  public static boolean isDecimal(CharSequence s) {
    int n = s.length();
    int i = 0;
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    int digits = 0;
    while (i < n && isDigit(s.charAt(i))) {
      i++;
      digits++;
    }
    if (i < n && s.charAt(i) == '.') {
      i++;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return false;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int expDigits = 0;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        expDigits++;
      }
      if (expDigits == 0) {
        return false;
      }
    }
    return i == n;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * Parses {@code s} as a float (correctly rounded from the decimal text).
   *
   * @throws NumberFormatException if it is not a decimal number, or overflows to infinity
   */
  public static float parseFloat(String s) {
    if (!isDecimal(s)) {
      throw new NumberFormatException("'" + s + "' is not a decimal number");
    }
    float f = Float.parseFloat(s);
    if (Float.isInfinite(f)) {
      throw new NumberFormatException("'" + s + "' is too large for a 32-bit float");
    }
    return f;
  }

  /**
   * Parses {@code s} as a finite double.
   *
   * @throws NumberFormatException if it is not a decimal number, or overflows to infinity
   */
  public static double parseDouble(String s) {
    if (!isDecimal(s)) {
      throw new NumberFormatException("'" + s + "' is not a decimal number");
    }
    double d = Double.parseDouble(s);
    if (Double.isInfinite(d)) {
      throw new NumberFormatException("'" + s + "' is too large for a 64-bit float");
    }
    return d;
  }

  /**
   * A class label as written in a file: a number with an integral value ({@code 1},
   * {@code 1.0000000e+00}) becomes its integer text ({@code "1"}), anything else stays as it is.
   */
  public static String normaliseLabel(String raw) {
    if (isDecimal(raw)) {
      double d = Double.parseDouble(raw);
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        return Long.toString((long) d);
      }
    }
    return raw;
  }

  /**
   * Shortens {@code s} for an error message and puts it in single quotes, on one line: a quote
   * inside is escaped with a backslash, as is a backslash; a line break or other control character
   * becomes its escape (backslash-n, or backslash-u and four hex digits).
   */
  public static String quote(String s) {
    String t = s.length() > 40 ? s.substring(0, 37) + "..." : s;
    StringBuilder b = new StringBuilder(t.length() + 2).append('\'');
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      switch (c) {
        case '\'' -> b.append("\\'");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (Character.isISOControl(c)) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('\'').toString();
  }
}
