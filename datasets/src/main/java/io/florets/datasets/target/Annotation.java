package io.florets.datasets.target;

import java.util.Objects;

/**
 * A target together with who produced it and how confident it is.
 *
 * @param target what is said about the window
 * @param source name of the labeler, model or human source (e.g. {@code "spike.hampel"}, {@code "human"})
 * @param sourceVersion version of the source
 * @param confidence in [0, 1]
 */
public record Annotation(Target target, String source, String sourceVersion, double confidence) {
  /** Source name used for ground truth and human labels. */
  public static final String HUMAN = "human";
  /** Source name used for the synthetic generator's exact truth. */
  public static final String TRUTH = "truth";

  public Annotation {
    Objects.requireNonNull(target, "target");
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException("annotation source must be non-blank, got '" + source + "'");
    }
    Objects.requireNonNull(sourceVersion, "sourceVersion");
    if (!(confidence >= 0.0 && confidence <= 1.0)) {
      throw new IllegalArgumentException("confidence of " + source + " must be in [0,1], got " + confidence);
    }
  }

  /** Ground truth with confidence 1. */
  public static Annotation truth(Target target) {
    return new Annotation(target, TRUTH, "1", 1.0);
  }
}
