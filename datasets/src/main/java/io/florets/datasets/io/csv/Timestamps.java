package io.florets.datasets.io.csv;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.OptionalLong;

/**
 * Parses the timestamp formats found in series files to epoch milliseconds (UTC):
 * {@code 2014-07-01 00:00:00} (NAB), {@code 2014-07-01 00:00:00.000000} (NAB labels),
 * {@code 2014-07-01T00:00:00[.fff]}, the same with {@code Z} or an offset such as {@code +02:00},
 * {@code 2014-07-01 00:00}, {@code 2014/07/01 00:00:00}, and a bare date {@code 2014-07-01}
 * (midnight). Times without an offset are taken as UTC. Dates and times are checked strictly
 * (no 31 June, no 24:00). Fractions finer than a millisecond must be zero beyond the millisecond,
 * so that no precision is dropped silently. Stateless and thread-safe.
 */
public final class Timestamps {
  /** A description of the accepted formats, for error messages. */
  public static final String EXPECTED = "a timestamp like 2014-07-01 00:00:00, 2014-07-01T00:00:00Z "
      + "or 2014-07-01";

  private Timestamps() {
  }

  /** The epoch milliseconds of {@code text}, or empty if it is not in an accepted format. */
  public static OptionalLong parse(String text) {
    String s = text.strip();
    int n = s.length();
    if (n < 10 || !digits(s, 0, 4) || !digits(s, 5, 2) || !digits(s, 8, 2)) {
      return OptionalLong.empty();
    }
    char sep = s.charAt(4);
    if ((sep != '-' && sep != '/') || s.charAt(7) != sep) {
      return OptionalLong.empty();
    }
    long day;
    try {
      day = LocalDate.of(num(s, 0, 4), num(s, 5, 2), num(s, 8, 2)).toEpochDay();
    } catch (DateTimeException e) {
      return OptionalLong.empty();
    }
    long ms = day * 86_400_000L;
    if (n == 10) {
      return OptionalLong.of(ms);
    }
    char t = s.charAt(10);
    if ((t != ' ' && t != 'T') || n < 16 || !digits(s, 11, 2) || s.charAt(13) != ':' || !digits(s, 14, 2)) {
      return OptionalLong.empty();
    }
    int hh = num(s, 11, 2);
    int mm = num(s, 14, 2);
    int i = 16;
    int ss = 0;
    int milli = 0;
    if (i < n && s.charAt(i) == ':') {
      if (n < 19 || !digits(s, 17, 2)) {
        return OptionalLong.empty();
      }
      ss = num(s, 17, 2);
      i = 19;
      if (i < n && s.charAt(i) == '.') {
        int j = i + 1;
        while (j < n && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
          j++;
        }
        int len = j - i - 1;
        if (len < 1 || len > 9) {
          return OptionalLong.empty();
        }
        for (int k = i + 1; k < j; k++) {
          int d = s.charAt(k) - '0';
          int pos = k - i;
          if (pos <= 3) {
            milli += d * (pos == 1 ? 100 : pos == 2 ? 10 : 1);
          } else if (d != 0) {
            return OptionalLong.empty();
          }
        }
        i = j;
      }
    }
    if (hh > 23 || mm > 59 || ss > 59) {
      return OptionalLong.empty();
    }
    ms += hh * 3_600_000L + mm * 60_000L + ss * 1000L + milli;
    if (i == n) {
      return OptionalLong.of(ms);
    }
    if (s.charAt(i) == 'Z' && i + 1 == n) {
      return OptionalLong.of(ms);
    }
    char sign = s.charAt(i);
    if ((sign == '+' || sign == '-') && n == i + 6 && digits(s, i + 1, 2) && s.charAt(i + 3) == ':'
        && digits(s, i + 4, 2)) {
      int oh = num(s, i + 1, 2);
      int om = num(s, i + 4, 2);
      if (oh > 18 || om > 59) {
        return OptionalLong.empty();
      }
      long off = (oh * 60L + om) * 60_000L;
      return OptionalLong.of(sign == '+' ? ms - off : ms + off);
    }
    return OptionalLong.empty();
  }

  private static boolean digits(String s, int from, int count) {
    if (from + count > s.length()) {
      return false;
    }
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static int num(String s, int from, int count) {
    return Integer.parseInt(s, from, from + count, 10);
  }

  /** Formats epoch milliseconds as an ISO-8601 instant, e.g. {@code 2014-07-01T00:00:00Z}. */
  public static String format(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis).toString();
  }
}
