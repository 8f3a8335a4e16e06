package io.florets.labelers.caption;

import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.CaptionText;
import io.florets.datasets.target.Event;
import io.florets.datasets.target.EventType;
import io.florets.datasets.target.NumericProperty;
import io.florets.datasets.target.Property;
import io.florets.datasets.target.Segment;
import io.florets.datasets.target.ShapeFacet;
import io.florets.datasets.target.ShapeTag;
import io.florets.datasets.target.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes a short and a detailed caption from kept targets, in a closed vocabulary.
 *
 * <p>Captions are lower case; tokens are separated by single spaces, and "," and "." are tokens of
 * their own written right after the previous word ({@link #tokens(String)} splits them back). No
 * digits appear: counts are number words up to twenty ("many" beyond), positions are thirds of the
 * window ("early", "in the middle", "late"), periods are cycles per window. So every token is in
 * {@link #vocabulary()}, which a tokenizer can enumerate. Several phrasings exist for each
 * statement; the choice is seeded by the composer's seed and the window key, so captions are
 * reproducible. Immutable and thread-safe.
 */
public final class CaptionComposer {
  private static final String[] NUMBERS = {"zero", "one", "two", "three", "four", "five", "six",
      "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
      "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};
  private static final String[] POSITIONS = {"early", "in the middle", "late"};
  private static final String[][] TREND = {
      {"increasing", "an increasing series", "a rising series", "a series trending upward"},
      {"decreasing", "a decreasing series", "a falling series", "a series trending downward"},
      {"steady", "a steady series", "a level series", "a series without trend"},
      {"multiple", "a series that rises and falls", "a series with changing trend direction",
          "a series with several trend phases"}};
  private static final String[][] SEASON = {
      {"none", "no seasonality", "no repeating pattern"},
      {"sine", "a sine shaped seasonality", "smooth sine like cycles"},
      {"square", "a square wave seasonality", "square shaped cycles"},
      {"triangle", "a triangle wave seasonality", "triangle shaped cycles"}};
  private static final String[][] NOISE = {
      {"low", "low noise", "little noise"},
      {"medium", "medium noise", "moderate noise"},
      {"high", "high noise", "strong noise"}};
  private static final String[] STATIONARY = {"it looks stationary", "its level and spread stay stable"};
  private static final String[] NON_STATIONARY = {"it is not stationary", "its level does not stay stable"};
  private static final Map<EventType, String[]> EVENT_WORDS = eventWords();
  private static final String[] NO_EVENTS = {"no notable events", "no anomalies"};
  private static final String[] SEGMENT_WORDS = {"rising", "falling", "flat", "oscillating"};
  private static final String[] FIXED = {"the", "series", "has", "with", "and", "a", "an", "of",
      "about", "cycles", "per", "window", "segments", "segment", "then", "is", "shows", "there",
      "are", "it", "channel", "in", "many", "", ",", "."};

  private final long seed;

  private CaptionComposer(long seed) {
    this.seed = seed;
  }

  /**
   * The phrases a caption may use for shape value {@code value} of {@code facet} (trend,
   * seasonality or noise; lower case, for example {@code "high noise"}); empty for other facets
   * and unknown values.
   */
  public static List<String> shapePhrases(ShapeFacet facet, String value) {
    String[][] rows = facet == ShapeFacet.TREND ? TREND : facet == ShapeFacet.SEASONALITY ? SEASON
        : facet == ShapeFacet.NOISE ? NOISE : new String[0][];
    for (String[] row : rows) {
      if (row[0].equalsIgnoreCase(value)) {
        return List.of(row).subList(1, row.length);
      }
    }
    return List.of();
  }

  /** The phrases a caption uses for events of {@code type} (singular and plural). */
  public static List<String> eventPhrases(EventType type) {
    String[] w = EVENT_WORDS.get(type);
    return w == null ? List.of() : List.of(w);
  }

  /** The phrases a caption uses when a window has no events. */
  public static List<String> noEventPhrases() {
    return List.of(NO_EVENTS);
  }

  /** A composer whose phrasing choices derive from {@code seed}. */
  public static CaptionComposer of(long seed) {
    return new CaptionComposer(seed);
  }

  private static Map<EventType, String[]> eventWords() {
    Map<EventType, String[]> m = new TreeMap<>();
    m.put(EventType.SPIKE_UP, new String[] {"upward spike", "upward spikes"});
    m.put(EventType.SPIKE_DOWN, new String[] {"downward spike", "downward spikes"});
    m.put(EventType.SPIKE_RUN, new String[] {"run of spikes", "runs of spikes"});
    m.put(EventType.WIDE_SPIKE, new String[] {"wide spike", "wide spikes"});
    m.put(EventType.LEVEL_SHIFT_UP, new String[] {"upward level shift", "upward level shifts"});
    m.put(EventType.LEVEL_SHIFT_DOWN, new String[] {"downward level shift", "downward level shifts"});
    m.put(EventType.TREND_CHANGE, new String[] {"trend change", "trend changes"});
    m.put(EventType.DROPOUT, new String[] {"dropout to zero", "dropouts to zero"});
    m.put(EventType.FLATLINE, new String[] {"flatline", "flatlines"});
    m.put(EventType.MISSING_RUN, new String[] {"missing stretch", "missing stretches"});
    m.put(EventType.CLIPPING, new String[] {"clipped stretch", "clipped stretches"});
    m.put(EventType.ANOMALY, new String[] {"anomaly", "anomalies"});
    return m;
  }

  /** Every token a caption can contain, sorted, without duplicates. */
  public static List<String> vocabulary() {
    TreeSet<String> v = new TreeSet<>();
    List<String> phrases = new ArrayList<>(List.of(FIXED));
    phrases.addAll(List.of(NUMBERS));
    phrases.addAll(List.of(POSITIONS));
    phrases.addAll(List.of(STATIONARY));
    phrases.addAll(List.of(NON_STATIONARY));
    phrases.addAll(List.of(NO_EVENTS));
    phrases.addAll(List.of(SEGMENT_WORDS));
    for (String[][] table : new String[][][] {TREND, SEASON, NOISE}) {
      for (String[] row : table) {
        phrases.addAll(List.of(row).subList(1, row.length));
      }
    }
    for (String[] w : EVENT_WORDS.values()) {
      phrases.addAll(List.of(w));
    }
    for (String p : phrases) {
      v.addAll(tokens(p));
    }
    return List.copyOf(v);
  }

  /** Splits a caption into its tokens (words, ",", "."). */
  public static List<String> tokens(String caption) {
    List<String> out = new ArrayList<>();
    for (String w : caption.trim().split(" +")) {
      if (w.isEmpty()) {
        continue;
      }
      String core = w;
      String tail = "";
      while (!core.isEmpty() && (core.endsWith(",") || core.endsWith("."))) {
        tail = core.charAt(core.length() - 1) + tail;
        core = core.substring(0, core.length() - 1);
      }
      if (!core.isEmpty()) {
        out.add(core);
      }
      for (char c : tail.toCharArray()) {
        out.add(String.valueOf(c));
      }
    }
    return out;
  }

  /**
   * The short and the detailed caption of one window.
   *
   * @param kept the kept annotations of the window (targets of any channel)
   * @param length window length in samples
   * @param windowKey a stable key of the window (e.g. its index) that seeds the phrasing
   * @return the short caption, then the detailed one
   */
  public List<CaptionText> compose(List<Annotation> kept, int length, long windowKey) {
    SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + windowKey);
    TreeSet<Integer> channels = new TreeSet<>();
    for (Annotation a : kept) {
      channels.add(a.target().channel());
    }
    if (channels.isEmpty()) {
      channels.add(Target.WHOLE_WINDOW);
    }
    boolean multi = channels.size() > 1 || channels.first() >= 0;
    StringBuilder shortText = new StringBuilder();
    StringBuilder detail = new StringBuilder();
    for (int ch : channels) {
      if (ch == Target.WHOLE_WINDOW && multi) {
        continue;
      }
      ChannelView v = ChannelView.of(kept, ch);
      String prefix = multi ? "channel " + number(ch) + " is " : "";
      String subject = pick(r, row(TREND, v.tag(ShapeFacet.TREND, "steady")));
      String season = pick(r, row(SEASON, v.tag(ShapeFacet.SEASONALITY, "none")));
      String noise = pick(r, row(NOISE, v.tag(ShapeFacet.NOISE, "medium")));
      sentence(shortText, prefix + subject + " with " + season + ", " + noise + " and " + eventSummary(r, v) + ".");
      sentence(detail, prefix + subject + " with " + season + cycles(v, length) + ", " + noise + ".");
      String st = v.tag(ShapeFacet.STATIONARITY, null);
      if (st != null) {
        sentence(detail, pick(r, "stationary".equals(st) ? STATIONARY : NON_STATIONARY) + ".");
      }
      String ev = eventDetail(r, v, length);
      sentence(detail, ev.isEmpty() ? "there are " + pick(r, NO_EVENTS) + "." : ev);
      if (v.segments.size() > 1) {
        StringBuilder sg = new StringBuilder("it has " + number(v.segments.size()) + " segments ,");
        for (int i = 0; i < v.segments.size(); i++) {
          sg.append(i == 0 ? " " : " then ").append(v.segments.get(i).label().token());
        }
        sentence(detail, sg.toString().replace(" ,", ",") + ".");
      }
    }
    return List.of(new CaptionText(shortText.toString(), false), new CaptionText(detail.toString(), true));
  }

  private static void sentence(StringBuilder b, String s) {
    if (b.length() > 0) {
      b.append(' ');
    }
    b.append(s);
  }

  private static String[] row(String[][] table, String key) {
    for (String[] row : table) {
      if (row[0].equals(key)) {
        return java.util.Arrays.copyOfRange(row, 1, row.length);
      }
    }
    throw new IllegalArgumentException("no phrasing for '" + key + "'");
  }

  private static String pick(SplittableRandom r, String[] options) {
    return options[r.nextInt(options.length)];
  }

  static String number(int k) {
    return k >= 0 && k < NUMBERS.length ? NUMBERS[k] : "many";
  }

  private static String cycles(ChannelView v, int length) {
    Double p = v.numbers.get(Property.PERIOD);
    if (p == null || p <= 0 || "none".equals(v.tag(ShapeFacet.SEASONALITY, "none"))) {
      return "";
    }
    return " of about " + number((int) Math.round(length / p)) + " cycles per window";
  }

  private static String eventSummary(SplittableRandom r, ChannelView v) {
    if (v.events.isEmpty()) {
      return pick(r, NO_EVENTS);
    }
    Map<EventType, Integer> counts = new TreeMap<>();
    for (Event e : v.events) {
      counts.merge(e.type(), 1, Integer::sum);
    }
    List<String> parts = new ArrayList<>();
    for (Map.Entry<EventType, Integer> e : counts.entrySet()) {
      String[] w = EVENT_WORDS.get(e.getKey());
      parts.add(number(e.getValue()) + " " + (e.getValue() == 1 ? w[0] : w[1]));
    }
    return String.join(" and ", parts);
  }

  private static String eventDetail(SplittableRandom r, ChannelView v, int length) {
    StringBuilder b = new StringBuilder();
    for (Event e : v.events) {
      String pos = POSITIONS[Math.min(2, 3 * ((e.start() + e.end()) / 2) / Math.max(1, length))];
      String what = EVENT_WORDS.get(e.type())[0];
      String s = r.nextBoolean() ? "there is " + article(what) + " " + what + " " + pos + "."
          : "it shows " + article(what) + " " + what + " " + pos + ".";
      sentence(b, s);
    }
    return b.toString();
  }

  private static String article(String word) {
    return "aeiou".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
  }

  /** The kept targets of one channel. */
  private static final class ChannelView {
    final Map<ShapeFacet, String> tags = new TreeMap<>();
    final Map<Property, Double> numbers = new TreeMap<>();
    final List<Event> events = new ArrayList<>();
    final List<Segment> segments = new ArrayList<>();

    static ChannelView of(List<Annotation> kept, int ch) {
      ChannelView v = new ChannelView();
      for (Annotation a : kept) {
        Target t = a.target();
        if (t.channel() != ch) {
          continue;
        }
        if (t instanceof ShapeTag s) {
          v.tags.put(s.facet(), s.value());
        } else if (t instanceof NumericProperty p) {
          v.numbers.put(p.property(), p.value());
        } else if (t instanceof Event e) {
          v.events.add(e);
        } else if (t instanceof Segment s) {
          v.segments.add(s);
        }
      }
      v.events.sort(java.util.Comparator.comparingInt(Event::start));
      v.segments.sort(java.util.Comparator.comparingInt(Segment::start));
      return v;
    }

    String tag(ShapeFacet f, String dflt) {
      return tags.getOrDefault(f, dflt);
    }
  }
}
