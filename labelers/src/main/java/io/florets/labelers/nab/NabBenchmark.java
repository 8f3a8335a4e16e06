package io.florets.labelers.nab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * NAB's protocol end to end: run a streaming detector over every file of a corpus, choose one
 * threshold per profile over the whole corpus with NAB's optimiser, score every file at it, and
 * normalise against NAB's null detector (a constant score) and a perfect detector.
 *
 * <p>Stateless and thread-safe; files are processed in parallel (one detector session per file).
 */
public final class NabBenchmark {
  /** The constant anomaly score of NAB's null detector. */
  public static final double NULL_DETECTOR_SCORE = 0.5;

  private NabBenchmark() {}

  /** The outcome: per-file anomaly scores and one result per profile. */
  public record Outcome(String detector, List<NabSeries> corpus, List<double[]> anomalyScores,
      List<ProfileResult> profiles, long detectMillis) {

    /** Copies the lists (the score arrays are shared, not copied). */
    public Outcome {
      corpus = List.copyOf(corpus);
      anomalyScores = List.copyOf(anomalyScores);
      profiles = List.copyOf(profiles);
    }
  }

  /** Runs {@code detector} over the corpus and scores it for every profile. */
  public static Outcome run(List<NabSeries> corpus, StreamingDetector detector, List<NabProfile> profiles) {
    if (corpus.isEmpty()) {
      throw new IllegalArgumentException("NAB corpus is empty");
    }
    long t0 = System.nanoTime();
    List<double[]> scores = IntStream.range(0, corpus.size()).parallel()
        .mapToObj(i -> detector.scoreAll(corpus.get(i).values()))
        .collect(Collectors.toList());
    long detectMillis = (System.nanoTime() - t0) / 1_000_000;
    for (int f = 0; f < scores.size(); f++) {
      for (double v : scores.get(f)) {
        if (!(v >= 0.0 && v <= 1.0)) {
          throw new IllegalStateException(detector.name() + " gave anomaly score " + v + " outside [0, 1] on "
              + corpus.get(f).relativePath());
        }
      }
    }
    return score(detector.name(), corpus, scores, profiles, detectMillis);
  }

  /** Scores given anomaly scores (one array per file) for every profile. */
  public static Outcome score(String detectorName, List<NabSeries> corpus, List<double[]> scores,
      List<NabProfile> profiles, long detectMillis) {
    int windows = corpus.stream().mapToInt(NabScorer::scoredWindows).sum();
    List<ProfileResult> results = new ArrayList<>();
    for (NabProfile p : profiles) {
      ThresholdChoice best = NabScorer.optimiseThreshold(corpus, scores, p);
      double nullScore = nullScore(corpus, p);
      double perfect = windows * p.tpWeight();
      List<FileScore> files = new ArrayList<>();
      double raw = 0;
      for (int f = 0; f < corpus.size(); f++) {
        FileScore fs = NabScorer.scoreFile(corpus.get(f), scores.get(f), p, best.threshold());
        files.add(fs);
        raw += fs.score();
      }
      results.add(new ProfileResult(p, best.threshold(), raw, nullScore, perfect,
          NabScorer.normalise(raw, nullScore, perfect), files));
    }
    return new Outcome(detectorName, corpus, scores, results, detectMillis);
  }

  /** The raw score of NAB's null detector (a constant score) on {@code files}, at its own optimised threshold. */
  public static double nullScore(List<NabSeries> files, NabProfile p) {
    List<double[]> nulls = new ArrayList<>();
    for (NabSeries s : files) {
      double[] a = new double[s.length()];
      Arrays.fill(a, NULL_DETECTOR_SCORE);
      nulls.add(a);
    }
    return NabScorer.optimiseThreshold(files, nulls, p).score();
  }
}
