package io.florets.labelers.nab;

import java.util.Arrays;
import java.util.List;

/**
 * NAB's scoring rule (see the package documentation): per-row sweep weights, per-file raw scores at a
 * threshold, the per-row score attribution {@code S(t)}, and the corpus-wide threshold sweep of NAB's
 * optimiser. All methods are pure and thread-safe.
 */
public final class NabScorer {
  /** NAB's probationary fraction of each file. */
  public static final double PROBATIONARY_FRACTION = 0.15;
  /** NAB's cap on the probationary length: {@code 0.15 * 5000} rows. */
  public static final int PROBATIONARY_CAP = 750;
  /** The threshold NAB's sweep starts from: above every score, so nothing is detected. */
  public static final double NO_DETECTION_THRESHOLD = 1.1;

  private static final int PROBATION = -2;
  private static final int OUTSIDE = -1;

  private NabScorer() {}

  /** NAB's probationary length of a file of {@code rows} rows: {@code min(floor(0.15 rows), 750)}. */
  public static int probationaryLength(int rows) {
    return (int) Math.min(Math.floor(PROBATIONARY_FRACTION * rows), PROBATIONARY_CAP);
  }

  /**
   * NAB's scaled sigmoid of a relative position {@code y}: {@code 2 / (1 + exp(5y)) - 1}, and exactly
   * {@code -1} for {@code y >= 3}.
   */
  public static double scaledSigmoid(double y) {
    if (y >= 3.0) {
      return -1.0;
    }
    return 2.0 / (1.0 + Math.exp(5.0 * y)) - 1.0;
  }

  /**
   * NAB's weighted sweep score of every row, as if it were a detection: inside a window the TP weight
   * times the scaled sigmoid of the relative position (normalised so the window's first row scores the
   * full weight), outside the FP weight times the scaled sigmoid of the distance past the previous window.
   * Probationary rows get their sweep score too; they are never counted.
   */
  public static double[] sweepScores(NabSeries s, NabProfile p) {
    int n = s.length();
    double[] out = new double[n];
    double maxTp = scaledSigmoid(-1.0);
    int prevEnd = -1;
    int prevWidth = 0;
    int next = 0;
    List<IndexWindow> ws = s.windows();
    for (int i = 0; i < n; i++) {
      IndexWindow cur = null;
      if (next < ws.size() && ws.get(next).contains(i)) {
        cur = ws.get(next);
      }
      if (cur != null) {
        double pos = -(cur.end() - i + 1) / (double) cur.width();
        out[i] = scaledSigmoid(pos) * p.tpWeight() / maxTp;
        if (i == cur.end()) {
          prevEnd = cur.end();
          prevWidth = cur.width();
          next++;
        }
      } else {
        double pos = prevEnd < 0 || prevWidth <= 1 ? 3.0 : Math.abs(prevEnd - i) / (double) (prevWidth - 1);
        out[i] = scaledSigmoid(pos) * p.fpWeight();
      }
    }
    return out;
  }

  /** Per row: {@link #PROBATION}, {@link #OUTSIDE}, or the index of the window the row lies in. */
  static int[] rowRoles(NabSeries s) {
    int[] role = new int[s.length()];
    Arrays.fill(role, OUTSIDE);
    List<IndexWindow> ws = s.windows();
    for (int k = 0; k < ws.size(); k++) {
      Arrays.fill(role, ws.get(k).start(), ws.get(k).end() + 1, k);
    }
    Arrays.fill(role, 0, Math.min(probationaryLength(s.length()), s.length()), PROBATION);
    return role;
  }

  /**
   * The raw score of one file at a threshold (detections are rows with anomaly score {@code >= threshold}).
   *
   * @throws IllegalArgumentException if the score array does not match the file's length
   */
  public static FileScore scoreFile(NabSeries s, double[] anomalyScores, NabProfile p, double threshold) {
    double[] contrib = contributions(s, anomalyScores, p, threshold);
    int[] role = rowRoles(s);
    int tp = 0;
    int tn = 0;
    int fp = 0;
    int fn = 0;
    double score = 0;
    for (int i = 0; i < role.length; i++) {
      score += contrib[i];
      if (role[i] == PROBATION) {
        continue;
      }
      boolean detected = anomalyScores[i] >= threshold;
      if (role[i] == OUTSIDE) {
        if (detected) {
          fp++;
        } else {
          tn++;
        }
      } else if (detected) {
        tp++;
      } else {
        fn++;
      }
    }
    return new FileScore(s.relativePath(), threshold, score, tp, tn, fp, fn, s.length());
  }

  /**
   * The per-row attribution {@code S(t)} of a file's raw score at a threshold (they sum to it): a
   * window's first detection carries its TP score, an undetected window carries {@code -fnWeight} on its
   * first scored row, a detection outside windows carries its FP score, every other row 0.
   */
  public static double[] contributions(NabSeries s, double[] anomalyScores, NabProfile p, double threshold) {
    checkLength(s, anomalyScores);
    double[] sweep = sweepScores(s, p);
    int[] role = rowRoles(s);
    double[] out = new double[role.length];
    int windows = s.windows().size();
    int[] firstScored = new int[windows];
    int[] firstDetected = new int[windows];
    Arrays.fill(firstScored, -1);
    Arrays.fill(firstDetected, -1);
    for (int i = 0; i < role.length; i++) {
      int r = role[i];
      if (r == PROBATION) {
        continue;
      }
      boolean detected = anomalyScores[i] >= threshold;
      if (r == OUTSIDE) {
        out[i] = detected ? sweep[i] : 0.0;
      } else {
        if (firstScored[r] < 0) {
          firstScored[r] = i;
        }
        if (detected && firstDetected[r] < 0) {
          firstDetected[r] = i;
        }
      }
    }
    for (int k = 0; k < windows; k++) {
      if (firstDetected[k] >= 0) {
        out[firstDetected[k]] = sweep[firstDetected[k]];
      } else if (firstScored[k] >= 0) {
        out[firstScored[k]] = -p.fnWeight();
      }
    }
    return out;
  }

  /** Number of windows that hold at least one scored (non-probationary) row: NAB's count of windows. */
  public static int scoredWindows(NabSeries s) {
    int p = probationaryLength(s.length());
    int c = 0;
    for (IndexWindow w : s.windows()) {
      if (w.end() >= p) {
        c++;
      }
    }
    return c;
  }

  static void checkLength(NabSeries s, double[] anomalyScores) {
    if (anomalyScores.length != s.length()) {
      throw new IllegalArgumentException(s.relativePath() + ": " + anomalyScores.length
          + " anomaly scores for " + s.length() + " rows");
    }
    for (int i = 0; i < anomalyScores.length; i++) {
      if (Double.isNaN(anomalyScores[i])) {
        throw new IllegalArgumentException(s.relativePath() + ": anomaly score at row " + i + " is NaN");
      }
    }
  }

  /**
   * NAB's optimiser: sweeps every distinct anomaly score of the corpus as a threshold (highest first,
   * starting from {@link #NO_DETECTION_THRESHOLD}) and returns the one with the highest corpus raw score;
   * among equal scores the highest threshold wins, as in NAB.
   *
   * @param files the corpus
   * @param anomalyScores one array per file, same order and lengths
   */
  public static ThresholdChoice optimiseThreshold(List<NabSeries> files, List<double[]> anomalyScores, NabProfile p) {
    if (files.size() != anomalyScores.size()) {
      throw new IllegalArgumentException(files.size() + " files but " + anomalyScores.size() + " score arrays");
    }
    int total = 0;
    for (int f = 0; f < files.size(); f++) {
      checkLength(files.get(f), anomalyScores.get(f));
      total += files.get(f).length() - probationaryLength(files.get(f).length());
    }
    double[] score = new double[total];
    double[] sweep = new double[total];
    int[] window = new int[total];
    int windowCount = 0;
    int m = 0;
    for (int f = 0; f < files.size(); f++) {
      NabSeries s = files.get(f);
      double[] sw = sweepScores(s, p);
      int[] role = rowRoles(s);
      double[] a = anomalyScores.get(f);
      for (int i = 0; i < role.length; i++) {
        if (role[i] != PROBATION) {
          score[m] = a[i];
          sweep[m] = sw[i];
          window[m] = role[i] == OUTSIDE ? -1 : windowCount + role[i];
          m++;
        }
      }
      windowCount += s.windows().size();
    }
    double[] part = new double[windowCount];
    Arrays.fill(part, -p.fnWeight());
    double current = 0;
    boolean[] counted = new boolean[windowCount];
    for (int w : window) {
      if (w >= 0 && !counted[w]) {
        counted[w] = true;
        current -= p.fnWeight();
      }
    }
    Integer[] order = new Integer[total];
    for (int i = 0; i < total; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> Double.compare(score[y], score[x]));
    double bestThreshold = NO_DETECTION_THRESHOLD;
    double bestScore = current;
    int i = 0;
    while (i < total) {
      double level = score[order[i]];
      while (i < total && score[order[i]] == level) {
        int r = order[i];
        if (window[r] < 0) {
          current += sweep[r];
        } else if (sweep[r] > part[window[r]]) {
          current += sweep[r] - part[window[r]];
          part[window[r]] = sweep[r];
        }
        i++;
      }
      if (current > bestScore) {
        bestScore = current;
        bestThreshold = level;
      }
    }
    return new ThresholdChoice(p, bestThreshold, bestScore);
  }

  /** NAB's normalised score {@code 100 (raw - nullScore) / (perfect - nullScore)}. */
  public static double normalise(double raw, double nullScore, double perfect) {
    if (!(perfect > nullScore)) {
      throw new IllegalArgumentException("perfect score " + perfect + " must exceed the null score " + nullScore);
    }
    return 100.0 * (raw - nullScore) / (perfect - nullScore);
  }
}
