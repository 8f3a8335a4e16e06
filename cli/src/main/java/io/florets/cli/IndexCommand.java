package io.florets.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.florets.datasets.Series;
import io.florets.datasets.Window;
import io.florets.prompt.facade.Florets;
import io.florets.prompt.facade.RetrievalIndex;
import io.florets.prompt.facade.bundle.BundleException;
import io.florets.prompt.task.EmbedFacet;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code florets index --input A.csv B.csv --window 256 --facet trend --out DIR}: embeds every window
 * with {@code <EMBED>facet} and saves a retrieval index that {@code florets search} queries.
 */
@Command(name = "index", mixinStandardHelpOptions = true,
    description = "Embed every window of series files with <EMBED>facet and save a retrieval index "
        + "(an Arrow file in DIR) for 'florets search'.")
public final class IndexCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--input", required = true, arity = "1..*", paramLabel = "FILE",
      description = "Series files (CSV, UCR/UEA, Arrow, ...).")
  List<Path> inputs;

  @CommandLine.Mixin
  WindowOptions windowing;

  @Option(names = "--facet", defaultValue = "general", paramLabel = "FACET",
      description = "The <EMBED> facet: " + "trend, seasonality, noise, stationarity, events, class, or "
          + "general (default: ${DEFAULT-VALUE}).")
  String facet;

  @Option(names = "--model", defaultValue = "default", paramLabel = "DIR|default",
      description = "Model folder or 'default' (default: ${DEFAULT-VALUE}).")
  String model;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "The index folder.")
  Path out;

  @CommandLine.Mixin
  TimeOrderOption timeOrder;

  @Option(names = "--json", description = "Print a JSON summary.")
  boolean json;

  /** {@code --facet}: a facet word or {@code general}. */
  static EmbedFacet facet(String word) {
    return word.equalsIgnoreCase("general") ? EmbedFacet.GENERAL : EmbedFacet.parse(word, "--facet");
  }

  @Override
  public Integer call() throws IOException, BundleException {
    EmbedFacet f = facet(facet);
    PrintWriter err = spec.commandLine().getErr();
    List<Window> ws = new ArrayList<>();
    for (Path in : inputs) {
      for (Series s : timeOrder.read(in, err).series()) {
        ws.addAll(windowing.windows(s));
      }
    }
    if (ws.isEmpty()) {
      throw new IllegalArgumentException("no windows in " + inputs);
    }
    long t0 = System.nanoTime();
    RetrievalIndex idx;
    try (Florets m = ModelOption.open(model)) {
      idx = m.index(ws, f);
      idx.save(out);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    PrintWriter o = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> all = new LinkedHashMap<>();
      all.put("index", out.toString());
      all.put("facet", f.promptText());
      all.put("model", model);
      all.put("windows", idx.size());
      all.put("seconds", Math.round(seconds * 100) / 100.0);
      o.println(new ObjectMapper().writeValueAsString(all));
    } else {
      o.printf(Locale.ROOT, "indexed %d windows with %s in %.1f s: %s%n", idx.size(), f.promptText(),
          seconds, out.resolve(RetrievalIndex.FILE));
    }
    o.flush();
    return 0;
  }
}
