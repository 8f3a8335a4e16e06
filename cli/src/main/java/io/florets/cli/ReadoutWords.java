package io.florets.cli;

import io.florets.prompt.readout.Alert;
import io.florets.prompt.readout.Caption;
import io.florets.prompt.readout.Embedding;
import io.florets.prompt.readout.Events;
import io.florets.prompt.readout.Label;
import io.florets.prompt.readout.Numeric;
import io.florets.prompt.readout.NumericProperties;
import io.florets.prompt.readout.Readout;
import io.florets.prompt.readout.Segments;
import io.florets.prompt.readout.ShapeTags;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Time-series readouts in words for people: positions as times on the window's axis (never bin
 * tokens), underscores as spaces, numbers with their units, and each confidence with a word for
 * it. Stateless.
 */
final class ReadoutWords {
  /** Confidence at or above this is called high. */
  static final double HIGH = 0.8;
  /** Confidence at or above this (and below {@link #HIGH}) is called medium; below it, low. */
  static final double MEDIUM = 0.5;

  private ReadoutWords() {
  }

  /** {@code "high"}, {@code "medium"} or {@code "low"}. */
  static String level(double confidence) {
    return confidence >= HIGH ? "high" : confidence >= MEDIUM ? "medium" : "low";
  }

  /** {@code "confidence 0.83, high"}. */
  static String confidence(double c) {
    return String.format(Locale.ROOT, "confidence %.2f, %s", c, level(c));
  }

  /** A value with about four significant digits, without an exponent for everyday magnitudes. */
  static String number(double v) {
    double a = Math.abs(v);
    if (Double.isNaN(v)) {
      return "not a number";
    }
    if (a == 0) {
      return "0";
    }
    if (a >= 1000) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    if (a >= 100) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    if (a >= 1) {
      return String.format(Locale.ROOT, "%.2f", v);
    }
    if (a >= 0.001) {
      return String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "");
    }
    return String.format(Locale.ROOT, "%.2e", v);
  }

  /**
   * The readout as lines of plain text. Positions are relative to the window, named through
   * {@code axis}; {@code withConfidence} adds each item's confidence (off for targets, which have
   * none).
   */
  static List<String> lines(Readout r, TimeAxis axis, boolean withConfidence) {
    List<String> out = new ArrayList<>();
    if (r instanceof Label l) {
      out.add(words(l.name()) + conf(l.confidence(), withConfidence));
    } else if (r instanceof Caption c) {
      out.add("\u201c" + words(c.text()) + "\u201d" + conf(c.confidence(), withConfidence));
    } else if (r instanceof ShapeTags t) {
      for (ShapeTags.Tag x : t.tags()) {
        out.add(words(x.facet().token()) + ": " + words(x.value()) + channel(x.channel())
            + conf(x.confidence(), withConfidence));
      }
    } else if (r instanceof NumericProperties p) {
      for (Numeric n : p.values()) {
        out.add(numeric(n, withConfidence));
      }
    } else if (r instanceof Numeric n) {
      out.add(numeric(n, withConfidence));
    } else if (r instanceof Events e) {
      for (Events.Item x : e.events()) {
        out.add(event(x, axis, withConfidence));
      }
      if (out.isEmpty()) {
        out.add("no events");
      }
    } else if (r instanceof Segments g) {
      for (Segments.Item x : g.segments()) {
        out.add(words(x.label().token()) + channel(x.channel()) + " from " + position(axis, x.start())
            + " to " + position(axis, x.end()) + conf(x.confidence(), withConfidence));
      }
    } else if (r instanceof Alert a) {
      out.add((a.abnormal() ? "abnormal" : "normal") + conf(a.confidence(), withConfidence));
      for (Events.Item x : a.events()) {
        out.add("because of: " + event(x, axis, false));
      }
    } else if (r instanceof Embedding e) {
      out.add("a vector of " + e.dimension() + " numbers for similarity search (not shown)");
    } else {
      out.add(words(r.kind()));
    }
    return out;
  }

  private static String event(Events.Item x, TimeAxis axis, boolean withConfidence) {
    String where = Math.round(x.start()) == Math.round(x.end())
        ? "at " + position(axis, x.start())
        : "from " + position(axis, x.start()) + " to " + position(axis, x.end());
    return words(x.type().token()) + channel(x.channel()) + " " + where
        + conf(x.confidence(), withConfidence);
  }

  /** A window position: its time (if any) and its sample of the window. */
  static String position(TimeAxis axis, double p) {
    String sample = String.format(Locale.ROOT, "sample %d", Math.round(p));
    return axis.hasTime() ? axis.at(p) + " (" + sample + ")" : sample;
  }

  private static String numeric(Numeric n, boolean withConfidence) {
    String unit = n.property().unit();
    String u = unit.equals("1") || unit.equals("value") ? "" : " " + unit.replace("value/sample",
        "per sample");
    return words(n.property().token()) + channel(n.channel()) + " " + number(n.value()) + u
        + conf(n.confidence(), withConfidence);
  }

  private static String conf(double c, boolean show) {
    return show ? " (" + confidence(c) + ")" : "";
  }

  private static String channel(int c) {
    return c < 0 ? "" : " on channel " + c;
  }

  /** Underscores (as in {@code trend_change}) read as spaces. */
  static String words(String s) {
    return s.replace('_', ' ');
  }
}
