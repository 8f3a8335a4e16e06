package io.florets.cli.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Structured mutation of seed files, driven by a {@link SplittableRandom} (so a run is reproducible
 * from its seed): bit flips, boundary bytes and integers, truncation, deletion and duplication of
 * ranges and lines, insertion of dictionary tokens (huge numbers, NaN, Infinity, separators, invalid
 * UTF-8), numbers replaced by extreme ones, fields added or dropped (wrong column counts), lines
 * swapped, a line repeated many times, and splicing with another input.
 */
public final class Mutator {
  /** Largest input produced; mutations that would grow past it are skipped. */
  public static final int MAX_SIZE = 1 << 20;

  private static final List<String> COMMON = List.of(
      "NaN", "nan", "Infinity", "-Infinity", "inf", "1e309", "-1e309", "1e-400", "-0", "0", "-1",
      "2147483647", "2147483648", "-2147483648", "9223372036854775807", "9223372036854775808",
      "-9223372036854775808", "18446744073709551616", "3.4028236e38", "1.7976931348623157e308",
      "4.9e-324", "0x1p3", "1_000", "+5", "1e", ".", "-", "--1", "1.2.3", "?", "null", "true",
      "false", "\"", "'", "\\", "{", "}", "[", "]", ":", ",", ";", "\t", " ", "\r", "\r\n", "\n",
      "\u0000", "\u00a0", "\u2028", "\ufeff", "\u00e9", "\ud83d\ude00", "%", "#", "@", "@data",
      "1970-01-01 00:00:00", "2014-02-30 25:61:61", "9999-12-31T23:59:59Z", "0000-00-00",
      "1".repeat(400), "9".repeat(40) + "." + "9".repeat(40), "a".repeat(300));
  private static final byte[][] RAW = {
      {(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xFE, (byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
      {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}};
  private static final int[] BOUNDARY_INTS = {0, 1, -1, 0x7F, 0x80, 0xFF, 0x7FFF, 0x8000, 0xFFFF,
      0x7FFFFFFF, 0x80000000, 0xFFFFFFF0, 64, 1 << 20, 1 << 30};
  private static final byte[] SEPARATORS = {',', '\t', ' ', ':', ';', '\n', '@', '{', '[', '"', '<', '>'};

  private final List<byte[]> dictionary = new ArrayList<>();

  /** A mutator with the common tokens plus {@code extra} ones for a format. */
  public Mutator(List<String> extra) {
    for (String s : COMMON) {
      dictionary.add(s.getBytes(StandardCharsets.UTF_8));
    }
    for (String s : extra) {
      dictionary.add(s.getBytes(StandardCharsets.UTF_8));
    }
    for (byte[] r : RAW) {
      dictionary.add(r);
    }
  }

  /** {@code base} with 1 to 4 mutations stacked; {@code others} are candidates for splicing. */
  public byte[] mutate(byte[] base, List<FuzzTarget.Input> others, SplittableRandom rnd) {
    byte[] b = base;
    int n = 1 + (rnd.nextInt(4) == 0 ? rnd.nextInt(4) : 0);
    for (int i = 0; i < n; i++) {
      byte[] next = once(b, others, rnd);
      if (next.length <= MAX_SIZE) {
        b = next;
      }
    }
    return b;
  }

  private byte[] once(byte[] b, List<FuzzTarget.Input> others, SplittableRandom rnd) {
    int len = b.length;
    switch (rnd.nextInt(17)) {
      case 0: { // flip one bit
        if (len == 0) {
          return token(rnd);
        }
        byte[] c = b.clone();
        c[rnd.nextInt(len)] ^= (byte) (1 << rnd.nextInt(8));
        return c;
      }
      case 1: { // set a byte to an interesting value
        if (len == 0) {
          return token(rnd);
        }
        byte[] c = b.clone();
        int v = rnd.nextInt(3) == 0 ? SEPARATORS[rnd.nextInt(SEPARATORS.length)]
            : BOUNDARY_INTS[rnd.nextInt(BOUNDARY_INTS.length)];
        c[rnd.nextInt(len)] = (byte) v;
        return c;
      }
      case 2: { // overwrite 4 bytes with a boundary integer (binary formats: offsets, lengths)
        if (len < 4) {
          return token(rnd);
        }
        byte[] c = b.clone();
        int v = BOUNDARY_INTS[rnd.nextInt(BOUNDARY_INTS.length)];
        int at = rnd.nextBoolean() ? rnd.nextInt(len - 3) & ~3 : rnd.nextInt(len - 3);
        for (int k = 0; k < 4; k++) {
          c[at + k] = (byte) (v >>> (8 * k));
        }
        return c;
      }
      case 3: // truncate
        return len == 0 ? b : slice(b, 0, rnd.nextInt(len));
      case 4: { // delete a range
        if (len == 0) {
          return b;
        }
        int from = rnd.nextInt(len);
        int to = Math.min(len, from + 1 + rnd.nextInt(Math.max(1, Math.min(len - from, 64))));
        return concat(slice(b, 0, from), slice(b, to, len));
      }
      case 5: { // insert random bytes
        byte[] r = new byte[1 + rnd.nextInt(8)];
        for (int k = 0; k < r.length; k++) {
          r[k] = (byte) rnd.nextInt(256);
        }
        return insert(b, rnd.nextInt(len + 1), r);
      }
      case 6: case 7: // insert a token
        return insert(b, rnd.nextInt(len + 1), token(rnd));
      case 8: // replace a number with a token
        return replaceNumber(b, rnd, token(rnd));
      case 9: // replace a number with a boundary number
        return replaceNumber(b, rnd, dictionary.get(rnd.nextInt(22)));
      case 10: { // duplicate a line
        List<int[]> lines = lines(b);
        int[] l = lines.get(rnd.nextInt(lines.size()));
        return insert(b, l[1], slice(b, l[0], l[1]));
      }
      case 11: { // delete a line
        List<int[]> lines = lines(b);
        int[] l = lines.get(rnd.nextInt(lines.size()));
        return concat(slice(b, 0, l[0]), slice(b, l[1], len));
      }
      case 12: { // swap two lines
        List<int[]> lines = lines(b);
        int[] x = lines.get(rnd.nextInt(lines.size()));
        int[] y = lines.get(rnd.nextInt(lines.size()));
        if (x[0] > y[0]) {
          int[] t = x;
          x = y;
          y = t;
        }
        if (x[1] > y[0]) {
          return b;
        }
        return concat(slice(b, 0, x[0]), slice(b, y[0], y[1]), slice(b, x[1], y[0]),
            slice(b, x[0], x[1]), slice(b, y[1], len));
      }
      case 13: { // a field more or less: duplicate or drop the text up to a separator
        if (len == 0) {
          return b;
        }
        int at = rnd.nextInt(len);
        int end = at;
        while (end < len && !isSeparator(b[end])) {
          end++;
        }
        int stop = Math.min(len, end + 1);
        return rnd.nextBoolean() ? insert(b, stop, slice(b, at, stop))
            : concat(slice(b, 0, at), slice(b, stop, len));
      }
      case 14: { // repeat a line or chunk many times
        List<int[]> lines = lines(b);
        int[] l = lines.get(rnd.nextInt(lines.size()));
        byte[] line = slice(b, l[0], l[1]);
        if (line.length == 0) {
          return b;
        }
        int times = Math.min(1 + rnd.nextInt(2000), MAX_SIZE / 2 / line.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int k = 0; k < times; k++) {
          out.writeBytes(line);
        }
        return insert(b, l[1], out.toByteArray());
      }
      case 15: { // splice with another input
        if (others.isEmpty()) {
          return b;
        }
        byte[] o = others.get(rnd.nextInt(others.size())).data();
        int cut = rnd.nextInt(len + 1);
        int from = rnd.nextInt(o.length + 1);
        return concat(slice(b, 0, cut), slice(o, from, o.length));
      }
      default: { // change the case or the sign of a stretch
        if (len == 0) {
          return b;
        }
        byte[] c = b.clone();
        int at = rnd.nextInt(len);
        for (int k = at; k < Math.min(len, at + 16); k++) {
          byte x = c[k];
          if (x >= 'a' && x <= 'z') {
            c[k] = (byte) (x - 32);
          } else if (x >= 'A' && x <= 'Z') {
            c[k] = (byte) (x + 32);
          } else if (x == '-') {
            c[k] = '+';
          }
        }
        return c;
      }
    }
  }

  private byte[] token(SplittableRandom rnd) {
    return dictionary.get(rnd.nextInt(dictionary.size()));
  }

  private static boolean isSeparator(byte x) {
    for (byte s : SEPARATORS) {
      if (s == x) {
        return true;
      }
    }
    return false;
  }

  /** Replaces the run of number characters around a random position by {@code with}. */
  private static byte[] replaceNumber(byte[] b, SplittableRandom rnd, byte[] with) {
    int len = b.length;
    if (len == 0) {
      return with;
    }
    int start = rnd.nextInt(len);
    int at = -1;
    for (int k = 0; k < len; k++) {
      int p = (start + k) % len;
      if (b[p] >= '0' && b[p] <= '9') {
        at = p;
        break;
      }
    }
    if (at < 0) {
      return insert(b, start, with);
    }
    int from = at;
    while (from > 0 && isNumberChar(b[from - 1])) {
      from--;
    }
    int to = at;
    while (to < len && isNumberChar(b[to])) {
      to++;
    }
    return concat(slice(b, 0, from), with, slice(b, to, len));
  }

  private static boolean isNumberChar(byte x) {
    return x >= '0' && x <= '9' || x == '.' || x == '-' || x == '+' || x == 'e' || x == 'E';
  }

  /** Lines as [start, end) including the terminator; never empty (one empty line for no bytes). */
  private static List<int[]> lines(byte[] b) {
    List<int[]> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < b.length; i++) {
      if (b[i] == '\n') {
        out.add(new int[] {start, i + 1});
        start = i + 1;
      }
    }
    if (start < b.length || out.isEmpty()) {
      out.add(new int[] {start, b.length});
    }
    return out;
  }

  static byte[] slice(byte[] b, int from, int to) {
    byte[] c = new byte[Math.max(0, to - from)];
    System.arraycopy(b, from, c, 0, c.length);
    return c;
  }

  static byte[] insert(byte[] b, int at, byte[] what) {
    return concat(slice(b, 0, at), what, slice(b, at, b.length));
  }

  static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] c = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, c, at, p.length);
      at += p.length;
    }
    return c;
  }
}
