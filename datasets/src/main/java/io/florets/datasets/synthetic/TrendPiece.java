package io.florets.datasets.synthetic;

/**
 * One linear piece of a channel's trend component, over samples {@code start..end} (inclusive).
 * Within the piece the trend rises by exactly {@code slope} per sample; pieces join continuously.
 *
 * @param start first sample of the piece
 * @param end last sample of the piece, &ge; start
 * @param slope trend increment per sample, in series units per sample (0 for a steady trend)
 */
public record TrendPiece(int start, int end, double slope) {
  /** Validates. */
  public TrendPiece {
    if (start < 0 || end < start || !Double.isFinite(slope)) {
      throw new IllegalArgumentException("trend piece needs 0 <= start <= end and a finite slope, got start="
          + start + ", end=" + end + ", slope=" + slope);
    }
  }
}
