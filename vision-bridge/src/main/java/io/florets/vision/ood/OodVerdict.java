package io.florets.vision.ood;

import java.util.List;

/**
 * The out-of-distribution verdict on one image.
 *
 * @param flagged whether any score is above its threshold: the image is unlike the training data
 * @param scores one score per feature of the check
 */
public record OodVerdict(boolean flagged, List<Score> scores) {
  /** Copies. */
  public OodVerdict {
    scores = List.copyOf(scores);
  }

  /**
   * One feature's score.
   *
   * @param feature the feature's name ({@link OodFeature#jsonName()})
   * @param distance the Mahalanobis distance of the image's feature from the training-like images'
   * @param threshold the calibrated threshold of that feature
   */
  public record Score(String feature, double distance, double threshold) {
    /** Whether the distance is above the threshold. */
    public boolean over() {
      return distance > threshold;
    }
  }
}
