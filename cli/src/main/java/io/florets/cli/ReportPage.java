package io.florets.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A self-contained HTML page (inline SVG and CSS; no scripts, fonts or images fetched from
 * anywhere) built section by section. Text given to {@link #paragraph} and {@link #table} is
 * escaped; {@link #raw} takes markup made by this package (figures). Not thread-safe.
 */
final class ReportPage {
  private static final String CSS = "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,"
      + "sans-serif;max-width:1320px;margin:16px auto;padding:0 12px;color:#222;line-height:1.45}"
      + "h1{font-size:1.7em;margin-bottom:.2em}h2{margin-top:1.6em;border-bottom:1px solid #ddd}"
      + "h3{margin-bottom:.3em}figure{margin:8px 0}svg{max-width:100%;height:auto}"
      + "figcaption{font-size:.9em;color:#555}.legend{font-size:.85em;color:#333;margin:2px 0 4px 64px}"
      + ".legend>span{margin-right:14px;white-space:nowrap;display:inline-block}"
      + ".sw{display:inline-block;width:12px;height:12px;border-radius:2px;vertical-align:-1px;"
      + "box-shadow:inset 0 0 0 1px rgba(0,0,0,.25)}.halo{font-size:11px;paint-order:stroke;stroke:#fff;stroke-width:3px;"
      + "fill:#1a7a1a}"
      + "text{font-family:inherit}.tick{font-size:11px;fill:#444}.strip{font-size:11px;fill:#222}"
      + ".bandlabel{font-size:11px;fill:#a33;paint-order:stroke;stroke:#fff;stroke-width:3px}.letter{font-size:14px;font-weight:bold;text-anchor:middle}"
      + "table{border-collapse:collapse;margin:6px 0 12px;font-size:.92em}"
      + "th,td{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}"
      + "th{background:#f3f3f3}td.num{text-align:right;font-variant-numeric:tabular-nums}"
      + ".conf{color:#666;font-size:.9em}.note{color:#555;font-size:.9em}"
      + "pre{background:#f6f6f6;padding:8px;white-space:pre-wrap;font-size:.85em}"
      + "code{background:#f3f3f3;padding:0 3px}.panel{border:1px solid #ddd;padding:4px 12px;"
      + "margin:14px 0;border-radius:4px}";

  private final StringBuilder body = new StringBuilder();

  ReportPage heading(String text) {
    body.append("<h2>").append(esc(text)).append("</h2>\n");
    return this;
  }

  ReportPage subheading(String text) {
    body.append("<h3>").append(esc(text)).append("</h3>\n");
    return this;
  }

  ReportPage paragraph(String text) {
    body.append("<p>").append(esc(text)).append("</p>\n");
    return this;
  }

  ReportPage note(String text) {
    body.append("<p class=\"note\">").append(esc(text)).append("</p>\n");
    return this;
  }

  ReportPage pre(String text) {
    body.append("<pre>").append(esc(text)).append("</pre>\n");
    return this;
  }

  /** Markup made by this package (e.g. a {@link SeriesSvg} figure), inserted as is. */
  ReportPage raw(String html) {
    body.append(html);
    return this;
  }

  /**
   * A table; each cell is a list of text lines (escaped, one per line). Cells that parse as numbers
   * are right-aligned; a line starting with {@code "("} is set as a note (e.g. a confidence).
   */
  ReportPage table(List<String> header, List<List<List<String>>> rows) {
    body.append("<table><tr>");
    header.forEach(h -> body.append("<th>").append(esc(h)).append("</th>"));
    body.append("</tr>\n");
    for (List<List<String>> row : rows) {
      body.append("<tr>");
      for (List<String> cell : row) {
        boolean num = cell.size() == 1 && cell.get(0).matches("-?[0-9][0-9.,]*%?");
        body.append(num ? "<td class=\"num\">" : "<td>");
        for (int i = 0; i < cell.size(); i++) {
          String line = cell.get(i);
          body.append(i > 0 ? "<br>" : "");
          body.append(line.startsWith("(") ? "<span class=\"conf\">" + esc(line) + "</span>"
              : esc(line));
        }
        body.append("</td>");
      }
      body.append("</tr>\n");
    }
    body.append("</table>\n");
    return this;
  }

  /** A one-line-per-cell table. */
  ReportPage simpleTable(List<String> header, List<List<String>> rows) {
    return table(header, rows.stream().map(r -> r.stream().map(List::of).toList()).toList());
  }

  /** Opens a bordered panel; close it with {@link #endPanel()}. */
  ReportPage panel() {
    body.append("<section class=\"panel\">\n");
    return this;
  }

  ReportPage endPanel() {
    body.append("</section>\n");
    return this;
  }

  /** The whole page. */
  String html(String title) {
    return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
        + esc(title) + "</title><style>" + CSS + "</style></head><body>\n<h1>"
        + esc(title) + "</h1>\n" + body + "</body></html>\n";
  }

  void write(Path file, String title) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, html(title), StandardCharsets.UTF_8);
  }

  /** Text escaped for HTML and SVG, attribute values included. */
  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
