package io.florets.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;

/**
 * An extra objective added to the token loss during training, for example a contrastive loss on
 * the embedding readout between two views of the same windows. Called inside the step's gradient
 * recording; the returned scalar is multiplied by the trainer's auxiliary weight and added.
 *
 * @param <I> the front end's input type
 */
@FunctionalInterface
public interface AuxiliaryLoss<I> {

  /**
   * The loss for a batch.
   *
   * @param batch the batch of this step
   * @param context access to the batch's embeddings and to further forward passes (with gradients)
   * @return a scalar NDArray created from {@code context.manager()} arrays
   */
  NDArray loss(TrainingBatch<I> batch, Context<I> context);

  /** What an auxiliary loss can compute during a step. Valid only during the call. */
  interface Context<I> {
    /** The step's manager (closed after the step). */
    NDManager manager();

    /** Embeddings [B, embedDim] (L2-normalised) of the batch's inputs and prompts, with gradients. */
    NDArray batchEmbedding();

    /** Embeddings [N, embedDim] of other inputs (e.g. augmented views), with gradients. */
    NDArray embed(List<I> inputs, int[][] prompts);
  }
}
