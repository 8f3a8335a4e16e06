package io.florets.vision.eval;

import io.florets.vision.data.BoxTarget;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Mean average precision of detections, Pascal-VOC style: per class, predictions over all images are
 * ranked by confidence; each is a true positive when it overlaps a not-yet-matched truth box of its class
 * in its image with IoU &ge; the threshold; AP is the area under the interpolated (monotone) precision
 * envelope over recall (all points); mAP averages AP over the classes that occur in the truth. Stateless.
 */
public final class DetectionMetrics {
  private DetectionMetrics() {
  }

  /**
   * mAP over images.
   *
   * @param predicted per image, the predicted boxes
   * @param truth per image, the truth boxes (same number of images)
   * @param iouThreshold e.g. 0.5
   * @return mAP in [0, 1]; 1.0 when there is no truth box and no prediction, 0.0 when there is no truth
   *     box but predictions exist
   */
  public static double meanAveragePrecision(List<List<ScoredBox>> predicted, List<List<BoxTarget>> truth,
      double iouThreshold) {
    if (predicted.size() != truth.size()) {
      throw new IllegalArgumentException("mAP needs predictions for every image: " + predicted.size()
          + " prediction lists for " + truth.size() + " images");
    }
    TreeSet<String> classes = new TreeSet<>();
    for (List<BoxTarget> t : truth) {
      for (BoxTarget b : t) {
        classes.add(b.label());
      }
    }
    if (classes.isEmpty()) {
      return predicted.stream().allMatch(List::isEmpty) ? 1.0 : 0.0;
    }
    double sum = 0;
    for (String c : classes) {
      sum += averagePrecision(predicted, truth, c, iouThreshold);
    }
    return sum / classes.size();
  }

  /** AP of one class. */
  static double averagePrecision(List<List<ScoredBox>> predicted, List<List<BoxTarget>> truth, String label,
      double iouThreshold) {
    record Hit(int image, ScoredBox box) {
    }
    List<Hit> hits = new ArrayList<>();
    int positives = 0;
    List<boolean[]> used = new ArrayList<>();
    for (int i = 0; i < truth.size(); i++) {
      used.add(new boolean[truth.get(i).size()]);
      for (BoxTarget b : truth.get(i)) {
        if (b.label().equals(label)) {
          positives++;
        }
      }
      for (ScoredBox p : predicted.get(i)) {
        if (p.box().label().equals(label)) {
          hits.add(new Hit(i, p));
        }
      }
    }
    hits.sort(Comparator.comparingDouble((Hit h) -> h.box().confidence()).reversed());
    int n = hits.size();
    double[] precision = new double[n];
    double[] recall = new double[n];
    int tp = 0;
    for (int k = 0; k < n; k++) {
      Hit h = hits.get(k);
      List<BoxTarget> t = truth.get(h.image());
      boolean[] u = used.get(h.image());
      int best = -1;
      double bestIou = iouThreshold;
      for (int j = 0; j < t.size(); j++) {
        if (!u[j] && t.get(j).label().equals(label)) {
          double iou = t.get(j).iou(h.box().box());
          if (iou >= bestIou) {
            bestIou = iou;
            best = j;
          }
        }
      }
      if (best >= 0) {
        u[best] = true;
        tp++;
      }
      precision[k] = tp / (double) (k + 1);
      recall[k] = tp / (double) positives;
    }
    for (int k = n - 2; k >= 0; k--) {
      precision[k] = Math.max(precision[k], precision[k + 1]);
    }
    double ap = 0;
    double prevRecall = 0;
    for (int k = 0; k < n; k++) {
      ap += (recall[k] - prevRecall) * precision[k];
      prevRecall = recall[k];
    }
    return ap;
  }
}
