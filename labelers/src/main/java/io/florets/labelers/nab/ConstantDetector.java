package io.florets.labelers.nab;


/**
 * NAB's null detector: the same anomaly score for every row. Its optimised score is NAB's baseline
 * {@code S_null}.
 *
 * @param score the constant score, in {@code [0, 1]}
 */
public record ConstantDetector(double score) implements StreamingDetector {

  /** Validates the score. */
  public ConstantDetector {
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("constant score must be in [0, 1], got " + score);
    }
  }

  /** NAB's null detector (score 0.5). */
  public static ConstantDetector nab() {
    return new ConstantDetector(NabBenchmark.NULL_DETECTOR_SCORE);
  }

  @Override
  public String name() {
    return "null";
  }

  @Override
  public ConstantDetector settings() {
    return this;
  }

  @Override
  public Session start() {
    return v -> score;
  }
}
