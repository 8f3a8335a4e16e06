package io.florets.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * A prepared batch from a {@link FrontEnd}: the host arrays its block consumes and one
 * {@link OutputMapping} per input. Immutable, thread-safe.
 */
public final class FrontEndBatch {
  private final List<HostTensor> tensors;
  private final List<OutputMapping> mappings;

  private FrontEndBatch(List<HostTensor> tensors, List<OutputMapping> mappings) {
    this.tensors = tensors;
    this.mappings = mappings;
  }

  /**
   * A batch.
   *
   * @param tensors arrays whose first dimension is the batch size
   * @param mappings one per input, in input order
   */
  public static FrontEndBatch of(List<HostTensor> tensors, List<OutputMapping> mappings) {
    List<HostTensor> t = List.copyOf(tensors);
    List<OutputMapping> m = List.copyOf(mappings);
    if (t.isEmpty() || m.isEmpty()) {
      throw new IllegalArgumentException("a front-end batch needs tensors and mappings");
    }
    for (HostTensor h : t) {
      if (h.shape()[0] != m.size()) {
        throw new IllegalArgumentException("tensor '" + h.name() + "' has batch dimension "
            + h.shape()[0] + " but the batch has " + m.size() + " inputs");
      }
    }
    return new FrontEndBatch(t, m);
  }

  /** Number of inputs. */
  public int size() {
    return mappings.size();
  }

  /** The host arrays, in the order the front-end block expects them. */
  public List<HostTensor> tensors() {
    return tensors;
  }

  /** One mapping per input. */
  public List<OutputMapping> mappings() {
    return mappings;
  }

  /** Copies the arrays into {@code manager} (float32). */
  public NDList toNDList(NDManager manager) {
    NDList out = new NDList(tensors.size());
    for (HostTensor h : tensors) {
      NDArray a = manager.create(h.data(), new Shape(h.shape()));
      out.add(a);
    }
    return out;
  }
}
