package io.florets.cli;

import io.florets.datasets.Series;
import io.florets.datasets.Window;
import io.florets.engine.EngineConfig;
import io.florets.labelers.Labelers;
import io.florets.prompt.dataengine.Adaptation;
import io.florets.prompt.dataengine.DataEngineConfig;
import io.florets.prompt.dataengine.DataEngineListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code "florets"} figure of {@code florets eval ucr}: the adapted model's test accuracy. */
final class FloretsUcr {
  private FloretsUcr() {
  }

  /**
   * Adapts a tiny model to the training split (two data-engine rounds, {@code steps} steps first,
   * half as many per later round and after the last) and returns its {@code <CLASSIFY>} accuracy
   * on the test split; an answer that does not parse counts as wrong.
   */
  static double adaptedAccuracy(List<Series> train, List<Series> test, long steps, long seed) {
    List<Window> ws = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (Series s : train) {
      ws.add(Window.of(s.values()));
      labels.add(s.classLabel().orElse(null));
    }
    DataEngineConfig cfg = DataEngineConfig.defaults(2, seed)
        .withSteps(steps, Math.max(1, steps / 2), Math.max(1, steps / 2)).withOptimizer(16, 2e-3);
    Adaptation.Adapted a = Adaptation.adaptForClassification(ws, labels, Labelers.defaultSuite(),
        EngineConfig.tiny().withMaxLengths(32, 128), cfg, new DataEngineListener() { });
    try (var b = a.bundle()) {
      List<Window> tw = new ArrayList<>();
      for (Series s : test) {
        tw.add(Window.of(s.values()));
      }
      List<Optional<String>> pred = Adaptation.classify(b, tw, 32);
      int ok = 0;
      for (int i = 0; i < test.size(); i++) {
        if (pred.get(i).isPresent() && pred.get(i).equals(test.get(i).classLabel())) {
          ok++;
        }
      }
      return test.isEmpty() ? Double.NaN : (double) ok / test.size();
    }
  }
}
