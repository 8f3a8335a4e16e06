package io.florets.engine.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * The trainable half of a {@link io.florets.engine.FrontEnd}: maps the arrays of a
 * {@link io.florets.engine.FrontEndBatch} (in its tensor order, already on the engine's device) to
 * {@code tokens [B, N, d]} and {@code mask [B, N]} (float, 1 = real token, 0 = padding).
 *
 * <p>Implementations declare their parameters with explicit shapes ({@link Module#param}) or as
 * children, create every new array from the inputs' manager (see {@link Module#lookup}) so that
 * per-step memory is released, and must not let padding influence real tokens.
 */
public abstract class FrontEndBlock extends Module {

  /**
   * Embeds a prepared batch.
   *
   * @param inputs the batch's arrays
   * @param training true while training (dropout on)
   * @return {@code NDList(tokens [B, N, d], mask [B, N])}
   */
  public abstract NDList embed(NDList inputs, boolean training);

  /**
   * The location pointer of this front end, if it has one: {@code {firstId, bins}}, the output ids
   * {@code firstId .. firstId + bins - 1} whose logits gain a pointer score; {@code null} = none.
   */
  public int[] pointerIds() {
    return null;
  }

  /**
   * The type ids scored from the pointer keys, if any: {@code {firstId, count}}, the output ids
   * {@code firstId .. firstId + count - 1} whose logits gain a pooled pointer score (see
   * {@link EncoderDecoder#logits(NDArray, EncoderDecoder.Encoded)}); {@code null} = none. Only
   * with a pointer.
   */
  public int[] typeIds() {
    return null;
  }

  /**
   * Keys of the location pointer (only when {@link #pointerIds} is not null).
   *
   * @param inputs the batch's arrays (as for {@link #embed})
   * @param frontMemory the encoder output at this front end's tokens [B, N, d]
   * @param training true while training
   * @return {@code NDList(keys [B, S, d], index [B, bins] int64)}: one key per location S (for
   *     series: per sample) and, per bin, the location it stands for
   */
  public NDList pointer(NDList inputs, NDArray frontMemory, boolean training) {
    throw new IllegalStateException(getClass().getSimpleName() + " has no location pointer");
  }

  /** Number of classes of the dense head over the pointer's locations (0 = none). */
  public int denseClasses() {
    return 0;
  }

  /**
   * The dense head: per-location class logits from the pointer keys.
   *
   * @param pointerKeys [B, S, d] from {@link #pointer}
   * @return logits [B, S, denseClasses()]
   */
  public NDArray denseLogits(NDArray pointerKeys) {
    throw new IllegalStateException(getClass().getSimpleName() + " has no dense head");
  }

  /** True when the number copy also scores the sign and zero tokens ({@link #copyCandidates}). */
  public boolean copySigns() {
    return false;
  }

  /** Number candidates per channel of the number copy (0 = none). */
  public int copyKinds() {
    return 0;
  }

  /**
   * The number copy's candidates (only when {@link #copyKinds} is above 0).
   *
   * @param inputs the batch's arrays (as for {@link #embed})
   * @param bins number of magnitude bins of the output contract
   * @return {@code NDList(keys [B, J, d], bins [B, J, bins])}: a key per candidate and the one-hot
   *     magnitude bin it stands for (an all-zero row where the candidate is absent); with
   *     {@link #copySigns} also {@code signs [B, J, 3]}, the one-hot of zero, positive, negative
   */
  public NDList copyCandidates(NDList inputs, int bins) {
    throw new IllegalStateException(getClass().getSimpleName() + " has no number copy");
  }

  /**
   * The vocabulary ids a class readout adds to, one per readout row ({@code null} = none; see
   * {@link #classScores}).
   */
  public int[] classIds() {
    return null;
  }

  /**
   * The class readout's scores, one per id of {@link #classIds} (only when that is not null).
   *
   * @param inputs the batch's arrays (as for {@link #embed})
   * @return scores [B, K], added to those ids' logits at every output position
   */
  public NDArray classScores(NDList inputs) {
    throw new IllegalStateException(getClass().getSimpleName() + " has no class readout");
  }

  /**
   * The factor on the decoder's own logits of the class readout's ids (a scalar [1]; only when
   * {@link #classIds} is not null): a temperature that puts the decoder's class answer on the
   * readout's scale.
   */
  public NDArray classDecoderScale() {
    throw new IllegalStateException(getClass().getSimpleName() + " has no class readout");
  }
}
