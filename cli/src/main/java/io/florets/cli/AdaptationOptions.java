package io.florets.cli;

import io.florets.dataengine.Adaptation;
import picocli.CommandLine.Option;

/**
 * The options of a classification adaptation shared by {@code train --data} and {@code eval ucr}.
 * A picocli mixin: {@code @Mixin AdaptationOptions adaptation;}.
 */
final class AdaptationOptions {
  @Option(names = "--transfer-set", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "With class labels: add augmented copies of the labelled series (about 1,000 "
          + "windows in all, at most 10 per series), labelled by the MiniRocket specialist fitted "
          + "on your labels, so the model learns to answer as the specialist on series around "
          + "yours (default on; --no-transfer-set: only your series).")
  boolean transferSet = true;

  @Option(names = "--conv-features", description = "With class labels: give the adapted model's "
      + "front end fixed MiniRocket-style convolution features per patch (off by default: they "
      + "did not help in the adaptation study, data-engine/RECIPES.md).")
  boolean convFeatures;

  /** The adaptation's options as chosen. */
  Adaptation.Options options() {
    return new Adaptation.Options(convFeatures, transferSet);
  }
}
