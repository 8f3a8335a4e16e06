package io.florets.dataengine;

import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.ShapeTag;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Confident learning over shape tags: a window is flagged when the model's tag differs from the
 * current label and the model's confidence reaches the per-class threshold, the mean
 * self-confidence of the model's answers of that class (facet and value) over all windows.
 */
public final class ConfidentLearning {
  /** One flagged label. */
  public record Flag(int window, ShapeTag current, ShapeTag model, double confidence) {
  }

  private ConfidentLearning() {
  }

  /**
   * Per-class thresholds: for each {@code facet=value}, the mean confidence of the model's tags of
   * that value.
   *
   * @param model per window, the model's annotations
   */
  public static Map<String, Double> thresholds(List<List<Annotation>> model) {
    Map<String, double[]> sums = new HashMap<>();
    for (List<Annotation> w : model) {
      for (Annotation a : w) {
        if (a.target() instanceof ShapeTag t) {
          double[] s = sums.computeIfAbsent(key(t), k -> new double[2]);
          s[0] += a.confidence();
          s[1]++;
        }
      }
    }
    Map<String, Double> out = new HashMap<>();
    sums.forEach((k, s) -> out.put(k, s[0] / s[1]));
    return out;
  }

  /**
   * The flagged labels.
   *
   * @param labels per window, the current labels (consensus and human)
   * @param model per window, the model's annotations
   * @param thresholds from {@link #thresholds}
   */
  public static List<Flag> flags(List<List<Annotation>> labels, List<List<Annotation>> model,
      Map<String, Double> thresholds) {
    if (labels.size() != model.size()) {
      throw new IllegalArgumentException("labels for " + labels.size() + " windows but model "
          + "answers for " + model.size());
    }
    List<Flag> out = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      for (Annotation m : model.get(i)) {
        if (!(m.target() instanceof ShapeTag mt)) {
          continue;
        }
        Double th = thresholds.get(key(mt));
        if (th == null || m.confidence() < th) {
          continue;
        }
        for (Annotation l : labels.get(i)) {
          if (l.target() instanceof ShapeTag lt && lt.facet() == mt.facet()
              && lt.channel() == mt.channel() && !lt.value().equals(mt.value())) {
            out.add(new Flag(i, lt, mt, m.confidence()));
          }
        }
      }
    }
    return out;
  }

  static String key(ShapeTag t) {
    return t.facet().token() + "=" + t.value();
  }
}
