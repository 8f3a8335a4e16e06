package io.florets.labelers.nab;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Leave-one-category-out selection ({@link CategoryCrossValidation}) for the contextual and combined
 * detector families, with their score streams shared: candidates that differ only in the silence after
 * alarms share one run of the context memory per file, and the multi-scale scores are computed once per
 * setting. The selection is the same as running every candidate on its own. Stateless and thread-safe.
 */
public final class ContextualGrid {
  private ContextualGrid() {}

  /** Cross-validates contextual detector settings. */
  public static List<CategoryCrossValidation.ProfileCv> contextual(List<NabSeries> corpus,
      List<ContextualConfig> grid, List<NabProfile> profiles) {
    Map<ContextualConfig, List<double[]>> raw = rawScores(corpus, grid);
    List<List<double[]>> scores = new ArrayList<>();
    List<Record> settings = new ArrayList<>();
    for (ContextualConfig c : grid) {
      ContextualDetector d = ContextualDetector.of(c);
      scores.add(raw.get(c.memoryKey()).stream().map(d::silenced).collect(Collectors.toList()));
      settings.add(c);
    }
    return CategoryCrossValidation.select(corpus, scores, settings, profiles);
  }

  /** Cross-validates combined detector settings. */
  public static List<CategoryCrossValidation.ProfileCv> combined(List<NabSeries> corpus, List<CombinedConfig> grid,
      List<NabProfile> profiles) {
    Map<ContextualConfig, List<double[]>> raw = rawScores(corpus,
        grid.stream().map(CombinedConfig::context).collect(Collectors.toList()));
    Map<MultiScaleConfig, List<double[]>> base = new HashMap<>();
    for (CombinedConfig c : grid) {
      base.computeIfAbsent(c.base(), b -> runAll(corpus, MultiScaleDetector.of(b)));
    }
    List<List<double[]>> scores = new ArrayList<>();
    List<Record> settings = new ArrayList<>();
    for (CombinedConfig c : grid) {
      List<double[]> ctx = raw.get(c.context().memoryKey());
      List<double[]> b = base.get(c.base());
      List<double[]> out = new ArrayList<>();
      for (int f = 0; f < corpus.size(); f++) {
        double[] rf = ctx.get(f);
        double[] bf = b.get(f);
        double[] s = new double[rf.length];
        DoubleUnaryOperator part = CombinedDetector.contextPart(c);
        DoubleUnaryOperator once = CombinedDetector.output(c);
        for (int i = 0; i < s.length; i++) {
          s[i] = once.applyAsDouble(CombinedDetector.combine(bf[i], part.applyAsDouble(rf[i]), c.contextWeight()));
        }
        out.add(s);
      }
      scores.add(out);
      settings.add(c);
    }
    return CategoryCrossValidation.select(corpus, scores, settings, profiles);
  }

  private static Map<ContextualConfig, List<double[]>> rawScores(List<NabSeries> corpus,
      List<ContextualConfig> grid) {
    List<ContextualConfig> keys = grid.stream().map(ContextualConfig::memoryKey).distinct()
        .collect(Collectors.toList());
    int files = corpus.size();
    List<double[]> flat = IntStream.range(0, keys.size() * files).parallel()
        .mapToObj(k -> ContextualDetector.of(keys.get(k / files)).rawScores(corpus.get(k % files).values()))
        .collect(Collectors.toList());
    Map<ContextualConfig, List<double[]>> out = new HashMap<>();
    for (int k = 0; k < keys.size(); k++) {
      out.put(keys.get(k), flat.subList(k * files, (k + 1) * files));
    }
    return out;
  }

  private static List<double[]> runAll(List<NabSeries> corpus, StreamingDetector d) {
    return corpus.parallelStream().map(s -> d.scoreAll(s.values())).collect(Collectors.toList());
  }
}
