package io.florets.engine;

/**
 * What the engine needs to know about a vocabulary: its size, the three special ids it uses and a
 * hash that identifies the exact vocabulary (checked when a checkpoint is loaded).
 *
 * <p>The engine never sees words: the tokenizer lives in prompt-head. Immutable, thread-safe.
 *
 * @param size number of token ids ({@code 0..size-1}), &ge; 4
 * @param padId id used to pad prompts (never predicted as a target)
 * @param bosId id fed to the decoder as its first input
 * @param eosId id that ends a decoded answer (appended to every training target)
 * @param hash a stable hash of the vocabulary's contents (non-empty)
 * @param ordinalFirstId first id of a run of ids that stand for an ordered scale (e.g. magnitude
 *     bins of numbers); 0 with {@code ordinalBins} 0 when there is none
 * @param ordinalBins length of that run (0 = none). Their logits gain a Gaussian score around a
 *     position on the scale that the network regresses from its state, so that neighbouring bins
 *     share what is learned about one
 * @param numberSignIds the ids of a number's zero, positive-sign and negative-sign tokens (in that
 *     order, written before its magnitude bin), or {@code null} when the vocabulary has none
 */
public record VocabSpec(int size, int padId, int bosId, int eosId, String hash, int ordinalFirstId,
    int ordinalBins, int[] numberSignIds) {
  /** Without an ordinal run (the layout of checkpoints written before it existed). */
  public VocabSpec(int size, int padId, int bosId, int eosId, String hash) {
    this(size, padId, bosId, eosId, hash, 0, 0, null);
  }

  /** Without number sign ids. */
  public VocabSpec(int size, int padId, int bosId, int eosId, String hash, int ordinalFirstId,
      int ordinalBins) {
    this(size, padId, bosId, eosId, hash, ordinalFirstId, ordinalBins, null);
  }

  /** A copy of the sign ids (null when there are none). */
  @Override
  public int[] numberSignIds() {
    return numberSignIds == null ? null : numberSignIds.clone();
  }

  /** Validates ids and hash. */
  public VocabSpec {
    if (ordinalBins < 0 || ordinalFirstId < 0 || (ordinalBins > 0 && ordinalFirstId + ordinalBins > size)) {
      throw new IllegalArgumentException("ordinal ids " + ordinalFirstId + " +" + ordinalBins
          + " must lie inside the vocabulary of " + size);
    }
    if (size < 4) {
      throw new IllegalArgumentException("vocabulary size must be >= 4, got " + size);
    }
    checkId("padId", padId, size);
    checkId("bosId", bosId, size);
    checkId("eosId", eosId, size);
    if (numberSignIds != null) {
      if (numberSignIds.length != 3) {
        throw new IllegalArgumentException("numberSignIds must hold 3 ids (zero, +, -), got "
            + java.util.Arrays.toString(numberSignIds));
      }
      for (int id : numberSignIds) {
        checkId("numberSignIds", id, size);
      }
      numberSignIds = numberSignIds.clone();
    }
    if (hash == null || hash.isBlank()) {
      throw new IllegalArgumentException("vocabulary hash must be non-empty, got '" + hash + "'");
    }
  }

  @Override
  public String toString() {
    return "VocabSpec[size=" + size + ", padId=" + padId + ", bosId=" + bosId + ", eosId=" + eosId
        + ", hash=" + hash + ", ordinalFirstId=" + ordinalFirstId + ", ordinalBins=" + ordinalBins
        + ", numberSignIds=" + java.util.Arrays.toString(numberSignIds) + "]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VocabSpec v && v.size == size && v.padId == padId && v.bosId == bosId
        && v.eosId == eosId && v.hash.equals(hash) && v.ordinalFirstId == ordinalFirstId
        && v.ordinalBins == ordinalBins && java.util.Arrays.equals(v.numberSignIds, numberSignIds);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(size, padId, bosId, eosId, hash, ordinalFirstId, ordinalBins)
        * 31 + java.util.Arrays.hashCode(numberSignIds);
  }

  private static void checkId(String name, int id, int size) {
    if (id < 0 || id >= size) {
      throw new IllegalArgumentException(name + " must be in [0, " + size + "), got " + id);
    }
  }
}
