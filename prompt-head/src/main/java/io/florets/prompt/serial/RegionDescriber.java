package io.florets.prompt.serial;

import io.florets.datasets.target.Event;
import io.florets.datasets.target.Segment;
import io.florets.datasets.target.Target;
import io.florets.prompt.vocab.Quantizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The reference description of a region for {@code <REGION_TO_DESCRIPTION>}: the segments and events
 * whose quantised span lies inside the region, in order of start, as {@code "rising segment and
 * spike_up event on channel 2"}; {@code "no events"} if none.
 */
final class RegionDescriber {
  /** Most items named in one description. */
  static final int MAX_ITEMS = 6;

  private RegionDescriber() {
  }

  static String describe(int[] bins, List<Target> targets, int length) {
    int a = bins[0];
    int b = bins[1];
    List<Object[]> items = new ArrayList<>();
    for (Target t : targets) {
      if (t instanceof Segment s) {
        add(items, a, b, s.start(), s.end(), 0, s.label().token() + " segment" + channel(s.channel()), length);
      } else if (t instanceof Event e) {
        add(items, a, b, e.start(), e.end(), 1, e.type().token() + " event" + channel(e.channel()), length);
      }
    }
    if (items.isEmpty()) {
      return "no events";
    }
    items.sort(Comparator.<Object[]>comparingInt(o -> (Integer) o[0]).thenComparingInt(o -> (Integer) o[1])
        .thenComparing(o -> (String) o[2]));
    return items.stream().map(o -> (String) o[2]).distinct().limit(MAX_ITEMS).collect(Collectors.joining(" and "));
  }

  private static void add(List<Object[]> items, int a, int b, int start, int end, int kind, String text, int length) {
    int qa = Quantizer.quantize(start, length);
    int qb = Quantizer.quantize(end, length);
    if (qa >= a && qb <= b) {
      items.add(new Object[] {qa, kind, text});
    }
  }

  private static String channel(int c) {
    return c < 0 ? "" : " on channel " + c;
  }
}
