package io.florets.engine;

import java.util.Arrays;

/**
 * A float tensor held on the Java heap (row-major), used to carry front-end arrays to the engine
 * without creating native memory on the caller's thread.
 *
 * @param name a label for error messages
 * @param data the values, length = product of {@code shape}; never NaN by contract of front ends
 * @param shape the dimensions, each &ge; 1
 */
public record HostTensor(String name, float[] data, long[] shape) {
  /** Validates that data matches the shape and holds no NaN. */
  public HostTensor {
    long n = 1;
    for (long s : shape) {
      if (s < 1) {
        throw new IllegalArgumentException("tensor '" + name + "': dimension " + s + " < 1 in "
            + Arrays.toString(shape));
      }
      n *= s;
    }
    if (n != data.length) {
      throw new IllegalArgumentException("tensor '" + name + "': shape " + Arrays.toString(shape)
          + " needs " + n + " values, got " + data.length);
    }
    for (int i = 0; i < data.length; i++) {
      if (Float.isNaN(data[i])) {
        throw new IllegalArgumentException("tensor '" + name + "': NaN at flat index " + i);
      }
    }
    shape = shape.clone();
  }

  @Override
  public long[] shape() {
    return shape.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HostTensor && name.equals(((HostTensor) o).name)
        && Arrays.equals(data, ((HostTensor) o).data) && Arrays.equals(shape, ((HostTensor) o).shape);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "HostTensor[" + name + ", shape=" + Arrays.toString(shape) + "]";
  }
}
