package io.florets.labelers.minirocket;

/**
 * The 1-nearest-neighbour classifier with Euclidean distance over all channels, optionally on
 * z-normalised series (each channel of each series scaled to mean 0, standard deviation 1): the
 * sanity floor every UCR result is compared with. Ties go to the earlier training series.
 *
 * <p>Stateless; thread-safe.
 */
public final class NearestNeighbour {
  private NearestNeighbour() {
  }

  /**
   * Predicts the label of each test series.
   *
   * @param train training series, examples &times; channels &times; length
   * @param labels label of each training series
   * @param test test series of the same shape
   * @param zNormalise whether to z-normalise every channel of every series first
   * @return the predicted label of each test series
   * @throws IllegalArgumentException for mismatched shapes or non-finite values
   */
  public static String[] predict(float[][][] train, String[] labels, float[][][] test, boolean zNormalise) {
    Shape s = Shape.check(train, -1, -1, "1-NN training set");
    Shape.check(test, s.channels, s.length, "1-NN test set");
    if (labels == null || labels.length != train.length) {
      throw new IllegalArgumentException("1-NN: need one label per training series, got "
          + (labels == null ? 0 : labels.length) + " for " + train.length);
    }
    double[][] tr = new double[train.length][];
    for (int i = 0; i < tr.length; i++) {
      tr[i] = flatten(train[i], zNormalise);
    }
    String[] out = new String[test.length];
    for (int q = 0; q < test.length; q++) {
      double[] x = flatten(test[q], zNormalise);
      double best = Double.POSITIVE_INFINITY;
      int arg = 0;
      for (int i = 0; i < tr.length; i++) {
        double[] r = tr[i];
        double d = 0;
        for (int t = 0; t < x.length && d < best; t++) {
          double diff = x[t] - r[t];
          d += diff * diff;
        }
        if (d < best) {
          best = d;
          arg = i;
        }
      }
      out[q] = labels[arg];
    }
    return out;
  }

  private static double[] flatten(float[][] series, boolean zNormalise) {
    int len = series[0].length;
    double[] out = new double[series.length * len];
    for (int c = 0; c < series.length; c++) {
      double mean = 0;
      double sd = 1;
      if (zNormalise) {
        for (float v : series[c]) {
          mean += v;
        }
        mean /= len;
        double var = 0;
        for (float v : series[c]) {
          var += (v - mean) * (v - mean);
        }
        double s = Math.sqrt(var / len);
        sd = s > 0 ? s : 1;
      }
      for (int t = 0; t < len; t++) {
        out[c * len + t] = (series[c][t] - mean) / sd;
      }
    }
    return out;
  }

  /** Fraction of positions where {@code predicted} equals {@code truth}. */
  public static double accuracy(String[] predicted, String[] truth) {
    if (predicted.length != truth.length || truth.length == 0) {
      throw new IllegalArgumentException("accuracy: " + predicted.length + " predictions for "
          + truth.length + " labels");
    }
    int ok = 0;
    for (int i = 0; i < truth.length; i++) {
      ok += predicted[i].equals(truth[i]) ? 1 : 0;
    }
    return ok / (double) truth.length;
  }
}
