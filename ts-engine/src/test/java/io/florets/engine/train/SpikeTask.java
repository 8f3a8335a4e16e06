package io.florets.engine.train;

import io.florets.datasets.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Toy seq2seq task: a window of noise with one spike; prompt [5] asks "which patch holds the spike,
 * and is it up or down" -> [3 + patchIndex, 30 (up) | 31 (down)]. Patch length 8, window 64.
 */
final class SpikeTask implements BatchSource<Window> {
  static final int LENGTH = 64;
  static final int PATCH = 8;
  private final long seed;
  private final int batchSize;

  SpikeTask(long seed, int batchSize) {
    this.seed = seed;
    this.batchSize = batchSize;
  }

  @Override
  public TrainingBatch<Window> batch(long step) {
    SplittableRandom r = new SplittableRandom(seed * 7919 + step);
    List<Window> ws = new ArrayList<>();
    int[][] prompts = new int[batchSize][];
    int[][] targets = new int[batchSize][];
    for (int i = 0; i < batchSize; i++) {
      float[] x = new float[LENGTH];
      for (int t = 0; t < LENGTH; t++) {
        x[t] = (float) (0.3 * r.nextGaussian());
      }
      int at = r.nextInt(LENGTH);
      boolean up = r.nextBoolean();
      x[at] += (up ? 1 : -1) * (float) (4 + 2 * r.nextDouble());
      ws.add(Window.of(x));
      prompts[i] = new int[] {5};
      targets[i] = new int[] {3 + at / PATCH, up ? 30 : 31};
    }
    return new TrainingBatch<>(ws, prompts, targets);
  }

  @Override
  public String dataHash() {
    return "spike-task-" + seed;
  }

  List<TrainingBatch<Window>> validation(int batches) {
    List<TrainingBatch<Window>> v = new ArrayList<>();
    for (int i = 0; i < batches; i++) {
      v.add(batch(1_000_000L + i));
    }
    return v;
  }
}
