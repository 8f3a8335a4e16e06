package io.florets.cli;

import io.florets.datasets.Series;
import io.florets.datasets.Window;
import io.florets.labelers.Labelers;
import io.florets.dataengine.Adaptation;
import io.florets.dataengine.DataEngineConfig;
import io.florets.dataengine.DataEngineListener;
import io.florets.prompt.facade.Florets;
import io.florets.prompt.facade.bundle.BundleException;
import io.florets.prompt.facade.bundle.ModelBundle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code "florets"} figure of {@code florets eval ucr}: the adapted model's test accuracy. */
final class FloretsUcr {
  private FloretsUcr() {
  }

  /**
   * Adapts a copy of the shipped default model to the training split, as {@code florets train
   * --data ... --classes from-file} does (two data-engine rounds, {@code steps} steps first, half
   * as many after; whole series as windows; one PyTorch thread), and returns its {@code <CLASSIFY>} accuracy on the
   * test split; an answer that does not parse counts as wrong.
   *
   * @throws BundleException if the default model cannot be read
   */
  static double adaptedAccuracy(List<Series> train, List<Series> test, long steps, long seed)
      throws BundleException {
    List<Window> ws = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (Series s : train) {
      ws.add(Window.of(s.values()));
      labels.add(s.classLabel().orElse(null));
    }
    DataEngineConfig cfg = DataEngineConfig.defaults(2, seed)
        .withSteps(steps, Math.max(1, steps / 2), Math.max(1, steps / 2))
        .withOptimizer(DataTraining.DEFAULT_BATCH, DataTraining.DEFAULT_LR).withThreads(1);
    io.florets.engine.GradMode.setIntraOpThreads(1);
    Adaptation.Adapted a;
    try (ModelBundle init = ModelBundle.loadResource(Florets.DEFAULT_MODEL,
        Florets.class.getClassLoader())) {
      a = Adaptation.adaptForClassification(init, ws, labels, Labelers.defaultSuite(), cfg,
          new DataEngineListener() { });
    }
    try (ModelBundle b = a.bundle()) {
      return accuracy(b, test);
    }
  }

  /**
   * The {@code <CLASSIFY>} accuracy of a model on whole test series (an answer that does not
   * parse counts as wrong); NaN for an empty test split.
   */
  static double accuracy(ModelBundle b, List<Series> test) {
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
