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

  @Option(names = "--refit-all", description = "The training after the last data-engine round "
      + "also uses the held-out windows, so the returned model has learned from every labelled "
      + "series; heldOutClassAccuracy is then the last round's model's (off by default: it did not "
      + "answer more series right in the adaptation study, data-engine/RECIPES.md).")
  boolean refitAll;

  @Option(names = "--members", defaultValue = "1", description = "With class labels: adapt this "
      + "many copies from the same starting weights with different seeds, each with 1/N of the "
      + "steps, and average their weights into one model (a model soup; default 1).")
  int members = 1;

  @Option(names = "--readout", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "With class labels: give the adapted model a class readout, a frozen "
          + "whole-window convolution transform fitted to your series with a linear readout fitted "
          + "in closed form after the decoder has trained, whose scores add to your class names' "
          + "logits (default on; --no-readout: the decoder alone).")
  boolean readout = true;

  /** The adaptation's options as chosen. */
  Adaptation.Options options() {
    if (members < 1) {
      throw new IllegalArgumentException("--members must be >= 1, got " + members);
    }
    return new Adaptation.Options(convFeatures, transferSet, refitAll, members, readout);
  }

  /** Training steps of each member out of a budget of {@code steps} (at least 1). */
  long perMember(long steps) {
    return Math.max(1, steps / Math.max(1, members));
  }
}
