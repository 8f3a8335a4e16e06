package io.florets.labelers.consensus;

import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.Event;
import io.florets.datasets.target.EventType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How often an event report that no other labeler confirms is true, per labeler, event type and
 * confidence decile, counted on the reliability windows ({@link ReliabilityPrior}) against the
 * generator's truth. {@link EventConsensus} keeps such a solo report when its cell was right at
 * least {@link #MIN_PRECISION} of the time: a report that is right with probability {@code p}
 * raises an F1 score {@code F} when {@code p > F / 2}, and the event F1 of a useful suite is near
 * or above 0.85, so half is the bar. A cell with fewer than {@link #MIN_REPORTS} reports decides
 * nothing, and the plain rule (support, or one confident report) applies.
 *
 * <p>Why: a labeler's confidence means different things for different labelers and types. On the
 * reliability windows, {@code changepoint.pelt}'s unconfirmed level shifts at confidence 0.9 and above
 * were right about one time in eight, and were kept as confident; {@code spike.robustz}'s unconfirmed
 * spike runs at 0.6 to 0.9 were right three times in four, and were dropped as unconfirmed.
 */
final class SoloReliability {
  /** Least share of true reports in a cell for its reports to be kept. */
  static final double MIN_PRECISION = 0.5;
  /** Fewest reports in a cell for it to decide. */
  static final int MIN_REPORTS = 10;
  /** Confidence bins: deciles. */
  static final int BINS = 10;

  /** source -> type -> {true reports per bin, reports per bin}. */
  private final Map<String, Map<EventType, long[][]>> counts = new HashMap<>();

  /**
   * Counts one window's unconfirmed reports.
   *
   * @param raw the suite's annotations of the window
   * @param truth the window's true events
   * @param tol matching tolerance in samples
   */
  void add(List<Annotation> raw, List<Event> truth, int tol) {
    for (Annotation a : raw) {
      if (!(a.target() instanceof Event e) || confirmed(a, e, raw, tol)) {
        continue;
      }
      boolean right = false;
      for (Event t : truth) {
        if (t.type() == e.type() && t.channel() == e.channel() && EventMatching.matches(t, e, tol)) {
          right = true;
          break;
        }
      }
      long[][] c = counts.computeIfAbsent(a.source(), k -> new java.util.EnumMap<>(EventType.class))
          .computeIfAbsent(e.type(), k -> new long[2][BINS]);
      int b = bin(a.confidence());
      c[0][b] += right ? 1 : 0;
      c[1][b]++;
    }
  }

  /** True if another labeler reported the same type and channel within the tolerance. */
  static boolean confirmed(Annotation a, Event e, List<Annotation> raw, int tol) {
    for (Annotation o : raw) {
      if (o != a && !o.source().equals(a.source()) && o.target() instanceof Event f
          && f.type() == e.type() && f.channel() == e.channel() && EventMatching.matches(e, f, tol)) {
        return true;
      }
    }
    return false;
  }

  private static int bin(double confidence) {
    return (int) Math.max(0, Math.min(BINS - 1, Math.floor(confidence * BINS)));
  }

  /**
   * Whether an unconfirmed report should be kept.
   *
   * @return {@code TRUE}/{@code FALSE} when its cell has enough reports to decide, else
   *     {@code null}
   */
  Boolean keep(String source, EventType type, double confidence) {
    Map<EventType, long[][]> bySource = counts.get(source);
    long[][] c = bySource == null ? null : bySource.get(type);
    if (c == null) {
      return null;
    }
    int b = bin(confidence);
    if (c[1][b] < MIN_REPORTS) {
      return null;
    }
    return c[0][b] >= MIN_PRECISION * c[1][b];
  }

  /** The share of true reports in a cell, or NaN when it is empty (for reports and tests). */
  double precision(String source, EventType type, double confidence) {
    Map<EventType, long[][]> bySource = counts.get(source);
    long[][] c = bySource == null ? null : bySource.get(type);
    int b = bin(confidence);
    return c == null || c[1][b] == 0 ? Double.NaN : (double) c[0][b] / c[1][b];
  }
}
