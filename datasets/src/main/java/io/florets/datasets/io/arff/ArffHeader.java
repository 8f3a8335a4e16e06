package io.florets.datasets.io.arff;

import io.florets.datasets.io.DataFormatException;
import io.florets.datasets.io.TextFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The header of an {@code .arff} file: relation name, value attributes, class or target. */
final class ArffHeader {
  String relation;
  boolean relational;
  int valueAttributes;
  boolean hasClass;
  boolean hasTarget;
  List<String> classValues = List.of();

  /** Parses up to {@code @data}; returns the 0-based index of the line after it. */
  int parse(TextFile f) throws DataFormatException {
    List<String> lines = f.lines();
    boolean inRelational = false;
    boolean afterLast = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      long ln = i + 1L;
      if (line.isEmpty() || line.startsWith("%")) {
        continue;
      }
      String[] p = line.split("\\s+", 3);
      String kw = p[0].toLowerCase(Locale.ROOT);
      if (kw.equals("@relation")) {
        if (p.length < 2) {
          throw f.error(ln, 1, "@relation has no name; expected '@relation <name>'");
        }
        relation = unquote(line.substring(p[0].length()).strip());
      } else if (kw.equals("@attribute")) {
        if (relation == null) {
          throw f.error(ln, 1, "found @attribute before @relation; expected @relation first");
        }
        if (afterLast) {
          throw f.error(ln, 1, "found an attribute after the class/target attribute; expected the "
              + "class or target attribute last");
        }
        if (p.length < 3) {
          throw f.error(ln, 1, "found " + line + "; expected '@attribute <name> <type>'");
        }
        String type = p[2].strip();
        String t = type.toLowerCase(Locale.ROOT);
        if (t.equals("relational")) {
          if (relational || valueAttributes > 0) {
            throw f.error(ln, 1, "found a second relational or mixed attribute; expected one "
                + "relational attribute holding all channels");
          }
          relational = true;
          inRelational = true;
        } else if (t.equals("numeric") || t.equals("real") || t.equals("integer")) {
          if (inRelational || !relational) {
            valueAttributes++;
          } else {
            hasTarget = true;
            afterLast = true;
          }
        } else if (t.startsWith("{")) {
          if (inRelational) {
            throw f.error(ln, 1, "found a nominal attribute inside the relational attribute; "
                + "expected numeric attributes only");
          }
          classValues = nominal(f, ln, type);
          hasClass = true;
          afterLast = true;
        } else {
          throw f.error(ln, p[0].length() + p[1].length() + 3, "found attribute type '" + type
              + "'; expected numeric, real, integer, relational or a nominal {...}");
        }
      } else if (kw.equals("@end")) {
        if (!inRelational) {
          throw f.error(ln, 1, "found @end outside a relational attribute");
        }
        inRelational = false;
      } else if (kw.equals("@data")) {
        if (inRelational) {
          throw f.error(ln, 1, "found @data inside the relational attribute; expected @end first");
        }
        if (valueAttributes == 0) {
          throw f.error(ln, 1, "no numeric value attributes before @data; expected at least one");
        }
        return i + 1;
      } else {
        throw f.error(ln, 1, "found " + p[0] + " in the header; expected @relation, @attribute, "
            + "@end, @data or a % comment");
      }
    }
    if (relation == null) {
      throw io.florets.datasets.io.DataFormatException.inFile(f.path(),
          "no @relation (empty file?); expected an ARFF header and @data");
    }
    throw f.error(lines.size(), 0, "reached the end of the file without @data");
  }

  private static List<String> nominal(TextFile f, long ln, String type) throws DataFormatException {
    if (!type.endsWith("}")) {
      throw f.error(ln, 0, "nominal type " + type + " is not closed; expected '}'");
    }
    List<String> out = new ArrayList<>();
    for (String s : type.substring(1, type.length() - 1).split(",")) {
      String v = unquote(s.strip());
      if (v.isEmpty() || out.contains(v)) {
        throw f.error(ln, 0, "nominal type " + type + " has an empty or repeated value '" + v + "'");
      }
      out.add(v);
    }
    return List.copyOf(out);
  }

  static String unquote(String s) {
    if (s.length() >= 2 && (s.charAt(0) == '\'' || s.charAt(0) == '"')
        && s.charAt(s.length() - 1) == s.charAt(0)) {
      return s.substring(1, s.length() - 1);
    }
    return s;
  }
}
