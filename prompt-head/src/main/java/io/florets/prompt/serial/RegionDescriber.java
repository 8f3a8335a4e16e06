package io.florets.prompt.serial;

import io.florets.datasets.target.Event;
import io.florets.datasets.target.EventType;
import io.florets.datasets.target.Segment;
import io.florets.datasets.target.SegmentLabel;
import io.florets.datasets.target.Target;
import io.florets.prompt.vocab.Quantizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The reference description of a region for {@code <REGION_TO_DESCRIPTION>}: the segments and events
 * whose quantised span lies inside the region, in order of start, as {@code "rising segment and
 * spike_up event on channel 2"}; {@code "no events"} if none. Its closed word list is
 * {@link #vocabulary(int)}.
 */
final class RegionDescriber {
  /** Most items named in one description. */
  static final int MAX_ITEMS = 6;
  private static final String SEGMENT = " segment";
  private static final String EVENT = " event";
  private static final String ON_CHANNEL = " on channel ";
  private static final String AND = " and ";
  private static final String NOTHING = "no events";

  private RegionDescriber() {
  }

  static String describe(int[] bins, List<Target> targets, int length) {
    int a = bins[0];
    int b = bins[1];
    List<Object[]> items = new ArrayList<>();
    for (Target t : targets) {
      if (t instanceof Segment s) {
        add(items, a, b, s.start(), s.end(), 0, s.label().token() + SEGMENT + channel(s.channel()), length);
      } else if (t instanceof Event e) {
        add(items, a, b, e.start(), e.end(), 1, e.type().token() + EVENT + channel(e.channel()), length);
      }
    }
    if (items.isEmpty()) {
      return NOTHING;
    }
    items.sort(Comparator.<Object[]>comparingInt(o -> (Integer) o[0]).thenComparingInt(o -> (Integer) o[1])
        .thenComparing(o -> (String) o[2]));
    return items.stream().map(o -> (String) o[2]).distinct().limit(MAX_ITEMS).collect(Collectors.joining(AND));
  }

  private static void add(List<Object[]> items, int a, int b, int start, int end, int kind, String text, int length) {
    int qa = Quantizer.quantize(start, length);
    int qb = Quantizer.quantize(end, length);
    if (qa >= a && qb <= b) {
      items.add(new Object[] {qa, kind, text});
    }
  }

  private static String channel(int c) {
    return c < 0 ? "" : ON_CHANNEL + c;
  }

  /**
   * Every word a description can contain when channels are numbered {@code 0..channels-1}: the
   * segment labels, event types, the joining words and the channel numbers (no punctuation).
   */
  static List<String> vocabulary(int channels) {
    TreeSet<String> v = new TreeSet<>();
    List<String> phrases = new ArrayList<>(List.of(SEGMENT, EVENT, ON_CHANNEL, AND, NOTHING));
    for (SegmentLabel l : SegmentLabel.values()) {
      phrases.add(l.token());
    }
    for (EventType t : EventType.values()) {
      phrases.add(t.token());
    }
    for (int c = 0; c < channels; c++) {
      phrases.add(channel(c));
    }
    for (String p : phrases) {
      for (String w : p.trim().split(" +")) {
        v.add(w);
      }
    }
    return List.copyOf(v);
  }
}
