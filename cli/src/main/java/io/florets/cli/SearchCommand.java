package io.florets.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.florets.datasets.Series;
import io.florets.datasets.Window;
import io.florets.prompt.facade.FacetEmbedding;
import io.florets.prompt.facade.FacetTag;
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
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code florets search --index DIR --query-file F --facet trend -k 10 --json}: the nearest indexed
 * windows of every query window, with the facet's tags and the model's confidences.
 */
@Command(name = "search", mixinStandardHelpOptions = true,
    description = "Nearest windows of a retrieval index (written by 'florets index') to each window of "
        + "a query file, with the facet's tags and confidences.")
public final class SearchCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--index", required = true, paramLabel = "DIR", description = "The index folder.")
  Path index;

  @Option(names = "--query-file", required = true, paramLabel = "FILE",
      description = "Series file whose windows are the queries.")
  Path queryFile;

  @Option(names = "--facet", paramLabel = "FACET",
      description = "The <EMBED> facet; must be the index's (default: the index's).")
  String facet;

  @Option(names = "-k", defaultValue = "10", description = "Neighbours per query (default: ${DEFAULT-VALUE}).")
  int k;

  @CommandLine.Mixin
  WindowOptions windowing;

  @Option(names = "--model", defaultValue = "default", paramLabel = "DIR|default",
      description = "The model that built the index (default: ${DEFAULT-VALUE}).")
  String model;

  @CommandLine.Mixin
  TimeOrderOption timeOrder;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() throws IOException, BundleException {
    if (k < 1) {
      throw new IllegalArgumentException("-k must be >= 1, got " + k);
    }
    PrintWriter err = spec.commandLine().getErr();
    List<Window> qs = new ArrayList<>();
    for (Series s : timeOrder.read(queryFile, err).series()) {
      qs.addAll(windowing.windows(s));
    }
    List<Map<String, Object>> results = new ArrayList<>();
    EmbedFacet f;
    try (Florets m = ModelOption.open(model)) {
      RetrievalIndex idx = RetrievalIndex.load(index, Optional.of(m));
      f = idx.facet();
      if (facet != null && IndexCommand.facet(facet) != f) {
        throw new IllegalArgumentException("--facet " + facet + ": the index in " + index + " holds "
            + f.promptText() + " vectors; build one with florets index --facet " + facet);
      }
      List<FacetEmbedding> es = m.embedAll(qs, f);
      for (int i = 0; i < qs.size(); i++) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("query", qs.get(i).seriesId() + "@" + qs.get(i).start());
        q.put("tags", tags(es.get(i).tags()));
        List<Map<String, Object>> ns = new ArrayList<>();
        for (RetrievalIndex.Neighbour n : idx.nearest(es.get(i).embedding(), k)) {
          Map<String, Object> one = new LinkedHashMap<>();
          one.put("id", n.id());
          one.put("similarity", Math.round(n.similarity() * 1e4) / 1e4);
          one.put("tags", tags(n.tags()));
          ns.add(one);
        }
        q.put("neighbours", ns);
        results.add(q);
      }
    }
    PrintWriter o = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> all = new LinkedHashMap<>();
      all.put("index", index.toString());
      all.put("facet", f.promptText());
      all.put("k", k);
      all.put("queries", results);
      o.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(all));
    } else {
      for (Map<String, Object> q : results) {
        o.printf(Locale.ROOT, "%s %s%n", q.get("query"), text(q.get("tags")));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> ns = (List<Map<String, Object>>) q.get("neighbours");
        for (Map<String, Object> n : ns) {
          o.printf(Locale.ROOT, "  %.4f  %s %s%n", (Double) n.get("similarity"), n.get("id"), text(n.get("tags")));
        }
      }
    }
    o.flush();
    return 0;
  }

  private static List<Map<String, Object>> tags(List<FacetTag> ts) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (FacetTag t : ts) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("value", t.value());
      m.put("confidence", Math.round(t.confidence() * 1e4) / 1e4);
      out.add(m);
    }
    return out;
  }

  private static String text(Object tags) {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> ts = (List<Map<String, Object>>) tags;
    return ts.stream().map(t -> t.get("value") + " " + t.get("confidence")).collect(Collectors.joining(", "));
  }
}
