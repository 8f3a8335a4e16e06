package io.florets.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Host-to-tensor conversion of prompt and target id lists with validation. Prompts are padded with
 * {@code padId} and masked; decoder inputs are {@code BOS t0 .. t(n-1)} and labels
 * {@code t0 .. t(n-1) EOS}, padded to the longest row.
 */
public final class TokenArrays {
  private TokenArrays() {
  }

  /** Prompt ids [B, P] (int64) and mask [B, P] (float). */
  public static NDArray[] prompts(NDManager m, int[][] prompts, VocabSpec vocab,
      EngineConfig config) {
    int b = prompts.length;
    int p = 0;
    for (int i = 0; i < b; i++) {
      int[] row = prompts[i];
      if (row == null || row.length == 0) {
        throw new IllegalArgumentException("prompt " + i + " is empty; every input needs a prompt");
      }
      if (row.length > config.maxPromptLength()) {
        throw new IllegalArgumentException("prompt " + i + " has " + row.length
            + " tokens; config '" + config.name() + "' takes at most " + config.maxPromptLength());
      }
      checkIds("prompt " + i, row, vocab);
      p = Math.max(p, row.length);
    }
    long[] ids = new long[b * p];
    float[] mask = new float[b * p];
    for (int i = 0; i < b; i++) {
      for (int j = 0; j < p; j++) {
        boolean real = j < prompts[i].length;
        ids[i * p + j] = real ? prompts[i][j] : vocab.padId();
        mask[i * p + j] = real ? 1f : 0f;
      }
    }
    return new NDArray[] {m.create(ids, new Shape(b, p)), m.create(mask, new Shape(b, p))};
  }

  /** Decoder inputs [B, T] (int64), labels [B, T] (int64) and label mask [B, T] (float). */
  public static NDArray[] targets(NDManager m, int[][] targets, VocabSpec vocab,
      EngineConfig config) {
    int b = targets.length;
    int t = 0;
    for (int i = 0; i < b; i++) {
      int[] row = targets[i];
      if (row == null) {
        throw new IllegalArgumentException("target " + i + " is null");
      }
      if (row.length + 1 > config.maxTargetLength()) {
        throw new IllegalArgumentException("target " + i + " has " + row.length
            + " tokens (+EOS); config '" + config.name() + "' takes at most "
            + config.maxTargetLength());
      }
      checkIds("target " + i, row, vocab);
      t = Math.max(t, row.length + 1);
    }
    long[] in = new long[b * t];
    long[] lab = new long[b * t];
    float[] mask = new float[b * t];
    for (int i = 0; i < b; i++) {
      int[] row = targets[i];
      for (int j = 0; j < t; j++) {
        in[i * t + j] = j == 0 ? vocab.bosId() : (j - 1 < row.length ? row[j - 1] : vocab.padId());
        if (j < row.length) {
          lab[i * t + j] = row[j];
          mask[i * t + j] = 1f;
        } else if (j == row.length) {
          lab[i * t + j] = vocab.eosId();
          mask[i * t + j] = 1f;
        } else {
          lab[i * t + j] = vocab.padId();
        }
      }
    }
    Shape s = new Shape(b, t);
    return new NDArray[] {m.create(in, s), m.create(lab, s), m.create(mask, s)};
  }

  static void checkIds(String where, int[] ids, VocabSpec vocab) {
    for (int j = 0; j < ids.length; j++) {
      if (ids[j] < 0 || ids[j] >= vocab.size()) {
        throw new IllegalArgumentException(where + ": token id " + ids[j] + " at position " + j
            + " is outside the vocabulary [0, " + vocab.size() + ")");
      }
    }
  }
}
