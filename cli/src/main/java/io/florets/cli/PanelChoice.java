package io.florets.cli;

import io.florets.datasets.Window;
import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.Event;
import io.florets.datasets.target.EventType;
import java.util.ArrayList;
import java.util.List;

/**
 * Which windows the quickstart report draws in detail, in this order: for each labelled anomaly
 * window, the window holding its middle (NAB centres its windows on the anomaly it labels); the
 * window where the labelers found the most events; a quiet window away from the anomalies, for
 * comparison. No window twice.
 */
final class PanelChoice {
  private PanelChoice() {
  }

  /**
   * A chosen window.
   *
   * @param index its index among the windows
   * @param why why it was chosen, in words
   */
  record Choice(int index, String why) {
  }

  /**
   * Chooses among {@code ws} (in time order, with {@code kept} annotations each) given the labelled
   * {@code anomalies} (sample positions of the whole series).
   */
  static List<Choice> choose(List<Event> anomalies, List<Window> ws, List<List<Annotation>> kept) {
    List<Choice> out = new ArrayList<>();
    for (int k = 0; k < anomalies.size(); k++) {
      int at = (anomalies.get(k).start() + anomalies.get(k).end()) / 2;
      for (int i = 0; i < ws.size(); i++) {
        Window w = ws.get(i);
        if (at >= w.start() && at < w.start() + w.length() && !taken(out, i)) {
          out.add(new Choice(i, "Chosen because it holds the middle of labelled anomaly window "
              + (k + 1) + " (NAB centres each window on the anomaly it labels)."));
          break;
        }
      }
    }
    int busiest = -1;
    for (int i = 0; i < ws.size(); i++) {
      if (!taken(out, i) && events(kept.get(i)) > 0
          && (busiest < 0 || events(kept.get(i)) > events(kept.get(busiest)))) {
        busiest = i;
      }
    }
    if (busiest >= 0) {
      out.add(new Choice(busiest, "Chosen because the labelers found the most events here ("
          + events(kept.get(busiest)) + ")."));
    }
    int quiet = -1;
    for (int i = 0; i < ws.size(); i++) {
      if (!taken(out, i) && !overlaps(ws.get(i), anomalies)
          && (quiet < 0 || events(kept.get(i)) < events(kept.get(quiet)))) {
        quiet = i;
      }
    }
    if (quiet >= 0) {
      out.add(new Choice(quiet, "Chosen as a quiet window away from the labelled anomalies, for "
          + "comparison."));
    }
    return out;
  }

  private static boolean taken(List<Choice> cs, int i) {
    return cs.stream().anyMatch(c -> c.index() == i);
  }

  private static boolean overlaps(Window w, List<Event> anomalies) {
    int end = w.start() + w.length() - 1;
    return anomalies.stream().anyMatch(a -> a.start() <= end && a.end() >= w.start());
  }

  /** Events in a window's annotations, trend changes aside. */
  static int events(List<Annotation> as) {
    int n = 0;
    for (Annotation a : as) {
      if (a.target() instanceof Event e && e.type() != EventType.TREND_CHANGE) {
        n++;
      }
    }
    return n;
  }
}
