package io.florets.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
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

  /**
   * Called once per step after the model's update (or after a skipped step), outside gradient
   * recording: a loss with state of its own (a predictor it trains, a slowly updated target
   * network) updates it here. The default does nothing.
   *
   * @param applied false when the step was skipped for a non-finite loss or gradient
   * @param learningRate the step's learning rate
   * @param step the 1-based number of the step just done
   */
  default void afterUpdate(boolean applied, double learningRate, long step) {
  }

  /** What an auxiliary loss can compute during a step. Valid only during the call. */
  interface Context<I> {
    /** The step's manager (closed after the step). */
    NDManager manager();

    /** Embeddings [B, embedDim] (L2-normalised) of the batch's inputs and prompts, with gradients. */
    NDArray batchEmbedding();

    /** Embeddings [N, embedDim] of other inputs (e.g. augmented views), with gradients. */
    NDArray embed(List<I> inputs, int[][] prompts);

    /**
     * The encoder's output for other inputs, with gradients: memory [N, S, d] (front-end tokens
     * first, then the {@code promptLength} prompt positions) and the front-end arrays it read.
     */
    Encoding encode(List<I> inputs, int[][] prompts);
  }

  /**
   * An encoder output handed to an auxiliary loss.
   *
   * @param memory [N, S, d], S = front-end tokens + prompt positions
   * @param frontInputs the front end's arrays for these inputs (in its documented order)
   * @param promptLength the padded prompt length P (the last P memory positions)
   */
  record Encoding(NDArray memory, NDList frontInputs, int promptLength) {
  }
}
