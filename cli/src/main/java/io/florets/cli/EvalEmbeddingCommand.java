package io.florets.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.florets.datasets.Series;
import io.florets.datasets.Window;
import io.florets.datasets.io.SeriesFiles;
import io.florets.prompt.facade.Florets;
import io.florets.prompt.facade.bundle.BundleException;
import io.florets.dataengine.eval.EmbeddingEvaluation;
import java.io.IOException;
import java.io.PrintWriter;
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
 * {@code florets eval embedding --train X_TRAIN.ts --test X_TEST.ts}: precision@k of the
 * {@code <EMBED>} readout on a labelled series set (test series query the training series).
 */
@Command(name = "embedding", mixinStandardHelpOptions = true,
    description = "Precision@k of <EMBED> neighbours that share the query's class on a labelled set "
        + "(test series query the training series), beside raw z-normalised Euclidean and chance.")
public final class EvalEmbeddingCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--train", required = true, paramLabel = "FILE", description = "Indexed series with classes.")
  Path train;

  @Option(names = "--test", required = true, paramLabel = "FILE", description = "Query series with classes.")
  Path test;

  @Option(names = "--model", defaultValue = "default", paramLabel = "DIR|default",
      description = "Model folder or 'default' (default: ${DEFAULT-VALUE}).")
  String model;

  @Option(names = "-k", defaultValue = "10", description = "Neighbours per query (default: ${DEFAULT-VALUE}).")
  int k;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() throws IOException, BundleException {
    List<Window> tw = new ArrayList<>();
    List<String> tl = new ArrayList<>();
    read(train, tw, tl);
    List<Window> qw = new ArrayList<>();
    List<String> ql = new ArrayList<>();
    read(test, qw, ql);
    EmbeddingEvaluation.Precision r;
    try (Florets f = ModelOption.open(model)) {
      r = EmbeddingEvaluation.queries(f, tw, tl, qw, ql, k);
    }
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("train", train.toString());
    all.put("test", test.toString());
    all.put("model", model);
    all.putAll(JsonFields.of(r));
    PrintWriter o = spec.commandLine().getOut();
    if (json) {
      o.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(all));
    } else {
      o.printf("precision@%d: <EMBED> %s, raw z-normalised Euclidean %s, chance %s (%s queries)%n",
          k, r.precisionAtK(), r.rawPrecisionAtK(), r.chancePrecisionAtK(), r.queries());
    }
    o.flush();
    return 0;
  }

  private static void read(Path file, List<Window> ws, List<String> labels) throws IOException {
    for (Series s : SeriesFiles.read(file).series()) {
      String c = s.classLabel().orElseThrow(() -> new IllegalArgumentException(file + ": series '"
          + s.id() + "' has no class label; precision@k needs a class for every series"));
      ws.add(Window.of(s.values()));
      labels.add(c);
    }
  }
}
