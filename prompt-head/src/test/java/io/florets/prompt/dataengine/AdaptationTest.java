package io.florets.prompt.dataengine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.Window;
import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.ClassLabel;
import io.florets.engine.EngineConfig;
import io.florets.labelers.Labelers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AdaptationTest {
  @Test
  void adaptedModelAnswersClassifyWithTheUsersClassNames() {
    Random r = new Random(3);
    List<Window> ws = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      float[] v = new float[64];
      boolean wave = i % 2 == 0;
      for (int t = 0; t < v.length; t++) {
        v[t] = (float) ((wave ? Math.sin(t / 3.0) : 0.02 * t) + 0.1 * r.nextGaussian());
      }
      ws.add(Window.of(v));
      labels.add(i == 15 ? null : (wave ? "wave" : "ramp"));
    }
    DataEngineConfig cfg = DataEngineConfig.defaults(2, 5).withSteps(2, 1, 1)
        .withOptimizer(4, 1e-3).withThreads(1).withModelTasks(List.of());
    Adaptation.Adapted a = Adaptation.adaptForClassification(ws, labels,
        Labelers.defaultSuite(), EngineConfig.tiny().withMaxLengths(32, 48), cfg,
        new DataEngineListener() { });
    try (var b = a.bundle()) {
      assertEquals(List.of("wave", "ramp"), a.classNames());
      assertTrue(b.head().vocabulary().classNames().containsAll(a.classNames()));
      for (Optional<String> c : Adaptation.classify(b, ws.subList(0, 4), 4)) {
        c.ifPresent(x -> assertTrue(a.classNames().contains(x), "answer " + x));
      }
      // the user's labels are kept as the targets of the labelled windows
      List<Annotation> first = a.result().labeled().get(0).annotations();
      assertTrue(first.contains(new Annotation(new ClassLabel("wave"), Annotation.HUMAN, "user", 1)));
    }
  }

  @Test
  void needsTwoClasses() {
    List<Window> ws = List.of(Window.of(new float[] {1, 2, 3}), Window.of(new float[] {3, 2, 1}));
    assertThrows(IllegalArgumentException.class, () -> Adaptation.adaptForClassification(ws,
        java.util.Arrays.asList("a", null), Labelers.defaultSuite(), EngineConfig.tiny(),
        DataEngineConfig.defaults(2, 1), new DataEngineListener() { }));
  }
}
