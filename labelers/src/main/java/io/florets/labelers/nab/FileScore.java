package io.florets.labelers.nab;

/**
 * NAB's raw score of one data file at one threshold, with its detection counts (the columns of NAB's
 * {@code <detector>_<profile>_scores.csv}).
 *
 * @param relativePath the data file, relative to the corpus root
 * @param threshold rows with an anomaly score {@code >= threshold} are detections
 * @param score the raw (unnormalised) score
 * @param tp detections inside windows (scored rows only)
 * @param tn non-detections outside windows (scored rows only)
 * @param fp detections outside windows (scored rows only)
 * @param fn non-detections inside windows (scored rows only)
 * @param total all rows of the file, probationary ones included
 */
public record FileScore(String relativePath, double threshold, double score,
    int tp, int tn, int fp, int fn, int total) {}
