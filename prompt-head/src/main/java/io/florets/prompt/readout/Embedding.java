package io.florets.prompt.readout;

import java.util.Arrays;

/**
 * The answer of {@code <EMBED>}: a vector for retrieval, produced by the engine (not decoded from
 * tokens). The array is copied in and out.
 */
public record Embedding(float[] vector) implements Readout {
  /** Validates (non-empty, finite) and copies. */
  public Embedding {
    if (vector == null || vector.length == 0) {
      throw new IllegalArgumentException("embedding vector must be non-empty");
    }
    vector = vector.clone();
    for (int i = 0; i < vector.length; i++) {
      if (!Float.isFinite(vector[i])) {
        throw new IllegalArgumentException("embedding component " + i + " is not finite: " + vector[i]);
      }
    }
  }

  /** A copy of the vector. */
  @Override
  public float[] vector() {
    return vector.clone();
  }

  /** Dimension of the vector. */
  public int dimension() {
    return vector.length;
  }

  @Override
  public String kind() {
    return "embedding";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Embedding e && Arrays.equals(e.vector, vector);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(vector);
  }

  @Override
  public String toString() {
    return "Embedding[dimension=" + vector.length + "]";
  }
}
