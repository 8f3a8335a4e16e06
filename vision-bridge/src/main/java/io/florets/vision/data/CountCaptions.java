package io.florets.vision.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Count captions of coloured shapes: {@code "two red circles and a blue square"}, in a canonical order
 * (shape, then colour, in enum order), words and spaces only. {@link #parseCounts} reads such a
 * caption back into counts, which is how caption count accuracy is measured. Stateless.
 */
public final class CountCaptions {
  private static final String[] NUMBERS = {"no", "a", "two", "three", "four", "five", "six", "seven", "eight", "nine"};

  private CountCaptions() {
  }

  /** The number words used (index = count; "a" for one, "an" before a vowel). */
  public static List<String> numberWords() {
    return List.of(NUMBERS);
  }

  /** Counts per {@code "colour shape"} phrase (singular), in canonical order. */
  public static Map<String, Integer> counts(Collection<SceneObject> objects) {
    Map<String, Integer> m = new TreeMap<>((a, b) -> Integer.compare(rank(a), rank(b)));
    for (SceneObject o : objects) {
      m.merge(o.phrase(), 1, Integer::sum);
    }
    return m;
  }

  /** The caption of a set of shapes; {@code "nothing"} for none. */
  public static String caption(Collection<SceneObject> objects) {
    return caption(counts(objects));
  }

  /** The caption of counts per phrase; counts must be 1..9. */
  public static String caption(Map<String, Integer> counts) {
    if (counts.isEmpty()) {
      return "nothing";
    }
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      int n = e.getValue();
      if (n < 1 || n >= NUMBERS.length) {
        throw new IllegalArgumentException("caption count of '" + e.getKey() + "' must be 1.."
            + (NUMBERS.length - 1) + ", got " + n);
      }
      String number = n == 1 && "aeiou".indexOf(e.getKey().charAt(0)) >= 0 ? "an" : NUMBERS[n];
      parts.add(number + " " + (n == 1 ? e.getKey() : e.getKey() + "s"));
    }
    return String.join(" and ", parts);
  }

  /**
   * Reads counts per {@code "colour shape"} phrase from a caption such as {@code "two red circles and a
   * blue square on a striped background"}: every number word followed by a colour word and a shape
   * word counts; other words are skipped. Never throws on odd text; unknown structure gives fewer counts.
   */
  public static Map<String, Integer> parseCounts(String caption) {
    String[] w = caption.toLowerCase(Locale.ROOT).trim().split("[\\s,.]+");
    Map<String, Integer> m = new TreeMap<>();
    for (int i = 0; i + 2 < w.length; i++) {
      int n = "an".equals(w[i]) ? 1 : List.of(NUMBERS).indexOf(w[i]);
      Optional<ColourName> c = ColourName.fromWord(w[i + 1]);
      Optional<ShapeKind> s = ShapeKind.fromWord(w[i + 2]);
      if (n >= 1 && c.isPresent() && s.isPresent()) {
        m.merge(c.get().word() + " " + s.get().word(), n, Integer::sum);
        i += 2;
      }
    }
    return m;
  }

  private static int rank(String phrase) {
    String[] p = phrase.split(" ");
    int c = ColourName.fromWord(p[0]).map(Enum::ordinal).orElse(99);
    int s = p.length > 1 ? ShapeKind.fromWord(p[1]).map(Enum::ordinal).orElse(99) : 99;
    return s * 100 + c;
  }
}
