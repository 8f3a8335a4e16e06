package io.florets.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.florets.datasets.Series;
import io.florets.datasets.Window;
import io.florets.datasets.io.SeriesFiles;
import io.florets.prompt.facade.Florets;
import io.florets.prompt.facade.bundle.BundleException;
import io.florets.dataengine.eval.EmbeddingEvaluation;
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
 * {@code florets eval embedding --train X_TRAIN.ts --test X_TEST.ts}: precision@k of
 * {@code <EMBED>facet} neighbours on a labelled series set (test series query the training series).
 * For the {@code class} facet (the default) the default model is first adapted to the training
 * split's classes, as {@code florets eval ucr} does.
 */
@Command(name = "embedding", mixinStandardHelpOptions = true,
    description = "Precision@k of <EMBED>facet neighbours that share the query's class on a labelled "
        + "set (test series query the training series), beside the general <EMBED>, raw z-normalised "
        + "Euclidean and chance. With --facet class (the default) the default model is first adapted "
        + "to the training split's classes (--adapt-steps).")
public final class EvalEmbeddingCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--train", required = true, paramLabel = "FILE", description = "Indexed series with classes.")
  Path train;

  @Option(names = "--test", required = true, paramLabel = "FILE", description = "Query series with classes.")
  Path test;

  @Option(names = "--model", defaultValue = "default", paramLabel = "DIR|default",
      description = "Model folder or 'default' (default: ${DEFAULT-VALUE}); a folder is used as it is.")
  String model;

  @Option(names = "--facet", defaultValue = "class", paramLabel = "FACET",
      description = "The <EMBED> facet (default: ${DEFAULT-VALUE}; 'general' for plain <EMBED>).")
  String facet;

  @Option(names = "--adapt-steps", defaultValue = "" + EvalUcrCommand.DEFAULT_ADAPT_STEPS,
      paramLabel = "N",
      description = "With --facet class and the default model: first-round steps of adapting it to "
          + "the training split's classes (then half as many; default ${DEFAULT-VALUE}, a few minutes "
          + "for a hundred series; 0 skips it).")
  long adaptSteps;

  @Option(names = "--seed", defaultValue = "0", description = "Adaptation seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "-k", defaultValue = "10", description = "Neighbours per query (default: ${DEFAULT-VALUE}).")
  int k;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() throws IOException, BundleException {
    EmbedFacet f = facet.equalsIgnoreCase("general") ? EmbedFacet.GENERAL : EmbedFacet.parse(facet, "--facet");
    if (adaptSteps < 0) {
      throw new IllegalArgumentException("--adapt-steps must be 0 (skip) or positive, got " + adaptSteps);
    }
    List<Series> trainSeries = SeriesFiles.read(train).series();
    List<Window> tw = new ArrayList<>();
    List<String> tl = new ArrayList<>();
    read(train, trainSeries, tw, tl);
    List<Window> qw = new ArrayList<>();
    List<String> ql = new ArrayList<>();
    read(test, SeriesFiles.read(test).series(), qw, ql);
    boolean adapt = f == EmbedFacet.CLASS && adaptSteps > 0 && model.equals("default");
    long t0 = System.nanoTime();
    EmbeddingEvaluation.Precision r;
    PrintWriter err = spec.commandLine().getErr();
    try (Florets m = adapt
        ? Florets.of(FloretsUcr.adapt(trainSeries, adaptSteps, seed,
            DataTraining.CLASSIFY_LR, io.florets.dataengine.Adaptation.Options.DEFAULTS, err,
            "eval embedding").bundle())
        : ModelOption.open(model)) {
      r = EmbeddingEvaluation.queries(m, f, tw, tl, qw, ql, k);
      if (f != EmbedFacet.GENERAL) {
        r = r.withGeneral(EmbeddingEvaluation.queries(m, tw, tl, qw, ql, k).precisionAtK());
      }
    }
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("train", train.toString());
    all.put("test", test.toString());
    all.put("model", model);
    all.put("facet", f.promptText());
    all.put("adaptSteps", adapt ? adaptSteps : 0);
    all.putAll(JsonFields.of(r));
    all.put("seconds", Math.round((System.nanoTime() - t0) / 1e7) / 100.0);
    PrintWriter o = spec.commandLine().getOut();
    if (json) {
      o.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(all));
    } else {
      o.printf(Locale.ROOT, "precision@%d: %s %s%s, raw z-normalised Euclidean %s, chance %s (%s queries)%n",
          k, f.promptText(), r.precisionAtK(),
          r.generalPrecisionAtK() == null ? "" : ", <EMBED> " + r.generalPrecisionAtK(),
          r.rawPrecisionAtK(), r.chancePrecisionAtK(), r.queries());
    }
    o.flush();
    return 0;
  }

  private static void read(Path file, List<Series> series, List<Window> ws, List<String> labels) {
    for (Series s : series) {
      String c = s.classLabel().orElseThrow(() -> new IllegalArgumentException(file + ": series '"
          + s.id() + "' has no class label; precision@k needs a class for every series"));
      ws.add(Window.of(s.values()));
      labels.add(c);
    }
  }
}
