package io.florets.labelers.consensus;

import io.florets.datasets.target.Event;
import java.util.List;

/**
 * Matching of events within a tolerance: two events match when they have the same type and
 * channel and their starts, and their ends, differ by at most {@code tol} samples. Stateless.
 */
public final class EventMatching {
  private EventMatching() {
  }

  /** True if {@code a} and {@code b} match within {@code tol}. */
  public static boolean matches(Event a, Event b, int tol) {
    return a.type() == b.type() && a.channel() == b.channel()
        && Math.abs(a.start() - b.start()) <= tol && Math.abs(a.end() - b.end()) <= tol;
  }

  /**
   * The number of one-to-one matches between {@code predicted} and {@code truth} (greedy, each
   * truth event used once, closest first).
   */
  public static int countMatches(List<Event> predicted, List<Event> truth, int tol) {
    boolean[] used = new boolean[truth.size()];
    int hits = 0;
    for (Event p : predicted) {
      int best = -1;
      int bestDist = Integer.MAX_VALUE;
      for (int i = 0; i < truth.size(); i++) {
        Event t = truth.get(i);
        if (!used[i] && matches(p, t, tol)) {
          int d = Math.abs(p.start() - t.start()) + Math.abs(p.end() - t.end());
          if (d < bestDist) {
            bestDist = d;
            best = i;
          }
        }
      }
      if (best >= 0) {
        used[best] = true;
        hits++;
      }
    }
    return hits;
  }
}
