package io.florets.engine.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * A plain binary format for named float arrays: magic, count, then per array its name, rank,
 * dimensions and big-endian floats. Reading writes into existing arrays after checking that names
 * and shapes match, so a checkpoint can only be loaded into the architecture it came from.
 */
public final class ArrayIO {
  private static final int MAGIC = 0x464c5241; // "FLRA"

  private ArrayIO() {
  }

  /**
   * Overwrites the values of {@code target} with {@code data} (row-major), keeping the array
   * object, its name, shape, device and whether it records a gradient.
   *
   * <p>Why not {@code target.set(data)}: on PyTorch that call enters a deprecated libtorch guard
   * which prints "AutoNonVariableTypeMode is deprecated ..." to the process's stderr the first
   * time, on every run that loads a model. Instead the values are staged in a new array, copied
   * into a tensor that owns its memory, and that tensor is handed to {@code target}
   * ({@link NDArray#intern}); the old tensor is freed.
   *
   * @param target a float32 array, e.g. a parameter; not to be used by another thread meanwhile
   * @param data {@code target.size()} values
   * @throws IllegalArgumentException if the type or the number of values does not match
   */
  public static void assign(NDArray target, float[] data) {
    if (target.getDataType() != DataType.FLOAT32) {
      throw new IllegalArgumentException("cannot assign floats to array '" + target.getName()
          + "' of type " + target.getDataType() + ": expected FLOAT32");
    }
    if (data.length != target.size()) {
      throw new IllegalArgumentException("cannot assign " + data.length + " values to array '"
          + target.getName() + "' of shape " + target.getShape() + " (" + target.size()
          + " values)");
    }
    boolean gradient = target.hasGradient();
    try (NDArray staged = target.getManager().create(data, target.getShape())) {
      // staged may borrow a direct buffer that is freed with it: give target an owning copy
      target.intern(staged.duplicate());
    }
    if (gradient) {
      target.setRequiresGradient(true);
    }
  }

  /** Writes {@code arrays} with their {@code names} (same order). */
  public static void write(DataOutputStream out, List<String> names, List<NDArray> arrays)
      throws IOException {
    out.writeInt(MAGIC);
    out.writeInt(arrays.size());
    for (int i = 0; i < arrays.size(); i++) {
      NDArray a = arrays.get(i);
      out.writeUTF(names.get(i));
      long[] dims = a.getShape().getShape();
      out.writeInt(dims.length);
      for (long d : dims) {
        out.writeLong(d);
      }
      float[] data = a.toFloatArray();
      byte[] buf = new byte[data.length * 4];
      java.nio.ByteBuffer.wrap(buf).asFloatBuffer().put(data);
      out.write(buf);
    }
  }

  /**
   * Reads into {@code targets}, checking names and shapes.
   *
   * @param source the file name, for messages
   * @throws IOException on truncation or a mismatch, naming the array and the file
   */
  public static void read(DataInputStream in, String source, List<String> names,
      List<NDArray> targets) throws IOException {
    read(in, source, names, targets, true);
  }

  /**
   * Reads one array list; with {@code last} the stream must end after it.
   *
   * @throws IOException on truncation or a mismatch, naming the array and the file
   */
  public static void read(DataInputStream in, String source, List<String> names,
      List<NDArray> targets, boolean last) throws IOException {
    try {
      int magic = in.readInt();
      if (magic != MAGIC) {
        throw new IOException(source + ": not an array file (magic " + Integer.toHexString(magic)
            + ")");
      }
      int n = in.readInt();
      if (n != targets.size()) {
        throw new IOException(source + ": holds " + n + " arrays, the model has " + targets.size());
      }
      for (int i = 0; i < n; i++) {
        String name = in.readUTF();
        if (!name.equals(names.get(i))) {
          throw new IOException(source + ": array " + i + " is '" + name + "', expected '"
              + names.get(i) + "'");
        }
        int rank = in.readInt();
        if (rank < 0 || rank > 8) {
          throw new IOException(source + ": array '" + name + "' has invalid rank " + rank);
        }
        long[] dims = new long[rank];
        for (int r = 0; r < rank; r++) {
          dims[r] = in.readLong();
        }
        Shape expected = targets.get(i).getShape();
        if (!Arrays.equals(dims, expected.getShape())) {
          throw new IOException(source + ": array '" + name + "' has shape "
              + Arrays.toString(dims) + ", the model expects " + expected);
        }
        byte[] buf = new byte[Math.toIntExact(expected.size() * 4)];
        in.readFully(buf);
        float[] data = new float[buf.length / 4];
        java.nio.ByteBuffer.wrap(buf).asFloatBuffer().get(data);
        assign(targets.get(i), data);
      }
      if (last && in.read() != -1) {
        throw new IOException(source + ": unexpected bytes after the last array");
      }
    } catch (EOFException e) {
      throw new IOException(source + ": file is truncated", e);
    }
  }
}
