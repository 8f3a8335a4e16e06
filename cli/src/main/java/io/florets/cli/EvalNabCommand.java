package io.florets.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.florets.labelers.nab.CategoryCrossValidation;
import io.florets.labelers.nab.CombinedConfig;
import io.florets.labelers.nab.CombinedDetector;
import io.florets.labelers.nab.ConstantDetector;
import io.florets.labelers.nab.ContextualConfig;
import io.florets.labelers.nab.ContextualDetector;
import io.florets.labelers.nab.ContextualGrid;
import io.florets.labelers.nab.FileScore;
import io.florets.labelers.nab.MultiScaleConfig;
import io.florets.labelers.nab.MultiScaleDetector;
import io.florets.labelers.nab.NabBenchmark;
import io.florets.labelers.nab.NabCorpusReader;
import io.florets.labelers.nab.NabProfile;
import io.florets.labelers.nab.NabResultsWriter;
import io.florets.labelers.nab.NabSeries;
import io.florets.labelers.nab.ProfileResult;
import io.florets.labelers.nab.RobustDetectorConfig;
import io.florets.labelers.nab.RobustStreamingDetector;
import io.florets.labelers.nab.StreamingDetector;
import io.florets.labelers.nab.WindowedGaussianDetector;
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
 * {@code florets eval nab}: runs a causal detector over a NAB corpus, chooses one threshold per profile
 * with NAB's optimiser, and prints the normalised scores, per-file raw scores, thresholds and settings.
 */
@Command(name = "nab", mixinStandardHelpOptions = true,
    description = "Score a streaming anomaly detector on the Numenta Anomaly Benchmark (NAB) protocol.")
public final class EvalNabCommand implements Callable<Integer> {
  @Option(names = "--data", required = true, paramLabel = "DIR", description = "NAB data folder (holds */*.csv)")
  Path data;

  @Option(names = "--labels", required = true, paramLabel = "FILE", description = "NAB combined_windows.json")
  Path labels;

  @Option(names = "--profiles", paramLabel = "FILE",
      description = "NAB profiles.json (default: NAB's three published profiles)")
  Path profiles;

  @Option(names = "--detector", defaultValue = "florets", paramLabel = "NAME",
      description = "florets (default: the multi-scale detector with the anomaly likelihood of the contextual"
          + " detector), multiscale (the multi-scale detector alone), contextual (the contextual detector"
          + " alone), robust (the earlier robust detector), windowedGaussian, or null")
  String detector;

  @Option(names = "--results-dir", paramLabel = "OUT",
      description = "also write NAB results files (timestamp,value,anomaly_score,label) under OUT/<detector>/")
  Path resultsDir;

  @Option(names = "--cv", paramLabel = "SPLIT",
      description = "also cross-validate the detector's settings and thresholds: 'categories' leaves each NAB"
          + " category out in turn, chooses on the others from the detector's declared candidate grid, and"
          + " scores the held-out one")
  String cv;

  @Option(names = "--json", description = "print one JSON object")
  boolean json;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    List<NabProfile> ps = profiles == null ? NabProfile.published() : NabProfile.read(profiles);
    List<NabSeries> corpus = NabCorpusReader.read(data, labels);
    if (cv != null && !cv.equals("categories")) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--cv must be 'categories', got '" + cv + "'");
    }
    StreamingDetector d = detector(detector);
    List<CategoryCrossValidation.ProfileCv> cvs = cv == null ? List.of()
        : crossValidate(detector, corpus, ps);
    NabBenchmark.Outcome out = NabBenchmark.run(corpus, d, ps);
    List<Path> written = resultsDir == null ? List.of()
        : NabResultsWriter.write(resultsDir, d.name(), corpus, out.anomalyScores());
    Map<String, Object> report = new LinkedHashMap<>();
    if (!cvs.isEmpty()) {
      report.putAll(NabCvReport.summary(cvs));
    }
    report.putAll(report(out, d, corpus));
    if (!cvs.isEmpty()) {
      report.put("cv", NabCvReport.details(cvs));
    }
    if (resultsDir != null) {
      report.put("resultsDir", resultsDir.resolve(d.name()).toString());
      report.put("resultsFiles", written.size());
    }
    PrintWriter w = spec.commandLine().getOut();
    if (json) {
      w.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
    } else {
      NabCvReport.print(w, cvs);
      w.printf("NAB, detector %s, on the %d files of %s (%d windows), in-sample%n", d.name(), corpus.size(), data,
          out.profiles().get(0).perfectScore() > 0 ? (int) Math.round(out.profiles().get(0).perfectScore()
              / out.profiles().get(0).profile().tpWeight()) : 0);
      for (ProfileResult r : out.profiles()) {
        w.printf("  %-20s normalised %7.2f  raw %9.4f  threshold %.6f%n", r.profile().name(),
            r.normalisedScore(), r.rawScore(), r.threshold());
      }
      w.printf("  published (standard, all 58 files): ARTime 74.9, Numenta HTM 70.5, CAD-OSE 69.9%n");
    }
    w.flush();
    return 0;
  }

  static StreamingDetector detector(String name) {
    switch (name) {
      case "florets":
        return CombinedDetector.defaults();
      case "multiscale":
        return MultiScaleDetector.defaults();
      case "robust":
        return RobustStreamingDetector.of(RobustDetectorConfig.defaults());
      case "contextual":
        return ContextualDetector.of(ContextualConfig.defaults());
      case "windowedGaussian":
        return WindowedGaussianDetector.nab();
      case "null":
        return ConstantDetector.nab();
      default:
        throw new IllegalArgumentException("--detector must be florets, multiscale, contextual, robust,"
            + " windowedGaussian or null, got '" + name + "'");
    }
  }

  /**
   * Leave-one-category-out over a detector family's declared grid; the contextual and combined families
   * share their score streams across candidates ({@link ContextualGrid}).
   */
  static List<CategoryCrossValidation.ProfileCv> crossValidate(String name, List<NabSeries> corpus,
      List<NabProfile> ps) {
    switch (name) {
      case "contextual":
        return ContextualGrid.contextual(corpus, ContextualConfig.candidates(), ps);
      case "florets":
        return ContextualGrid.combined(corpus, CombinedConfig.candidates(), ps);
      default:
        return CategoryCrossValidation.run(corpus, candidates(name), ps);
    }
  }

  /** The declared candidate grid of a detector family (one candidate for the fixed baselines). */
  static List<StreamingDetector> candidates(String name) {
    List<StreamingDetector> out = new ArrayList<>();
    if (name.equals("multiscale")) {
      MultiScaleConfig.candidates().forEach(c -> out.add(MultiScaleDetector.of(c)));
      return out;
    }
    if (name.equals("robust")) {
      RobustDetectorConfig.candidates().forEach(c -> out.add(RobustStreamingDetector.of(c)));
      return out;
    }
    return List.of(detector(name));
  }

  private static Map<String, Object> report(NabBenchmark.Outcome out, StreamingDetector d, List<NabSeries> corpus) {
    Map<String, Object> m = new LinkedHashMap<>();
    Map<String, Object> scores = new LinkedHashMap<>();
    Map<String, Object> thresholds = new LinkedHashMap<>();
    Map<String, Object> raw = new LinkedHashMap<>();
    Map<String, Object> perFile = new LinkedHashMap<>();
    for (ProfileResult r : out.profiles()) {
      String p = r.profile().name();
      scores.put(p, r.normalisedScore());
      thresholds.put(p, r.threshold());
      raw.put(p, Map.of("score", r.rawScore(), "null", r.nullScore(), "perfect", r.perfectScore()));
      List<Map<String, Object>> rows = new ArrayList<>();
      for (FileScore f : r.files()) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("file", f.relativePath());
        row.put("score", f.score());
        row.put("tp", f.tp());
        row.put("tn", f.tn());
        row.put("fp", f.fp());
        row.put("fn", f.fn());
        row.put("total", f.total());
        rows.add(row);
      }
      perFile.put(p, rows);
    }
    m.put("detector", d.name());
    m.put("files", corpus.size());
    m.put("windows", corpus.stream().mapToInt(s -> s.windows().size()).sum());
    m.putAll(scores);
    putAlias(m, scores, "reward_low_FP_rate", "rewardLowFP");
    putAlias(m, scores, "reward_low_FN_rate", "rewardLowFN");
    m.put("scores", scores);
    m.put("thresholds", thresholds);
    m.put("raw", raw);
    m.put("settings", d.settings());
    m.put("detectMillis", out.detectMillis());
    m.put("note", "normalised NAB scores on the " + corpus.size() + " files given (NAB's published records use all 58)");
    m.put("published", Map.of("ARTime", 74.9, "Numenta HTM", 70.5, "CAD-OSE", 69.9));
    m.put("perFile", perFile);
    return m;
  }

  private static void putAlias(Map<String, Object> m, Map<String, Object> scores, String profile, String key) {
    if (scores.containsKey(profile)) {
      m.put(key, scores.get(profile));
    }
  }
}
