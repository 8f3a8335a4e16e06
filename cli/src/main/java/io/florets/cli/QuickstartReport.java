package io.florets.cli;

import io.florets.datasets.Series;
import io.florets.datasets.target.Event;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Draws the quickstart's HTML report: PNG charts (xchart) embedded as data URIs. */
final class QuickstartReport {
  private final StringBuilder body = new StringBuilder();

  void heading(String text) {
    body.append("<h2>").append(esc(text)).append("</h2>\n");
  }

  void paragraph(String text) {
    body.append("<p>").append(esc(text)).append("</p>\n");
  }

  void pre(String text) {
    body.append("<pre>").append(esc(text)).append("</pre>\n");
  }

  /** The series with located events (red bands) and segments boundaries (grey markers). */
  void seriesChart(String title, Series s, Map<String, List<Event>> eventsBySource,
      List<Integer> boundaries) throws IOException {
    XYChart c = new XYChartBuilder().width(1100).height(360).title(title).xAxisTitle("sample")
        .yAxisTitle("value").build();
    c.getStyler().setMarkerSize(0);
    int n = s.length();
    double[] x = new double[n];
    double[] y = new double[n];
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      x[i] = i;
      float v = s.value(0, i);
      y[i] = Float.isNaN(v) ? Double.NaN : v;
      if (!Float.isNaN(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    XYSeries line = c.addSeries("series", x, y);
    line.setMarker(SeriesMarkers.NONE);
    line.setLineColor(new Color(40, 90, 160));
    Color[] colors = {new Color(200, 30, 30), new Color(230, 140, 0), new Color(30, 150, 60)};
    int k = 0;
    for (Map.Entry<String, List<Event>> e : eventsBySource.entrySet()) {
      List<Double> ex = new ArrayList<>();
      List<Double> ey = new ArrayList<>();
      double level = hi + (hi - lo) * 0.04 * (k + 1);
      for (Event ev : e.getValue()) {
        ex.add((double) ev.start());
        ey.add(level);
        ex.add((double) ev.end());
        ey.add(level);
        ex.add((double) ev.end());
        ey.add(Double.NaN);
      }
      if (!ex.isEmpty()) {
        XYSeries es = c.addSeries(e.getKey(), ex, ey);
        es.setMarker(SeriesMarkers.DIAMOND);
        es.setLineColor(colors[k % colors.length]);
        es.setMarkerColor(colors[k % colors.length]);
      }
      k++;
    }
    if (!boundaries.isEmpty()) {
      List<Double> bx = new ArrayList<>();
      List<Double> by = new ArrayList<>();
      for (int b : boundaries) {
        bx.add((double) b);
        by.add(lo - (hi - lo) * 0.03);
      }
      XYSeries bs = c.addSeries("segment boundaries", bx, by);
      bs.setMarker(SeriesMarkers.TRIANGLE_UP);
      bs.setLineStyle(new java.awt.BasicStroke(0f));
      bs.setMarkerColor(Color.DARK_GRAY);
    }
    image(BitmapEncoder.getBitmapBytes(c, BitmapEncoder.BitmapFormat.PNG));
  }

  /** A bar chart of named values per group. */
  void bars(String title, String yTitle, List<String> categories, Map<String, List<Double>> groups)
      throws IOException {
    CategoryChart c = new CategoryChartBuilder().width(1100).height(360).title(title)
        .yAxisTitle(yTitle).build();
    c.getStyler().setXAxisLabelRotation(30);
    for (Map.Entry<String, List<Double>> g : groups.entrySet()) {
      c.addSeries(g.getKey(), categories, g.getValue());
    }
    image(BitmapEncoder.getBitmapBytes(c, BitmapEncoder.BitmapFormat.PNG));
  }

  private void image(byte[] png) {
    body.append("<img alt=\"chart\" src=\"data:image/png;base64,")
        .append(Base64.getEncoder().encodeToString(png)).append("\"/>\n");
  }

  void write(Path file, String title) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    String html = "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>" + esc(title)
        + "</title><style>body{font-family:sans-serif;max-width:1150px;margin:auto}"
        + "pre{background:#f4f4f4;padding:8px;white-space:pre-wrap}</style></head><body>\n<h1>"
        + esc(title) + "</h1>\n" + body + "</body></html>\n";
    b.write(html.getBytes(StandardCharsets.UTF_8));
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, b.toByteArray());
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
