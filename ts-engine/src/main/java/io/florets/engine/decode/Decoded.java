package io.florets.engine.decode;

import java.util.Arrays;

/**
 * One decoded answer.
 *
 * @param tokens the ids, without BOS and EOS
 * @param logProbs natural-log probability of each token under the (constrained) model, same length
 * @param eosLogProb log-probability of the closing EOS, or NaN if the answer hit maxLength
 * @param score the search score: sum of log-probabilities (EOS included) divided by the length
 */
public record Decoded(int[] tokens, float[] logProbs, float eosLogProb, double score) {
  /** Validates and copies. */
  public Decoded {
    if (tokens.length != logProbs.length) {
      throw new IllegalArgumentException(tokens.length + " tokens but " + logProbs.length
          + " log-probabilities");
    }
    tokens = tokens.clone();
    logProbs = logProbs.clone();
  }

  /** True if the answer ended with EOS (false: cut at maxLength). */
  public boolean finished() {
    return !Float.isNaN(eosLogProb);
  }

  @Override
  public int[] tokens() {
    return tokens.clone();
  }

  @Override
  public float[] logProbs() {
    return logProbs.clone();
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Decoded)) {
      return false;
    }
    Decoded d = (Decoded) o;
    return Arrays.equals(tokens, d.tokens) && Arrays.equals(logProbs, d.logProbs)
        && Float.compare(eosLogProb, d.eosLogProb) == 0 && Double.compare(score, d.score) == 0;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(tokens) * 31 + Arrays.hashCode(logProbs);
  }

  @Override
  public String toString() {
    return "Decoded" + Arrays.toString(tokens) + " score=" + score;
  }
}
