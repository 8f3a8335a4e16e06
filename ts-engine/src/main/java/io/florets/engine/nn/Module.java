package io.florets.engine.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;

/**
 * Base of the engine's blocks: every parameter has an explicit shape at construction (so a whole
 * tree initialises without shape inference), and children initialise recursively.
 *
 * <p>Parameters are read straight from {@link Parameter#getArray()}; the engine runs on one device.
 * Blocks are used from many threads for inference (read-only) and from one thread for training.
 */
public abstract class Module extends AbstractBlock {

  /** Creates a module with block version 1. */
  protected Module() {
    super((byte) 1);
  }

  /** Declares a parameter of a fixed shape. */
  protected final Parameter param(String name, Shape shape, Initializer init, Parameter.Type type) {
    return addParameter(Parameter.builder().setName(name).setType(type).optShape(shape)
        .optInitializer(init).build());
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    for (Block child : children.values()) {
      child.initialize(manager, dataType);
    }
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    throw new UnsupportedOperationException(getClass().getSimpleName()
        + " has typed forward methods; shape inference is not used");
  }

  @Override
  protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
      PairList<String, Object> params) {
    throw new UnsupportedOperationException(getClass().getSimpleName()
        + " is called through its typed methods");
  }

  /**
   * Rows of {@code table} [V, d] at {@code ids} (int64, any shape [...]) -> [..., d]. The result
   * belongs to the manager of {@code ids}, never to the parameter's manager.
   */
  public static NDArray lookup(NDArray table, NDArray ids) {
    return ids.getNDArrayInternal().embedding(ids, table, SparseFormat.DENSE).singletonOrThrow();
  }

  /** Additive attention bias from a key mask [B, S] (1 real, 0 pad) -> [B, 1, 1, S]. */
  public static NDArray keyBias(NDArray keyMask) {
    Shape s = keyMask.getShape();
    return keyMask.sub(1f).mul(1e9f).reshape(s.get(0), 1, 1, s.get(1));
  }
}
