package io.florets.cli;

import io.florets.datasets.Series;
import io.florets.datasets.Window;
import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.Event;
import io.florets.datasets.target.EventType;
import io.florets.datasets.target.Segment;
import io.florets.labelers.Labeler;
import io.florets.labelers.analysis.LabelerAnalysis;
import io.florets.labelers.analysis.LabelerSummary;
import io.florets.labelers.consensus.ConsensusConfig;
import io.florets.prompt.readout.Events;
import io.florets.prompt.readout.Numeric;
import io.florets.prompt.readout.NumericProperties;
import io.florets.prompt.readout.Readout;
import io.florets.prompt.readout.Segments;
import io.florets.prompt.task.Prompt;
import io.florets.prompt.task.Tasks;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The sections of the quickstart report: the whole series on its time axis with the labelled
 * anomaly windows and every event where it happens, one panel per chosen window (the window drawn
 * with both sources' events, segments and levels, and a table of every task answered by the model
 * beside the labelers), the labeler analysis, the data-engine round and the model's card.
 */
final class QuickstartPage {
  private static final int WIDTH = 1280;
  /** Numbers of the two sources agree in a panel's table when they differ by at most a tenth. */
  private static final double RELATIVE = 0.1;

  private QuickstartPage() {
  }

  /**
   * One prompt asked of one window.
   *
   * @param prompt the prompt
   * @param model the model's answer
   * @param labelers the labelers' answer (their consensus targets read as this prompt's answer), or
   *     empty when the targets say nothing about it (e.g. no class labels)
   * @param caveat the model card's caveat for this task, if any
   */
  record Asked(Prompt<?> prompt, Readout model, Optional<Readout> labelers, Optional<String> caveat) {
  }

  /**
   * A window drawn in a panel.
   *
   * @param letter its letter on the overview chart
   * @param index its index among the windows
   * @param why why it was chosen, in words
   * @param asked every prompt asked of it
   */
  record Panel(String letter, int index, String why, List<Asked> asked) {
  }

  /** The series on its time axis: anomaly windows, all events of both sources, the panels' windows. */
  static void overview(ReportPage page, Series s, List<Event> anomalies, List<Window> ws,
      List<List<Annotation>> kept, List<List<Annotation>> byModel, List<Panel> panels) {
    TimeAxis axis = TimeAxis.of(s.timestamps().orElse(null), 0, s.length());
    SeriesSvg svg = new SeriesSvg(s.channel(0), axis, WIDTH, 300, s.channelNames().get(0));
    int k = 1;
    for (Event a : anomalies) {
      svg.band(a.start(), a.end(), "rgba(214,39,40,0.13)", "labelled anomaly " + k++,
          "labelled anomaly window: " + axis.span(a.start(), a.end()), "labelled anomaly window (NAB)");
    }
    for (Panel p : panels) {
      Window w = ws.get(p.index());
      svg.outline(w.start(), w.start() + w.length() - 1, p.letter(), "window " + p.letter() + ": "
          + axis.span(w.start(), w.start() + w.length() - 1));
    }
    boolean any = false;
    for (int i = 0; i < ws.size(); i++) {
      int off = ws.get(i).start();
      for (Event e : events(kept.get(i), false)) {
        svg.event(e.type(), off + e.start(), off + e.end(), false, "labelers: "
            + ReadoutWords.words(e.type().token()) + " " + axis.span(off + e.start(), off + e.end()));
        any = true;
      }
      for (Event e : events(byModel.get(i), false)) {
        svg.event(e.type(), off + e.start(), off + e.end(), true, "model: "
            + ReadoutWords.words(e.type().token()) + " " + axis.span(off + e.start(), off + e.end()));
        any = true;
      }
    }
    svg.markerLegend(any, any);
    page.raw(svg.render("The whole series, " + axis.span(0, s.length() - 1) + ". Shaded: the "
        + "anomaly windows labelled by hand in NAB. Marks on the line: the events the labelers "
        + "(filled dots) and the model (open diamonds) found in each window of " + ws.get(0).length()
        + " samples, in the colour of their type (trend changes are left out here; the windows "
        + "below show them); hover over a mark for its time. Dashed boxes: "
        + "the windows drawn in detail below."));
  }

  /** One window in detail: the chart and the table of answers. */
  static void panel(ReportPage page, Panel p, Window w, TimeAxis axis, List<Annotation> kept,
      int regionFrom, int regionTo) {
    int tolerance = ConsensusConfig.DEFAULTS.tolerance(w.length());
    page.panel();
    page.subheading("Window " + p.letter() + ": " + axis.span(0, w.length() - 1) + " (samples "
        + String.format(Locale.ROOT, "%,d", w.start()) + " to "
        + String.format(Locale.ROOT, "%,d", w.start() + w.length() - 1) + ")");
    page.note(p.why());
    SeriesSvg svg = new SeriesSvg(w.channel(0), axis, WIDTH, 230, "value");
    svg.band(regionFrom, regionTo, "rgba(31,119,180,0.08)", "region asked about",
        "the region of the region-description question: " + axis.span(regionFrom, regionTo),
        "region of the region-description question");
    for (Event e : events(kept, true)) {
      svg.event(e.type(), e.start(), e.end(), false, "labelers: " + ReadoutWords.words(e.type().token())
          + " " + axis.span(e.start(), e.end()));
    }
    List<SeriesSvg.StripItem> modelSegments = new ArrayList<>();
    for (Asked a : p.asked()) {
      if (a.model() instanceof Events ev && a.prompt().task() == Tasks.EVENTS) {
        for (Events.Item x : ev.events()) {
          svg.event(x.type(), (int) Math.round(x.start()), (int) Math.round(x.end()), true,
              "model: " + ReadoutWords.words(x.type().token()) + " " + axis.span(x.start(), x.end())
              + " (" + ReadoutWords.confidence(x.confidence()) + ")");
        }
      } else if (a.model() instanceof Segments sg) {
        for (Segments.Item x : sg.segments()) {
          modelSegments.add(new SeriesSvg.StripItem((int) Math.round(x.start()), (int) Math.round(x.end()),
              x.label(), "model: " + x.label().token() + " " + axis.span(x.start(), x.end()) + " ("
              + ReadoutWords.confidence(x.confidence()) + ")"));
        }
      } else if (a.model() instanceof NumericProperties np) {
        for (Numeric n : np.values()) {
          String name = n.property().token();
          if (n.channel() < 0 && (name.equals("mean") || name.equals("min") || name.equals("max"))) {
            svg.level(n.value(), name + " (model) " + ReadoutWords.number(n.value()));
          }
        }
      }
    }
    svg.markerLegend(true, true);
    List<SeriesSvg.StripItem> labelerSegments = new ArrayList<>();
    for (Annotation a : kept) {
      if (a.target() instanceof Segment g) {
        labelerSegments.add(new SeriesSvg.StripItem(g.start(), g.end(), g.label(), "labelers: "
            + g.label().token() + " " + axis.span(g.start(), g.end())));
      }
    }
    svg.strip("labelers", labelerSegments);
    svg.strip("model", modelSegments);
    page.raw(svg.render("Events on the line (labelers: dots; model: diamonds), the model's mean, "
        + "minimum and maximum as dotted lines, and under the axis the segments each source "
        + "found."));
    List<List<List<String>>> rows = new ArrayList<>();
    for (Asked a : p.asked()) {
      List<String> q = new ArrayList<>(List.of(question(a.prompt(), axis, regionFrom, regionTo)));
      q.add("(" + a.prompt().task().token() + ")");
      List<String> model = new ArrayList<>(ReadoutWords.lines(a.model(), axis, true));
      a.caveat().ifPresent(c -> model.add("(caveat: " + CardSection.plain(c) + ")"));
      List<String> labelers = new ArrayList<>(a.labelers().map(r -> ReadoutWords.lines(r, axis,
          false)).orElse(List.of(noLabelerAnswer(a.prompt()))));
      a.labelers().flatMap(r -> Agreement.of(a.model(), r, RELATIVE, tolerance))
          .ifPresent(g -> labelers.add("(agreement: " + g + ")"));
      rows.add(List.of(q, model, labelers));
    }
    page.table(List.of("Question", "Model's answer", "Labelers' answer (consensus)"), rows);
    page.endPanel();
  }

  private static String question(Prompt<?> p, TimeAxis axis, int regionFrom, int regionTo) {
    if (p.task() == Tasks.REGION_TO_DESCRIPTION) {
      return "Describe the region " + axis.span(regionFrom, regionTo) + " (samples " + regionFrom
          + " to " + regionTo + " of the window).";
    }
    if (p.task() == Tasks.CLASSIFY) {
      return "Which kind of series is it? (one of the model's classes)";
    }
    if (p.task() == Tasks.EMBED) {
      return "Embed the window for retrieval.";
    }
    return ReadoutWords.words(p.expansion());
  }

  private static String noLabelerAnswer(Prompt<?> p) {
    if (p.task() == Tasks.CLASSIFY) {
      return "(no class labels in this file)";
    }
    if (p.task() == Tasks.EMBED) {
      return "(labelers do not embed)";
    }
    return "(the labelers said nothing about this)";
  }

  /** The labeler analysis as a table, with what each column means. */
  static void labelers(ReportPage page, List<Labeler> labelers, LabelerAnalysis analysis,
      Map<String, Long> annotations) {
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < labelers.size(); i++) {
      Labeler l = labelers.get(i);
      LabelerSummary s = analysis.summaries().get(i);
      rows.add(List.of(l.name(), scope(l), String.format(Locale.ROOT, "%,d",
          annotations.getOrDefault(l.name(), 0L)), pct(s.coverage()), pct(s.overlap()),
          pct(s.conflict())));
    }
    page.simpleTable(List.of("labeler", "what it labels", "annotations", "coverage", "overlap",
        "conflict"), rows);
    page.note("A slot is one thing a labeler can speak to in one window (a shape facet, a property "
        + "or an event type). Coverage: the share of its slots where it said something; overlap: "
        + "where another labeler said something too; conflict: where another labeler disagreed "
        + "(tags differ, numbers differ by more than the consensus tolerance, events do not "
        + "match). The file has no labels to score the labelers against, so there is no accuracy "
        + "column; florets eval labelers scores them against synthetic windows' exact truth.");
  }

  private static String scope(Labeler l) {
    List<String> parts = new ArrayList<>();
    if (!l.facets().isEmpty()) {
      parts.add(l.facets().stream().map(f -> ReadoutWords.words(f.token())).collect(Collectors.joining(", ")));
    }
    if (!l.properties().isEmpty()) {
      parts.add(l.properties().size() <= 3 ? l.properties().stream()
          .map(x -> ReadoutWords.words(x.token())).collect(Collectors.joining(", "))
          : l.properties().size() + " properties");
    }
    if (!l.eventTypes().isEmpty()) {
      parts.add(l.eventTypes().stream().map(x -> ReadoutWords.words(x.token()))
          .collect(Collectors.joining(", ")) + " events");
    }
    return parts.isEmpty() ? "segments, class labels" : String.join("; ", parts);
  }

  static String pct(double v) {
    return Double.isNaN(v) ? "not measured" : String.format(Locale.ROOT, "%.0f%%", 100 * v);
  }

  /** Events to draw; trend changes only if asked (on the whole series they would crowd it). */
  private static List<Event> events(List<Annotation> as, boolean trendChanges) {
    List<Event> out = new ArrayList<>();
    for (Annotation a : as) {
      if (a.target() instanceof Event e && (trendChanges || e.type() != EventType.TREND_CHANGE)) {
        out.add(e);
      }
    }
    return out;
  }
}
