package io.florets.prompt.calibration;

/**
 * The identity of the trained model a calibration belongs to: a calibration fitted to one set of
 * weights says nothing about another, so {@code calibration.json} records this and loading checks
 * it.
 *
 * @param vocabularyHash the model's vocabulary hash (SHA-256 hex)
 * @param parametersSha256 SHA-256 (hex) of the engine checkpoint's parameter file
 */
public record ModelFingerprint(String vocabularyHash, String parametersSha256) {
  /** Rejects blank hashes. */
  public ModelFingerprint {
    if (vocabularyHash == null || vocabularyHash.isBlank()) {
      throw new IllegalArgumentException("model fingerprint needs a vocabulary hash, got '"
          + vocabularyHash + "'");
    }
    if (parametersSha256 == null || parametersSha256.isBlank()) {
      throw new IllegalArgumentException("model fingerprint needs a parameters SHA-256, got '"
          + parametersSha256 + "'");
    }
  }
}
