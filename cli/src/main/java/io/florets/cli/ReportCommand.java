package io.florets.cli;

import java.io.IOException;
import io.florets.datasets.DenseDataset;
import io.florets.datasets.Series;
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
    QuickstartReport r = new QuickstartReport();
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
    bars(r, "annotations per source", perSource);
    bars(r, "annotations per target kind", perKind);
    r.heading("Windows");
    for (int i = 0; i < Math.min(windows, ds.size()); i++) {
      DenseDataset.Entry e = ds.get(i);
      Window w = e.window();
      float[][] v = new float[w.channels()][];
      for (int c = 0; c < w.channels(); c++) {
        v[c] = w.channel(c);
      }
      Series s = Series.builder(w.seriesId(), v).build();
      Map<String, List<Event>> ev = new LinkedHashMap<>();
      List<Integer> bounds = new ArrayList<>();
      for (Annotation a : e.annotations()) {
        if (a.target() instanceof Event x) {
          ev.computeIfAbsent(a.source() + " events", k -> new ArrayList<>()).add(x);
        } else if (a.target() instanceof Segment g && g.start() > 0) {
          bounds.add(g.start());
        }
      }
      r.seriesChart(w.toString(), s, ev, bounds);
    }
    Path file = out.resolve("report.html");
    r.write(file, "Florets dataset report");
    o.println("wrote " + file);
    o.flush();
    return 0;
  }

  private static void bars(QuickstartReport r, String title, Map<String, Long> counts)
      throws java.io.IOException {
    if (counts.isEmpty()) {
      r.paragraph(title + ": none");
      return;
    }
    List<String> names = new ArrayList<>(counts.keySet());
    List<Double> v = new ArrayList<>();
    names.forEach(n -> v.add(counts.get(n).doubleValue()));
    r.bars(title, "count", names, Map.of("count", v));
  }
}
