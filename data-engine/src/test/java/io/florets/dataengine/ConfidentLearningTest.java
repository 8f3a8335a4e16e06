package io.florets.dataengine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.ShapeFacet;
import io.florets.datasets.target.ShapeTag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfidentLearningTest {
  private static Annotation tag(String value, String source, double conf) {
    return new Annotation(new ShapeTag(ShapeFacet.TREND, value), source, "1", conf);
  }

  @Test
  void flagsThePlantedLabelErrorOnly() {
    List<List<Annotation>> labels = new ArrayList<>();
    List<List<Annotation>> model = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String truth = i % 2 == 0 ? "increasing" : "decreasing";
      // window 7 carries a wrong label; window 12 a disagreement where the model is unsure
      String label = i == 7 ? "steady" : (i == 12 ? "increasing" : truth);
      labels.add(List.of(tag(label, "consensus", 0.9)));
      model.add(List.of(tag(truth, "model", i == 12 ? 0.3 : 0.8 + 0.01 * (i % 5))));
    }
    Map<String, Double> th = ConfidentLearning.thresholds(model);
    List<ConfidentLearning.Flag> flags = ConfidentLearning.flags(labels, model, th);
    assertEquals(1, flags.size(), flags.toString());
    assertEquals(7, flags.get(0).window());
    assertEquals("steady", flags.get(0).current().value());
    assertEquals("decreasing", flags.get(0).model().value());
  }

  @Test
  void thresholdIsMeanSelfConfidencePerClass() {
    List<List<Annotation>> model = List.of(List.of(tag("increasing", "model", 0.6)),
        List.of(tag("increasing", "model", 1.0)), List.of(tag("steady", "model", 0.5)));
    Map<String, Double> th = ConfidentLearning.thresholds(model);
    assertEquals(0.8, th.get("trend=increasing"), 1e-12);
    assertEquals(0.5, th.get("trend=steady"), 1e-12);
  }
}
