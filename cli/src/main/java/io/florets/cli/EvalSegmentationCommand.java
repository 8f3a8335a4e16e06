package io.florets.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.florets.labelers.changepoint.ClassificationSegmenter;
import io.florets.labelers.changepoint.TssbEvaluation;
import io.florets.labelers.changepoint.TssbReader;
import io.florets.labelers.changepoint.TssbSeries;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code florets eval segmentation}: segments every series of a Time Series Segmentation Benchmark
 * folder (number of segments unknown) and prints mean covering and margin F1 beside the published
 * competitors' mean covering on the same series.
 */
@Command(name = "segmentation", mixinStandardHelpOptions = true,
    description = "Score the change-point segmenters on a TSSB folder (desc.txt, NAME.txt, competitors_covering.csv).")
public final class EvalSegmentationCommand implements Callable<Integer> {
  @Option(names = "--data", required = true, paramLabel = "DIR", description = "TSSB folder (holds desc.txt)")
  Path data;

  @Option(names = "--neighbours", defaultValue = "3", description = "k of the nearest-neighbour vote (default ${DEFAULT-VALUE})")
  int neighbours;

  @Option(names = "--min-segment-windows", defaultValue = "5",
      description = "shortest segment in window lengths (default ${DEFAULT-VALUE})")
  int minSegmentWindows;

  @Option(names = "--threads", defaultValue = "2", description = "worker threads (default ${DEFAULT-VALUE})")
  int threads;

  @Option(names = "--json", description = "print one JSON object")
  boolean json;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    List<TssbSeries> series = TssbReader.read(data);
    Map<String, Map<String, Double>> comp = TssbReader.competitors(data.resolve("competitors_covering.csv"));
    ClassificationSegmenter.Config config = new ClassificationSegmenter.Config(neighbours, minSegmentWindows,
        TssbEvaluation.Z_GRID[0]);
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    TssbEvaluation.Result r = TssbEvaluation.run(series, comp, config, threads);
    PrintWriter w = spec.commandLine().getOut();
    if (json) {
      w.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report(r, config, load)));
    } else {
      w.printf("%-30s %6s %4s %8s %6s %8s %8s %s%n", "series", "n", "w", "covering", "f1", "pelt", "ClaSP", "predicted");
      for (TssbEvaluation.Row row : r.rows()) {
        w.printf("%-30s %6d %4d %8.3f %6.3f %8.3f %8s %s%n", row.name(), row.length(), row.window(), row.covering(),
            row.f1(), row.peltCovering(), row.competitors().containsKey("ClaSP")
                ? String.format("%.3f", row.competitors().get("ClaSP")) : "-",
            java.util.Arrays.toString(row.predicted()));
      }
      w.printf("%d series: covering %.4f, f1 %.4f (PELT lines: covering %.4f, f1 %.4f); %d ms%n",
          r.rows().size(), r.covering(), r.f1(), r.peltCovering(), r.peltF1(), r.millis());
      r.competitors().forEach((m, v) -> w.printf("  %-10s covering %.4f%n", m, v));
    }
    w.flush();
    return 0;
  }

  private static Map<String, Object> report(TssbEvaluation.Result r, ClassificationSegmenter.Config c, double load) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("covering", r.covering());
    m.put("f1", r.f1());
    m.put("series", r.rows().size());
    m.put("competitors", r.competitors());
    m.put("method", "classification score profile segmenter (k-NN over sliding windows of the file's window "
        + "size, macro-F1 split score, recursive splitting while the two-proportion z of the split reaches "
        + "the threshold chosen by leave-one-out over the series)");
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("neighbours", c.neighbours());
    settings.put("minSegmentWindows", c.minSegmentWindows());
    settings.put("zGrid", TssbEvaluation.Z_GRID);
    settings.put("zThresholdAllSeries", r.zThreshold());
    settings.put("f1Margin", "1% of the series length");
    m.put("settings", settings);
    Map<String, Object> pelt = new LinkedHashMap<>();
    pelt.put("covering", r.peltCovering());
    pelt.put("f1", r.peltF1());
    m.put("baselines", Map.of("peltLines", pelt));
    m.put("millis", r.millis());
    m.put("loadAverageAtStart", load);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (TssbEvaluation.Row row : r.rows()) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("name", row.name());
      o.put("length", row.length());
      o.put("window", row.window());
      o.put("covering", row.covering());
      o.put("f1", row.f1());
      o.put("zThreshold", row.zThreshold());
      o.put("truth", row.truth());
      o.put("predicted", row.predicted());
      o.put("peltCovering", row.peltCovering());
      o.put("peltF1", row.peltF1());
      o.put("competitors", row.competitors());
      rows.add(o);
    }
    m.put("perSeries", rows);
    return m;
  }
}
