package io.florets.labelers.nab;

/**
 * Reports each score one sample late, and only when the next score is lower (otherwise 0): a
 * run of rising scores, as a smoothed surprise gives over the samples of its trailing mean, raises one
 * alarm at its top instead of one per sample. NAB counts every detection outside a window as a false
 * positive, so a rising run that crosses the threshold on two samples costs two; inside a window only the
 * first detection counts, and reporting it one sample later moves it by one row. The first sample reports
 * 0. Causal: the score reported at a sample depends on that sample and earlier ones. Not thread-safe.
 */
final class PeakConfirmation {
  private double pending;

  /** The score to report at the sample whose (unconfirmed) score is {@code s}. */
  double apply(double s) {
    double out = pending > 0 && s < pending ? pending : 0.0;
    pending = s;
    return out;
  }
}
