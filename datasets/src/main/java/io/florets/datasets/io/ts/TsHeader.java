package io.florets.datasets.io.ts;

import io.florets.datasets.io.TextFile;
import io.florets.datasets.io.DataFormatException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The header tags of a {@code .ts} file, parsed and cross-checked. Package-private; mutable only
 * while parsing.
 */
final class TsHeader {
  /** Largest series length or dimension count accepted from a header (what a Java array can hold). */
  static final long MAX_SIZE = Integer.MAX_VALUE - 8;

  String problemName;
  boolean timeStamps;
  /** Set by the first timestamped case: true for date-times, false for integer time stamps. */
  Boolean dateTimes;
  Boolean missing;
  Boolean univariate;
  int dimensions;
  Boolean equalLength;
  int seriesLength;
  boolean classLabel;
  List<String> classLabels = List.of();
  boolean targetLabel;
  final Map<String, String> raw = new LinkedHashMap<>();

  /**
   * Reads header lines up to and including {@code @data}.
   *
   * @return the index (0-based) of the first line after {@code @data}
   */
  int parse(TextFile file) throws DataFormatException {
    List<String> lines = file.lines();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      long ln = i + 1L;
      if (line.isEmpty() || line.startsWith("#") || line.startsWith("%")) {
        continue;
      }
      if (!line.startsWith("@")) {
        throw file.error(ln, 1, "found " + quoteLine(line) + " before @data; expected a header tag "
            + "(@problemName, @univariate, ...) or a comment starting with # or %");
      }
      String[] parts = line.split("\\s+");
      String tag = parts[0].toLowerCase(Locale.ROOT);
      if (tag.equals("@data")) {
        if (parts.length > 1) {
          throw file.error(ln, parts[0].length() + 2, "found text after @data; expected nothing");
        }
        check(file, ln);
        return i + 1;
      }
      if (raw.containsKey(tag)) {
        throw file.error(ln, 1, "tag " + parts[0] + " appears twice; expected each tag once");
      }
      raw.put(tag, line.substring(parts[0].length()).strip());
      apply(file, ln, tag, parts);
    }
    if (raw.isEmpty()) {
      throw DataFormatException.inFile(file.path(), "no header and no data (empty file); expected "
          + ".ts header tags followed by @data and at least one series");
    }
    throw file.error(lines.size(), 0, "reached the end of the file without @data; expected an "
        + "@data line before the series");
  }

  private void apply(TextFile file, long ln, String tag, String[] p) throws DataFormatException {
    switch (tag) {
      case "@problemname":
        problemName = need(file, ln, p, 2, "a problem name");
        break;
      case "@timestamps":
        timeStamps = bool(file, ln, p);
        break;
      case "@missing":
        missing = bool(file, ln, p);
        break;
      case "@univariate":
        univariate = bool(file, ln, p);
        break;
      case "@dimension":
      case "@dimensions":
        dimensions = size(file, ln, p);
        break;
      case "@equallength":
        equalLength = bool(file, ln, p);
        break;
      case "@serieslength":
        seriesLength = size(file, ln, p);
        break;
      case "@classlabel":
        classLabel = bool(file, ln, p);
        List<String> labels = new ArrayList<>();
        for (int k = 2; k < p.length; k++) {
          if (labels.contains(p[k])) {
            throw file.error(ln, 0, "class label '" + p[k] + "' declared twice in @classLabel");
          }
          labels.add(p[k]);
        }
        if (classLabel && labels.isEmpty()) {
          throw file.error(ln, 0, "@classLabel true lists no labels; expected '@classLabel true "
              + "<label> <label> ...'");
        }
        if (!classLabel && !labels.isEmpty()) {
          throw file.error(ln, 0, "@classLabel false lists labels " + labels + "; expected none");
        }
        classLabels = List.copyOf(labels);
        break;
      case "@targetlabel":
        targetLabel = bool(file, ln, p);
        break;
      default:
        throw file.error(ln, 1, "unknown header tag " + p[0] + "; expected one of @problemName "
            + "@timeStamps @missing @univariate @dimensions @equalLength @seriesLength @classLabel "
            + "@targetLabel @data");
    }
  }

  private void check(TextFile file, long ln) throws DataFormatException {
    if (classLabel && targetLabel) {
      throw file.error(ln, 0, "header declares both @classLabel true and @targetLabel true; "
          + "expected at most one");
    }
    if (Boolean.TRUE.equals(univariate) && dimensions > 1) {
      throw file.error(ln, 0, "header declares @univariate true with @dimensions " + dimensions
          + "; expected @dimensions 1 or @univariate false");
    }
  }

  private static String need(TextFile f, long ln, String[] p, int n, String what)
      throws DataFormatException {
    if (p.length != n) {
      throw f.error(ln, 0, "tag " + p[0] + " has " + (p.length - 1) + " arguments; expected " + what);
    }
    return p[1];
  }

  private static boolean bool(TextFile f, long ln, String[] p) throws DataFormatException {
    if (p.length < 2) {
      throw f.error(ln, 0, "tag " + p[0] + " has no value; expected true or false");
    }
    String v = p[1].toLowerCase(Locale.ROOT);
    if (!v.equals("true") && !v.equals("false")) {
      throw f.error(ln, p[0].length() + 2, "tag " + p[0] + " has value '" + p[1]
          + "'; expected true or false");
    }
    if (p.length > 2 && !p[0].equalsIgnoreCase("@classLabel")) {
      throw f.error(ln, 0, "tag " + p[0] + " has extra text '" + p[2] + "'; expected only true or false");
    }
    return v.equals("true");
  }

  private static int size(TextFile f, long ln, String[] p) throws DataFormatException {
    String v = need(f, ln, p, 2, "one positive integer");
    long n;
    try {
      n = Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw f.error(ln, p[0].length() + 2, "tag " + p[0] + " has value '" + v
          + "'; expected a positive integer");
    }
    if (n < 1 || n > MAX_SIZE) {
      throw f.error(ln, p[0].length() + 2, "tag " + p[0] + " claims " + v
          + "; expected a positive integer of at most " + MAX_SIZE);
    }
    return (int) n;
  }

  static String quoteLine(String line) {
    return "'" + (line.length() > 40 ? line.substring(0, 37) + "..." : line) + "'";
  }
}
