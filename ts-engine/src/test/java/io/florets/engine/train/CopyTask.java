package io.florets.engine.train;

import io.florets.datasets.Window;
import io.florets.engine.TestModels;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Toy seq2seq task: prompt [5, a1 .. ak] -> target [a1 .. ak] (k = 4, symbols 10..25): the decoder
 * must align its positions with the prompt's through cross-attention and copy token identities.
 */
final class CopyTask implements BatchSource<Window> {
  private final long seed;
  private final int batchSize;

  CopyTask(long seed, int batchSize) {
    this.seed = seed;
    this.batchSize = batchSize;
  }

  @Override
  public TrainingBatch<Window> batch(long step) {
    SplittableRandom r = new SplittableRandom(seed * 104729 + step);
    List<Window> ws = TestModels.windows(batchSize, 32, r.nextLong());
    int[][] prompts = new int[batchSize][];
    int[][] targets = new int[batchSize][];
    for (int i = 0; i < batchSize; i++) {
      int[] t = new int[4];
      for (int j = 0; j < t.length; j++) {
        t[j] = 10 + r.nextInt(16);
      }
      int[] p = new int[t.length + 1];
      p[0] = 5;
      System.arraycopy(t, 0, p, 1, t.length);
      prompts[i] = p;
      targets[i] = t;
    }
    return new TrainingBatch<>(ws, prompts, targets);
  }

  List<TrainingBatch<Window>> validation(int batches) {
    List<TrainingBatch<Window>> v = new ArrayList<>();
    for (int i = 0; i < batches; i++) {
      v.add(batch(1_000_000L + i));
    }
    return v;
  }
}
