package io.florets.prompt.facade.bundle;

import java.util.Map;
import java.util.Objects;

/**
 * How a model folder was made (on top of the engine checkpoint's own provenance: versions, git
 * commit, engine training settings).
 *
 * @param recipe the training recipe name (e.g. {@code "default"}) or {@code "custom"}
 * @param command the command line that trained it (empty if made through the API)
 * @param dataHash hash of the training examples
 * @param data a description of the training data (e.g. the synthetic generator's settings)
 * @param seed the training seed
 * @param steps optimisation steps
 * @param trainSeconds wall-clock seconds of training
 * @param windows training windows
 * @param examplesPerTask examples per task name
 * @param finalLoss mean training loss over the last steps
 * @param details further named facts of the run (e.g. an adaptation's data file, window, stride,
 *     class names and initial model); empty when there are none, and when read from a folder
 *     written before this field existed
 */
public record BundleProvenance(String recipe, String command, String dataHash, String data,
    long seed, long steps, double trainSeconds, int windows, Map<String, Integer> examplesPerTask,
    double finalLoss, Map<String, String> details) {
  /** Validates and copies ({@code details == null} reads as empty). */
  public BundleProvenance {
    Objects.requireNonNull(recipe, "recipe");
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(dataHash, "dataHash");
    Objects.requireNonNull(data, "data");
    examplesPerTask = Map.copyOf(examplesPerTask);
    details = details == null ? Map.of()
        : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(details));
  }

  /** Provenance without further details. */
  public BundleProvenance(String recipe, String command, String dataHash, String data, long seed,
      long steps, double trainSeconds, int windows, Map<String, Integer> examplesPerTask,
      double finalLoss) {
    this(recipe, command, dataHash, data, seed, steps, trainSeconds, windows, examplesPerTask,
        finalLoss, Map.of());
  }

  /** A copy with these details (replacing any). */
  public BundleProvenance withDetails(Map<String, String> d) {
    return new BundleProvenance(recipe, command, dataHash, data, seed, steps, trainSeconds, windows,
        examplesPerTask, finalLoss, d);
  }

  /** Provenance of an untrained model. */
  public static BundleProvenance untrained(long seed) {
    return new BundleProvenance("untrained", "", "none", "none", seed, 0, 0, 0, Map.of(), 0);
  }
}
