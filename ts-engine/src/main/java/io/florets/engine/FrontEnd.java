package io.florets.engine;

import io.florets.engine.nn.FrontEndBlock;
import java.util.List;

/**
 * The service-provider interface between an input modality and the engine: a front end turns raw
 * inputs (series windows, images, ...) into a batch of embedded tokens that the encoder reads
 * together with the prompt.
 *
 * <p>The work is split in two so that no tensor is created on the caller's side:
 * <ol>
 *   <li>{@link #prepare(List)} runs on the host: validates the inputs, normalises them, removes
 *       every NaN (marking it in a mask) and returns plain arrays plus the {@link OutputMapping}
 *       of each input (what a parser needs to map answers back: extent, location, scale);</li>
 *   <li>the trainable {@link FrontEndBlock} made by {@link #createBlock()} maps those arrays to
 *       tokens {@code [B, N, dModel]} and a key-padding mask {@code [B, N]} (1 = real, 0 = pad).</li>
 * </ol>
 *
 * <p>Implementations must be immutable and thread-safe: {@code prepare} is called concurrently by
 * inference workers.
 *
 * @param <I> the input type (for example {@code io.florets.datasets.Window})
 */
public interface FrontEnd<I> {

  /** A short stable name of the implementation, stored in checkpoints (e.g. {@code "series"}). */
  String kind();

  /**
   * The front end's configuration as canonical JSON (stable key order). Stored in checkpoints and
   * compared verbatim when a checkpoint is loaded with this front end.
   */
  String configJson();

  /** Width of the produced tokens; must equal the engine's {@code dModel}. */
  int dModel();

  /**
   * Converts inputs to host arrays.
   *
   * @param inputs one or more inputs (non-null elements)
   * @return the batch, in input order
   * @throws IllegalArgumentException for an input this front end cannot take (empty, all missing,
   *     too long, wrong channel count), naming the input
   */
  FrontEndBatch prepare(List<? extends I> inputs);

  /** A fresh, uninitialised trainable block for this front end (the engine initialises it). */
  FrontEndBlock createBlock();
}
