package io.florets.vision.ood;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import io.florets.engine.EngineModel;
import io.florets.engine.FrontEndBatch;
import io.florets.engine.GradMode;
import io.florets.engine.nn.EncoderDecoder;
import io.florets.vision.image.RasterImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The vision model's pooled encoder state: the mean of the encoder memory over its real positions
 * (the image's patch tokens, its pooled token and the prompt's tokens) for one fixed prompt, so that
 * the feature depends on the image alone. One {@code dModel} vector per image; thread-safe as the
 * engine is.
 */
public final class EncoderFeatures {
  /** Images per encoder batch. */
  static final int BATCH = 32;

  private EncoderFeatures() {
  }

  /**
   * The pooled encoder state of each image under {@code prompt} tokens.
   *
   * @return {@code [images.size()][dModel]}
   */
  public static double[][] of(EngineModel<RasterImage> engine, int[] prompt, List<? extends RasterImage> images) {
    List<double[]> out = new ArrayList<>(images.size());
    for (int from = 0; from < images.size(); from += BATCH) {
      List<? extends RasterImage> part = images.subList(from, Math.min(images.size(), from + BATCH));
      int[][] prompts = new int[part.size()][];
      java.util.Arrays.fill(prompts, prompt);
      FrontEndBatch batch = engine.prepare(part, prompts);
      boolean prev = GradMode.off();
      try (NDManager m = engine.manager().newSubManager(); NDScope scope = new NDScope()) {
        scope.suppressNotUsedWarning();
        EncoderDecoder.Encoded e = engine.encodeForInference(m, batch, prompts);
        NDArray mask = e.mask();                                                  // [B, S]
        NDArray sum = e.memory().mul(mask.expandDims(2)).sum(new int[] {1});     // [B, d]
        NDArray mean = sum.div(mask.sum(new int[] {1}, true).maximum(1f));      // [B, d]
        int d = (int) mean.getShape().get(1);
        float[] flat = mean.toFloatArray();
        for (int i = 0; i < part.size(); i++) {
          double[] row = new double[d];
          for (int j = 0; j < d; j++) {
            row[j] = flat[i * d + j];
          }
          out.add(row);
        }
      } finally {
        GradMode.restore(prev);
      }
    }
    return out.toArray(new double[0][]);
  }
}
