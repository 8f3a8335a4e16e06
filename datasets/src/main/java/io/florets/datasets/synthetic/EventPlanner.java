package io.florets.datasets.synthetic;

import io.florets.datasets.target.EventType;
import java.util.ArrayList;
import java.util.List;

/**
 * Places local events in a window. Every event keeps a margin of {@link #margin(int)} samples to the
 * window's edges and to every other event (including the trend's breakpoints): at least that many
 * untouched samples lie strictly between two events' extents. Widths are capped at
 * {@link #widthCap(int)} so short windows still fit events. An event that finds no free place is
 * left out, so a channel may hold fewer events than drawn.
 */
final class EventPlanner {

  /** An event's type and extent before magnitudes are drawn. */
  record Planned(EventType type, int start, int end, List<Integer> positions) {
  }

  private EventPlanner() {
  }

  /** The separation margin in samples: {@code max(5, length / 32)} (8 for length 256). */
  static int margin(int length) {
    return Math.max(5, length / 32);
  }

  /** The largest event width: {@code max(5, min(20, length / 8))}. */
  static int widthCap(int length) {
    return Math.max(5, Math.min(20, length / 8));
  }

  /** The most events of the widest kind that fit a window with the margins. */
  static int capacity(int length) {
    int m = margin(length);
    return Math.max(0, (length - m) / (widthCap(length) + m));
  }

  /**
   * Plans up to {@code count} events of the configured types, avoiding {@code reserved} samples
   * (with the margin). Deterministic given {@code rng}.
   */
  static List<Planned> plan(SeededRandom rng, List<EventType> types, int length,
      List<Integer> reserved, int count) {
    int m = margin(length);
    boolean[] busy = new boolean[length];
    for (int p : reserved) {
      busy[p] = true;
    }
    List<Planned> out = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      EventType type = rng.pick(types);
      List<Integer> offsets = shape(type, rng, widthCap(length));
      int width = offsets.get(offsets.size() - 1) + 1;
      int start = place(rng, busy, width, m);
      if (start < 0) {
        continue;
      }
      List<Integer> positions = new ArrayList<>(offsets.size());
      for (int o : offsets) {
        positions.add(start + o);
      }
      for (int t = start; t < start + width; t++) {
        busy[t] = true;
      }
      out.add(new Planned(type, start, start + width - 1, positions));
    }
    return out;
  }

  /** The sample offsets (from the start) an event of this type touches; last = width - 1. */
  private static List<Integer> shape(EventType type, SeededRandom rng, int cap) {
    List<Integer> offsets = new ArrayList<>();
    switch (type) {
      case SPIKE_RUN: {
        int n = rng.intBetween(3, 5);
        int gap = rng.intBetween(2, 3);
        while (1 + (n - 1) * gap > cap) {
          if (gap > 2) {
            gap--;
          } else {
            n--;
          }
        }
        for (int i = 0; i < n; i++) {
          offsets.add(i * gap);
        }
        return offsets;
      }
      case WIDE_SPIKE: {
        int hi = Math.min(15, cap % 2 == 1 ? cap : cap - 1);
        int w = 5 + 2 * rng.intBetween(0, (hi - 5) / 2);
        return run(w);
      }
      case DROPOUT:
        return run(width(rng, 3, 12, cap));
      case FLATLINE:
        return run(width(rng, 6, 20, cap));
      case MISSING_RUN:
        return run(width(rng, 2, 15, cap));
      default:
        return List.of(0);
    }
  }

  private static int width(SeededRandom rng, int lo, int hi, int cap) {
    int h = Math.min(hi, cap);
    return rng.intBetween(Math.min(lo, h), h);
  }

  private static List<Integer> run(int width) {
    List<Integer> offsets = new ArrayList<>(width);
    for (int i = 0; i < width; i++) {
      offsets.add(i);
    }
    return offsets;
  }

  /** A uniformly drawn free start, or -1 if none: {@code [start - m, start + width - 1 + m]} free. */
  private static int place(SeededRandom rng, boolean[] busy, int width, int m) {
    int n = busy.length;
    int[] prefix = new int[n + 1];
    for (int t = 0; t < n; t++) {
      prefix[t + 1] = prefix[t] + (busy[t] ? 1 : 0);
    }
    List<Integer> free = new ArrayList<>();
    for (int s = m; s + width - 1 <= n - 1 - m; s++) {
      int lo = s - m;
      int hi = s + width - 1 + m;
      if (prefix[hi + 1] - prefix[lo] == 0) {
        free.add(s);
      }
    }
    return free.isEmpty() ? -1 : rng.pick(free);
  }
}
