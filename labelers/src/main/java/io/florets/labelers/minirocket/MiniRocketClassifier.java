package io.florets.labelers.minirocket;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * MiniRocket features followed by a {@link RidgeClassifierCV}: the complete classifier of the
 * paper. Class names are sorted in natural string order; {@link #classes()} gives that order.
 *
 * <p>Immutable and thread-safe after {@link #fit}.
 */
public final class MiniRocketClassifier {

  /** A prediction for one series: the class, its softmax probability, and every class' probability. */
  public record Prediction(String label, double confidence, double[] probabilities) {
    /** Validates and copies. */
    public Prediction {
      Objects.requireNonNull(label, "label");
      probabilities = probabilities.clone();
    }

    /** A copy of the per-class probabilities, in {@link MiniRocketClassifier#classes()} order. */
    @Override
    public double[] probabilities() {
      return probabilities.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Prediction p && label.equals(p.label)
          && Double.compare(confidence, p.confidence) == 0 && Arrays.equals(probabilities, p.probabilities);
    }

    @Override
    public int hashCode() {
      return Objects.hash(label, confidence, Arrays.hashCode(probabilities));
    }

    @Override
    public String toString() {
      return "Prediction[" + label + ", confidence=" + confidence + "]";
    }
  }

  private final MiniRocket transform;
  private final RidgeClassifierCV ridge;
  private final String[] classes;

  private MiniRocketClassifier(MiniRocket transform, RidgeClassifierCV ridge, String[] classes) {
    this.transform = transform;
    this.ridge = ridge;
    this.classes = classes;
  }

  /**
   * Fits the transform and the ridge classifier.
   *
   * @param x training series, examples &times; channels &times; length
   * @param labels class of each example (non-null); at least two distinct classes
   * @param config transform settings (seed, threads, feature count)
   * @throws IllegalArgumentException for mismatched sizes, fewer than two classes or bad series
   */
  public static MiniRocketClassifier fit(float[][][] x, String[] labels, MiniRocketConfig config) {
    if (x == null || labels == null || x.length != labels.length) {
      throw new IllegalArgumentException("MiniRocket: need one label per series, got "
          + (x == null ? 0 : x.length) + " series and " + (labels == null ? 0 : labels.length) + " labels");
    }
    Map<String, Integer> index = new TreeMap<>();
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] == null) {
        throw new IllegalArgumentException("MiniRocket: label of series " + i + " is null");
      }
      index.put(labels[i], 0);
    }
    String[] classes = index.keySet().toArray(new String[0]);
    for (int k = 0; k < classes.length; k++) {
      index.put(classes[k], k);
    }
    int[] y = new int[labels.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = index.get(labels[i]);
    }
    if (classes.length < 2) {
      throw new IllegalArgumentException("MiniRocket: need at least two classes, got "
          + Arrays.toString(classes));
    }
    MiniRocket t = MiniRocket.fit(x, config);
    float[][] features = t.transform(x);
    RidgeClassifierCV r = RidgeClassifierCV.fit(features, y, classes.length,
        RidgeClassifierCV.defaultAlphas());
    return new MiniRocketClassifier(t, r, classes);
  }

  /** Predicted class of each series. */
  public String[] predict(float[][][] x) {
    int[] k = ridge.predict(transform.transform(x));
    String[] out = new String[k.length];
    for (int i = 0; i < k.length; i++) {
      out[i] = classes[k[i]];
    }
    return out;
  }

  /** Predictions with softmax confidences for a batch of series (transform runs in parallel). */
  public Prediction[] predictWithConfidence(float[][][] x) {
    double[][] scores = ridge.decisionFunction(transform.transform(x));
    Prediction[] out = new Prediction[scores.length];
    for (int i = 0; i < scores.length; i++) {
      out[i] = toPrediction(scores[i]);
    }
    return out;
  }

  /** The prediction for one series (channels &times; length), computed on the calling thread. */
  public Prediction predict(float[][] series) {
    return toPrediction(ridge.decisionFunction(transform.transform(series)));
  }

  private Prediction toPrediction(double[] scores) {
    double[] p = softmax(scores);
    int best = RidgeClassifierCV.argmax(p);
    return new Prediction(classes[best], p[best], p);
  }

  static double[] softmax(double[] s) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : s) {
      max = Math.max(max, v);
    }
    double sum = 0;
    double[] p = new double[s.length];
    for (int k = 0; k < s.length; k++) {
      p[k] = Math.exp(s[k] - max);
      sum += p[k];
    }
    for (int k = 0; k < s.length; k++) {
      p[k] /= sum;
    }
    return p;
  }

  /** The class names, in the order of score and probability vectors (a copy). */
  public String[] classes() {
    return classes.clone();
  }

  /** The fitted transform. */
  public MiniRocket transform() {
    return transform;
  }

  /** The fitted ridge classifier. */
  public RidgeClassifierCV ridge() {
    return ridge;
  }
}
