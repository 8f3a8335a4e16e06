package io.florets.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.florets.datasets.Series;
import io.florets.datasets.io.SeriesFiles;
import io.florets.labelers.minirocket.MiniRocketConfig;
import io.florets.labelers.minirocket.UcrEvaluation;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code florets eval ucr}: test accuracy of 1-NN Euclidean and MiniRocket on a UCR/UEA train/test split. */
@Command(name = "ucr", mixinStandardHelpOptions = true,
    description = "Evaluate 1-NN Euclidean and MiniRocket on a UCR/UEA split (.ts, .arff, .tsv, .txt).")
public final class EvalUcrCommand implements Callable<Integer> {

  /**
   * First-round steps of the default adaptation budget (then half as many in the next round): the
   * most that fits the budget of a few minutes on two cores for sets of the UCR archive's usual
   * sizes (2.3 to 4.6 minutes, class readout included, on the four univariate sets in
   * ../shared/data; 10 minutes for the fresh model BasicMotions' six channels need).
   */
  static final long DEFAULT_ADAPT_STEPS = 900;

  static final String FLORETS_NOTE = "florets: skipped (--adapt-steps 0); without it, <CLASSIFY> "
      + "test accuracy of the default model adapted by the data engine";

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--train", required = true, description = "training split file")
  Path train;

  @Option(names = "--test", required = true, description = "test split file")
  Path test;

  @Option(names = "--json", description = "print one JSON object")
  boolean json;

  @Option(names = "--seed", defaultValue = "0", description = "MiniRocket seed (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--threads", defaultValue = "0",
      description = "transform threads; 0 = all processors (default)")
  int threads;

  @Option(names = "--adapt-steps", defaultValue = "" + DEFAULT_ADAPT_STEPS,
      description = "Training steps of the first round of adapting the default model with the data "
          + "engine (class column as human labels, MiniRocket as a specialist, dense labels from the "
          + "suite; then a round of half as many); default ${DEFAULT-VALUE}, a few minutes on two "
          + "cores for the UCR sets' sizes; 0 = skip (\"florets\": null)")
  long adaptSteps;

  @Option(names = "--adapt-lr", defaultValue = "" + DataTraining.CLASSIFY_LR,
      description = "peak learning rate of the adaptation (default ${DEFAULT-VALUE}, as florets "
          + "train --data)")
  double adaptLearningRate;

  @CommandLine.Mixin
  AdaptationOptions adaptation;

  @Option(names = "--model", description = "A model folder (e.g. written by florets train --data "
      + "... --classes from-file) whose <CLASSIFY> test accuracy is the \"florets\" figure; no "
      + "adaptation is run (not with --adapt-steps)")
  Path model;

  @Option(names = "--runs", defaultValue = "5",
      description = "timed MiniRocket runs: the first gives the cold times, the median of the rest the warm ones "
          + "(default ${DEFAULT-VALUE})")
  int runs;

  @Override
  public Integer call() throws IOException, io.florets.prompt.facade.bundle.BundleException {
    if (model != null && spec.commandLine().getParseResult().hasMatchedOption("--adapt-steps")) {
      throw new IllegalArgumentException("give either --model DIR (evaluate that model) or "
          + "--adapt-steps N (adapt the default model), not both");
    }
    if (adaptSteps < 0) {
      throw new IllegalArgumentException("--adapt-steps must be 0 (skip) or positive, got " + adaptSteps);
    }
    if (!(adaptLearningRate > 0) || Double.isInfinite(adaptLearningRate)) {
      throw new IllegalArgumentException("--adapt-lr must be a positive number, got "
          + adaptLearningRate);
    }
    List<Series> tr = SeriesFiles.read(train).series();
    List<Series> te = SeriesFiles.read(test).series();
    int t = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    MiniRocketConfig config = MiniRocketConfig.defaults(seed).withThreads(t);
    double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    UcrEvaluation.Result r = UcrEvaluation.evaluate(tr, te, config, runs);
    double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    String name = datasetName(train);
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode o = mapper.createObjectNode();
    o.put("dataset", name);
    o.put("train", r.trainSize());
    o.put("test", r.testSize());
    o.put("length", r.length());
    o.put("channels", r.channels());
    o.put("classes", r.classes());
    o.put("oneNnEuclidean", round(r.oneNnRaw()));
    o.put("oneNnEuclideanZNorm", round(r.oneNnZNorm()));
    o.put("miniRocket", round(r.miniRocket()));
    putFigure(o, "miniRocketFitSeconds", r.warmFitSeconds());
    putFigure(o, "miniRocketPredictSeconds", r.warmPredictSeconds());
    o.put("miniRocketColdFitSeconds", round(r.coldFitSeconds()));
    o.put("miniRocketColdPredictSeconds", round(r.coldPredictSeconds()));
    o.put("miniRocketRuns", r.runs());
    ObjectNode cpu = o.putObject("miniRocketCpuSeconds");
    putFigure(cpu, "fit", r.cpu().warmFit());
    putFigure(cpu, "predict", r.cpu().warmPredict());
    putFigure(cpu, "coldFit", r.cpu().coldFit());
    putFigure(cpu, "coldPredict", r.cpu().coldPredict());
    o.put("loadAverage1mBefore", loadBefore);
    o.put("loadAverage1mAfter", loadAfter);
    o.put("processors", Runtime.getRuntime().availableProcessors());
    o.put("miniRocketThreads", t);
    o.put("miniRocketSeed", seed);
    o.put("miniRocketFeatures", r.features());
    o.put("miniRocketAlpha", r.alpha());
    double[] ref = UcrEvaluation.reference(name);
    if (ref.length == 4) {
      ObjectNode refs = o.putObject("reference");
      refs.put("miniRocket", ref[0]);
      refs.put("miniRocketFitSeconds", ref[1]);
      refs.put("miniRocketPredictSeconds", ref[2]);
      refs.put("oneNnEuclidean", ref[3]);
      refs.put("note", "MiniRocket: numba reference on 2 threads of this kind of machine; 1-NN: published "
          + "UCR archive figure (Chinatown's on z-normalised series)");
    }
    FloretsUcr.Figures f = null;
    String notAdapted = null;
    if (model != null) {
      try (io.florets.prompt.facade.bundle.ModelBundle b =
          io.florets.prompt.facade.bundle.ModelBundle.load(model)) {
        f = FloretsUcr.of(b, te);
      }
    } else if (adaptSteps > 0) {
      try {
        f = FloretsUcr.adapted(tr, te, adaptation.perMember(adaptSteps), seed, adaptLearningRate,
            adaptation.options(),
            spec.commandLine().getErr());
      } catch (IllegalArgumentException e) {
        // e.g. a multivariate set and the univariate default model: the baselines still stand
        notAdapted = e.getMessage();
      }
    }
    if (f == null) {
      o.putNull("florets");
      o.putNull("floretsEce");
      o.putNull("floretsSeconds");
    } else {
      o.put("florets", round(f.accuracy()));
      o.put("floretsEce", round(f.ece()));
      o.put("floretsSeconds", Math.round(f.seconds() * 10) / 10.0);
      putFigure(o, "floretsTrainAccuracy", f.trainAccuracy());
    }
    o.put("floretsAdaptSteps", model != null ? 0 : adaptSteps);
    o.put("floretsMembers", model != null ? 0 : adaptation.members);
    o.put("floretsNote", model != null ? "<CLASSIFY> test accuracy of the model folder " + model
        : notAdapted != null ? "florets: not adapted: " + notAdapted
        : adaptSteps > 0 && f != null && f.fresh() ? "<CLASSIFY> test accuracy of a fresh model of "
        + "the default model's shape (the default model reads one channel; this set has more) "
        + "trained by the data engine (as florets train --data --classes from-file --init none): "
        + adaptSteps + " steps, then " + Math.max(1, adaptSteps / 2) + " more; floretsEce and "
        + "floretsSeconds as for an adapted model"
        : adaptSteps > 0 ? "<CLASSIFY> test accuracy of the default model adapted "
        + "by the data engine (as florets train --data --classes from-file): " + adaptSteps
        + " steps, then " + Math.max(1, adaptSteps / 2) + " more"
        + (adaptation.options().readout() ? ", then its class readout fitted" : "")
        + "; floretsEce: expected "
        + "calibration error of its confidences (10 bins); floretsSeconds: adapting and answering"
        : FLORETS_NOTE);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(mapper.writeValueAsString(o));
    } else {
      out.printf("%s: %d train / %d test series, length %d, %d channel(s), %d classes%n", name,
          r.trainSize(), r.testSize(), r.length(), r.channels(), r.classes());
      out.printf("  1-NN Euclidean        %.4f (z-normalised %.4f)%n", r.oneNnRaw(), r.oneNnZNorm());
      out.printf("  MiniRocket            %.4f  fit %.3f s, predict %.3f s warm; %.3f s / %.3f s cold%n",
          r.miniRocket(), r.warmFitSeconds(), r.warmPredictSeconds(), r.coldFitSeconds(),
          r.coldPredictSeconds());
      out.printf("  MiniRocket CPU        fit %.3f s, predict %.3f s warm (whole process); load average %.1f -> %.1f%n",
          r.cpu().warmFit(), r.cpu().warmPredict(), loadBefore, loadAfter);
      if (o.get("florets").isNull()) {
        out.printf("  Florets               n/a (%s)%n", o.get("floretsNote").asText());
      } else {
        out.printf("  Florets               %.4f, ECE %.3f, %.0f s (%s)%n", o.get("florets").asDouble(),
            o.get("floretsEce").asDouble(), o.get("floretsSeconds").asDouble(),
            o.get("floretsNote").asText());
      }
    }
    out.flush();
    return 0;
  }

  private static double round(double v) {
    return Double.isNaN(v) ? v : Math.round(v * 1e4) / 1e4;
  }

  /** Puts a rounded figure, or null when it was not measured (NaN). */
  private static void putFigure(ObjectNode o, String key, double v) {
    if (Double.isNaN(v)) {
      o.putNull(key);
    } else {
      o.put(key, round(v));
    }
  }

  /** "GunPoint" from ".../GunPoint_TRAIN.ts". */
  static String datasetName(Path file) {
    String n = file.getFileName().toString();
    int dot = n.lastIndexOf('.');
    if (dot > 0) {
      n = n.substring(0, dot);
    }
    return n.replaceAll("(?i)_TRAIN$", "");
  }
}
