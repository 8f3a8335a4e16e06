package io.florets.cli;

import io.florets.datasets.target.EventType;
import io.florets.datasets.target.SegmentLabel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws one channel of a series as an inline SVG figure (no scripts, no network): the line on its
 * time axis, shaded spans (e.g. labelled anomaly windows), events as markers on the line where they
 * happen, and strips under the axis for segments. Each mark carries a tooltip. A legend under the
 * chart names what each colour and marker means. Not thread-safe; draw, then {@link #render()}.
 */
final class SeriesSvg {
  private static final int LEFT = 64;
  private static final int RIGHT = 16;
  private static final int TOP = 22;
  private static final int AXIS = 34;
  private static final int STRIP = 20;

  private final float[] values;
  private final TimeAxis axis;
  private final int width;
  private final int plotHeight;
  private final String yTitle;
  private final double lo;
  private final double hi;
  private final StringBuilder under = new StringBuilder();
  private final StringBuilder over = new StringBuilder();
  private final StringBuilder strips = new StringBuilder();
  private final Map<String, String> legend = new LinkedHashMap<>();
  private int stripCount;

  /**
   * A chart of {@code values} (NaN = missing, drawn as a gap) over {@code axis}.
   *
   * @throws IllegalArgumentException if the axis and the values differ in length
   */
  SeriesSvg(float[] values, TimeAxis axis, int width, int plotHeight, String yTitle) {
    if (values.length != axis.length()) {
      throw new IllegalArgumentException(values.length + " values on an axis of " + axis.length());
    }
    this.values = values;
    this.axis = axis;
    this.width = width;
    this.plotHeight = plotHeight;
    this.yTitle = yTitle;
    double a = Double.POSITIVE_INFINITY;
    double b = Double.NEGATIVE_INFINITY;
    for (float v : values) {
      if (!Float.isNaN(v)) {
        a = Math.min(a, v);
        b = Math.max(b, v);
      }
    }
    if (a > b) {
      a = 0;
      b = 1;
    }
    double pad = b > a ? (b - a) * 0.08 : 1;
    lo = a - pad;
    hi = b + pad;
  }

  private double x(double position) {
    return LEFT + (position + 0.5) / values.length * (width - LEFT - RIGHT);
  }

  private double y(double v) {
    return TOP + (hi - v) / (hi - lo) * plotHeight;
  }

  /** A shaded span over samples {@code from..to}, with a short label at its top. */
  SeriesSvg band(int from, int to, String fill, String label, String tooltip, String legendText) {
    double x0 = x(from - 0.5);
    double w = Math.max(2, x(to + 0.5) - x0);
    under.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" "
        + "fill=\"%s\"><title>%s</title></rect>%n", x0, TOP, w, plotHeight, fill, ReportPage.esc(tooltip)));
    if (label != null && !label.isEmpty()) {
      under.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"bandlabel\">%s</text>%n",
          x0 + 3, TOP + 12, ReportPage.esc(label)));
    }
    if (legendText != null) {
      legend.putIfAbsent(legendText, "<span class=\"sw\" style=\"background:" + fill + "\"></span>");
    }
    return this;
  }

  /** A dashed outline over samples {@code from..to} with a letter above it (a window drawn below). */
  SeriesSvg outline(int from, int to, String letter, String tooltip) {
    double x0 = x(from - 0.5);
    double w = Math.max(2, x(to + 0.5) - x0);
    over.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" "
        + "fill=\"none\" stroke=\"#333\" stroke-dasharray=\"4 3\"><title>%s</title></rect>%n"
        + "<text x=\"%.1f\" y=\"%d\" class=\"letter\">%s</text>%n", x0, TOP, w, plotHeight,
        ReportPage.esc(tooltip), x0 + w / 2, TOP - 6, ReportPage.esc(letter)));
    return this;
  }

  /**
   * An event over samples {@code start..end}, drawn on the line: the stretch is traced in the
   * event's colour and a marker sits on its most extreme sample (a filled dot for the labelers, an
   * open diamond for the model).
   */
  SeriesSvg event(EventType type, int start, int end, boolean model, String tooltip) {
    int s = clamp(start);
    int e = clamp(Math.max(start, end));
    String color = Palette.color(type);
    if (e > s) {
      over.append("<polyline fill=\"none\" stroke=\"").append(color)
          .append("\" stroke-width=\"3\" opacity=\"0.8\" points=\"");
      for (int t = s; t <= e; t++) {
        if (!Float.isNaN(values[t])) {
          over.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(t), y(values[t])));
        }
      }
      over.append("\"/>\n");
    }
    int at = extreme(s, e);
    double cx = x(at);
    double cy = Float.isNaN(values[at]) ? TOP + plotHeight - 6 : y(values[at]);
    if (model) {
      over.append(String.format(Locale.ROOT, "<path d=\"M%.1f %.1f l7 7 l-7 7 l-7 -7 z\" fill=\"white\" "
          + "fill-opacity=\"0.6\" stroke=\"%s\" stroke-width=\"2.2\"><title>%s</title></path>%n",
          cx, cy - 7, color, ReportPage.esc(tooltip)));
    } else {
      over.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4.5\" fill=\"%s\" "
          + "stroke=\"white\" stroke-width=\"1\"><title>%s</title></circle>%n", cx, cy, color,
          ReportPage.esc(tooltip)));
    }
    legend.putIfAbsent(ReadoutWords.words(type.token()), "<span class=\"sw\" style=\"background:" + color
        + "\"></span>");
    return this;
  }

  /** A vertical dashed line at sample {@code position} (e.g. a segment boundary). */
  SeriesSvg boundary(double position, String color, String tooltip) {
    double bx = x(position - 0.5);
    under.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" "
        + "stroke=\"%s\" stroke-dasharray=\"2 3\"><title>%s</title></line>%n", bx, TOP, bx,
        TOP + plotHeight, color, ReportPage.esc(tooltip)));
    return this;
  }

  /** A dotted horizontal line at {@code value}, labelled at its right end (e.g. a stated mean). */
  SeriesSvg level(double value, String label) {
    if (!(value >= lo && value <= hi)) {
      return this;
    }
    double yy = y(value);
    over.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" "
        + "stroke=\"#2ca02c\" stroke-width=\"1.2\" stroke-dasharray=\"1 3\"><title>%s</title></line>"
        + "<text x=\"%d\" y=\"%.1f\" class=\"halo\" text-anchor=\"end\">%s</text>%n",
        LEFT, yy, width - RIGHT, yy, ReportPage.esc(label), width - RIGHT - 4, yy - 3, ReportPage.esc(label)));
    return this;
  }

  /** One segment of a strip under the axis. */
  record StripItem(int start, int end, SegmentLabel label, String tooltip) {
  }

  /** A strip of segments under the chart, named {@code name} at its left. */
  SeriesSvg strip(String name, List<StripItem> items) {
    int top = TOP + plotHeight + AXIS + stripCount * STRIP;
    strips.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"strip\" "
        + "text-anchor=\"end\">%s</text>%n", LEFT - 4, top + 13, ReportPage.esc(name)));
    if (items.isEmpty()) {
      strips.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"strip\">(none)</text>%n",
          LEFT + 4, top + 13));
    }
    for (StripItem it : items) {
      double x0 = x(clamp(it.start()) - 0.5);
      double w = Math.max(2, x(clamp(it.end()) + 0.5) - x0);
      String fill = Palette.color(it.label());
      strips.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" "
          + "fill=\"%s\" stroke=\"white\"><title>%s</title></rect>%n", x0, top + 2, w, STRIP - 4,
          fill, ReportPage.esc(it.tooltip())));
      if (w > 8 * it.label().token().length() + 6) {
        strips.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"strip\">%s</text>%n",
            x0 + 4, top + 13, ReportPage.esc(it.label().token())));
      }
      legend.putIfAbsent("segment: " + it.label().token(), "<span class=\"sw\" style=\"background:"
          + fill + "\"></span>");
    }
    stripCount++;
    return this;
  }

  /** Adds a legend entry for the labelers' and the model's markers. */
  SeriesSvg markerLegend(boolean labelers, boolean model) {
    if (labelers) {
      legend.putIfAbsent("labelers (consensus): filled dot", "<svg width=\"14\" height=\"14\">"
          + "<circle cx=\"7\" cy=\"7\" r=\"5\" fill=\"#555\"/></svg>");
    }
    if (model) {
      legend.putIfAbsent("model: open diamond", "<svg width=\"16\" height=\"16\"><path d=\"M8 1 l7 7 "
          + "l-7 7 l-7 -7 z\" fill=\"white\" stroke=\"#555\" stroke-width=\"2\"/></svg>");
    }
    return this;
  }

  /** The figure: the SVG, then its legend, then {@code caption} (plain text) if given. */
  String render(String caption) {
    int height = TOP + plotHeight + AXIS + stripCount * STRIP + 4;
    StringBuilder b = new StringBuilder("<figure>\n");
    b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
        + "width=\"%d\" height=\"%d\" role=\"img\">%n", width, height, width, height));
    b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
        + "fill=\"#fcfcfc\" stroke=\"#ccc\"/>%n", LEFT, TOP, width - LEFT - RIGHT, plotHeight));
    b.append(under);
    yAxis(b);
    xAxis(b);
    b.append(LinePath.svg(values, this::x, this::y, width - LEFT - RIGHT));
    b.append(over);
    b.append(strips);
    b.append("</svg>\n");
    if (!legend.isEmpty()) {
      b.append("<div class=\"legend\">");
      legend.forEach((text, swatch) -> b.append("<span>").append(swatch).append(' ')
          .append(ReportPage.esc(text)).append("</span>"));
      b.append("</div>\n");
    }
    if (caption != null) {
      b.append("<figcaption>").append(ReportPage.esc(caption)).append("</figcaption>\n");
    }
    return b.append("</figure>\n").toString();
  }

  private void yAxis(StringBuilder b) {
    double raw = (hi - lo) / 5;
    double mag = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = raw / mag < 2 ? 2 * mag : raw / mag < 5 ? 5 * mag : 10 * mag;
    for (double v = Math.ceil(lo / step) * step; v <= hi; v += step) {
      double yy = y(v);
      b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" "
          + "stroke=\"#e6e6e6\"/><text x=\"%d\" y=\"%.1f\" class=\"tick\" text-anchor=\"end\">%s</text>%n",
          LEFT, yy, width - RIGHT, yy, LEFT - 5, yy + 4, number(v, step)));
    }
    b.append(String.format(Locale.ROOT, "<text x=\"12\" y=\"%d\" class=\"tick\" transform=\"rotate(-90 12 %d)\" "
        + "text-anchor=\"middle\">%s</text>%n", TOP + plotHeight / 2, TOP + plotHeight / 2, ReportPage.esc(yTitle)));
  }

  private void xAxis(StringBuilder b) {
    int base = TOP + plotHeight;
    int wanted = Math.max(3, (width - LEFT - RIGHT) / 110);
    for (TimeAxis.Tick t : axis.ticks(wanted)) {
      double xx = x(t.position());
      b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#999\"/>"
          + "<text x=\"%.1f\" y=\"%d\" class=\"tick\" text-anchor=\"middle\">%s</text>%n", xx, base, xx,
          base + 5, xx, base + 18, ReportPage.esc(t.label())));
    }
    b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"tick\" text-anchor=\"end\">%s</text>%n",
        width - RIGHT, base + 31, axis.hasTime() ? "time (as written in the file)" : "sample"));
  }

  /** The sample of {@code s..e} farthest from the stretch's middle value (the event's peak). */
  private int extreme(int s, int e) {
    if (s == e) {
      return s;
    }
    double mid = (lo + hi) / 2;
    int best = s;
    double far = -1;
    for (int t = s; t <= e; t++) {
      if (!Float.isNaN(values[t]) && Math.abs(values[t] - mid) > far) {
        far = Math.abs(values[t] - mid);
        best = t;
      }
    }
    return best;
  }

  private int clamp(int t) {
    return Math.max(0, Math.min(values.length - 1, t));
  }

  private static String number(double v, double step) {
    int decimals = (int) Math.max(0, Math.ceil(-Math.log10(step) + 1e-9));
    return String.format(Locale.ROOT, "%." + decimals + "f", Math.abs(v) < step / 1e6 ? 0 : v);
  }
}
