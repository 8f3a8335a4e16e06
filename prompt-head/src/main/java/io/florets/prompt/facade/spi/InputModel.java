package io.florets.prompt.facade.spi;

import io.florets.prompt.readout.Readout;
import io.florets.prompt.task.Modality;
import io.florets.prompt.task.Prompt;
import java.util.List;

/**
 * A trained model that answers prompts about inputs of one type through its engine front end (for
 * example an image model over {@code RasterImage}); the {@link io.florets.prompt.facade.Florets} facade
 * routes inputs of {@link #inputType()} to it. Implementations decode under the task grammars, so
 * every answer parses.
 *
 * <p>Implementations must be thread-safe for asking; {@link #close()} frees native memory.
 *
 * @param <I> the input type its front end takes
 */
public interface InputModel<I> extends AutoCloseable {

  /** The input type its front end takes (inputs are checked against it before {@link #askAll}). */
  Class<I> inputType();

  /** The modality of its tasks: prompts of another modality are rejected. */
  Modality modality();

  /**
   * Asks one prompt about several inputs.
   *
   * @param inputs one or more inputs, none null
   * @param prompt a prompt of {@link #modality()}
   * @return one readout per input, in input order, each in the input's own coordinates
   * @throws IllegalArgumentException for a prompt of another modality or an input the front end cannot
   *     take (the message names it)
   */
  <R extends Readout> List<R> askAll(List<? extends I> inputs, Prompt<R> prompt);

  /** Frees the model's native memory. */
  @Override
  void close();
}
