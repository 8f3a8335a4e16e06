package io.florets.cli;

import java.io.IOException;
import io.florets.datasets.DenseDataset;
import io.florets.datasets.Window;
import io.florets.datasets.io.arrow.DenseDatasetArrow;
import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.Event;
import io.florets.datasets.target.Segment;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code florets report DATASET.arrow --out DIR}: draws a labeled dataset into DIR/report.html. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Draw a labeled dataset (Arrow IPC file): windows with events and segments, annotation counts.")
public final class ReportCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DATASET.arrow", description = "Dense dataset (Arrow IPC file).")
  Path dataset;

  @Option(names = "--out", required = true, description = "Output folder.")
  Path out;

  @Option(names = "--windows", defaultValue = "6", description = "Windows to draw (default: ${DEFAULT-VALUE}).")
  int windows;

  @Override
  public Integer call() throws IOException, io.florets.prompt.facade.bundle.BundleException {
    PrintWriter o = spec.commandLine().getOut();
    DenseDataset ds = DenseDatasetArrow.read(dataset);
    ReportPage r = new ReportPage();
    r.paragraph(dataset + ": " + ds.size() + " windows; metadata " + ds.metadata());
    Map<String, Long> perSource = new TreeMap<>();
    Map<String, Long> perKind = new TreeMap<>();
    for (DenseDataset.Entry e : ds.entries()) {
      for (Annotation a : e.annotations()) {
        perSource.merge(a.source(), 1L, Long::sum);
        perKind.merge(a.target().getClass().getSimpleName(), 1L, Long::sum);
      }
    }
    r.heading("Annotations");
    r.simpleTable(List.of("source", "annotations"), rows(perSource));
    r.simpleTable(List.of("target kind", "annotations"), rows(perKind));
    r.heading("Windows");
    for (int i = 0; i < Math.min(windows, ds.size()); i++) {
      DenseDataset.Entry e = ds.get(i);
      Window w = e.window();
      TimeAxis axis = TimeAxis.of(w.timestamps().orElse(null), 0, w.length());
      SeriesSvg svg = new SeriesSvg(w.channel(0), axis, 1280, 220, w.channelNames().isEmpty()
          ? "value" : w.channelNames().get(0));
      Map<String, List<SeriesSvg.StripItem>> strips = new LinkedHashMap<>();
      for (Annotation a : e.annotations()) {
        if (a.target() instanceof Event x && x.channel() <= 0) {
          svg.event(x.type(), x.start(), x.end(), false, a.source() + ": "
              + ReadoutWords.words(x.type().token()) + " " + axis.span(x.start(), x.end()));
        } else if (a.target() instanceof Segment g && g.channel() <= 0) {
          strips.computeIfAbsent(a.source(), k -> new ArrayList<>()).add(new SeriesSvg.StripItem(
              g.start(), g.end(), g.label(), a.source() + ": " + g.label().token() + " "
              + axis.span(g.start(), g.end())));
        }
      }
      strips.forEach(svg::strip);
      r.subheading(w.toString());
      r.raw(svg.render(w.channels() > 1 ? "channel 0 of " + w.channels() : null));
    }
    Path file = out.resolve("report.html");
    r.write(file, "Florets dataset report");
    o.println("wrote " + file);
    o.flush();
    return 0;
  }

  private static List<List<String>> rows(Map<String, Long> counts) {
    List<List<String>> out = new ArrayList<>();
    counts.forEach((k, v) -> out.add(List.of(k, String.format(java.util.Locale.ROOT, "%,d", v))));
    if (out.isEmpty()) {
      out.add(List.of("(none)", "0"));
    }
    return out;
  }
}
