package io.florets.vision.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.florets.vision.data.BoxTarget;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetectionMetricsTest {
  private static ScoredBox p(String l, double x, double conf) {
    return new ScoredBox(new BoxTarget(l, x, 0, x + 10, 10), conf);
  }

  private static BoxTarget t(String l, double x) {
    return new BoxTarget(l, x, 0, x + 10, 10);
  }

  @Test
  void perfectPredictionsGiveOne() {
    assertEquals(1.0, DetectionMetrics.meanAveragePrecision(
        List.of(List.of(p("a", 0, 0.9), p("b", 20, 0.8))), List.of(List.of(t("a", 0), t("b", 20))), 0.5), 1e-12);
  }

  @Test
  void handComputedAveragePrecision() {
    // class a: 2 truths; ranked predictions: TP (0.9), FP (0.8), TP (0.7)
    // precision 1, 1/2, 2/3 at recall 1/2, 1/2, 1 -> envelope 1, 2/3, 2/3 -> AP = 0.5*1 + 0.5*2/3
    double ap = DetectionMetrics.meanAveragePrecision(
        List.of(List.of(p("a", 0, 0.9), p("a", 40, 0.8)), List.of(p("a", 2, 0.7))),
        List.of(List.of(t("a", 0)), List.of(t("a", 0))), 0.5);
    assertEquals(0.5 + 1.0 / 3, ap, 1e-12);
  }

  @Test
  void duplicatesAndWrongLabelsDoNotCount() {
    double ap = DetectionMetrics.meanAveragePrecision(
        List.of(List.of(p("a", 0, 0.9), p("a", 0, 0.8), p("b", 0, 0.7))),
        List.of(List.of(t("a", 0), t("c", 0))), 0.5);
    // a: TP then FP -> AP 1; c: never predicted -> AP 0; mean 0.5
    assertEquals(0.5, ap, 1e-12);
  }
}
