package io.florets.labelers.nab;

import java.util.List;

/**
 * A detector's NAB result for one profile.
 *
 * @param profile the profile
 * @param threshold the corpus-wide threshold chosen by NAB's optimiser for this profile
 * @param rawScore the corpus raw score at that threshold (sum of the per-file scores)
 * @param nullScore the raw score of NAB's null detector (a constant score) on the same corpus
 * @param perfectScore the raw score of a perfect detector: {@code tpWeight} times the number of windows
 * @param normalisedScore {@code 100 (raw - null) / (perfect - null)}
 * @param files the per-file raw scores at the threshold, in corpus order
 */
public record ProfileResult(NabProfile profile, double threshold, double rawScore, double nullScore,
    double perfectScore, double normalisedScore, List<FileScore> files) {

  /** Copies the file list. */
  public ProfileResult {
    files = List.copyOf(files);
  }
}
