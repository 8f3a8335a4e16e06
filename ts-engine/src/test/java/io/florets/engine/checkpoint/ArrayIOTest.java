package io.florets.engine.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArrayIOTest {
  @Test
  void assignReplacesValuesAndKeepsNameShapeAndGradient() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray p = m.zeros(new Shape(2, 3));
      p.setName("w");
      p.setRequiresGradient(true);
      ArrayIO.assign(p, new float[] {1, 2, 3, 4, 5, 6});
      System.gc(); // the staged copy is gone; p must not depend on its memory
      assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, p.toFloatArray());
      assertEquals(new Shape(2, 3), p.getShape());
      assertEquals("w", p.getName());
      assertTrue(p.hasGradient());
      // still a leaf that learns: d(sum(p * p))/dp = 2p
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        gc.backward(p.mul(p).sum());
      }
      assertArrayEquals(new float[] {2, 4, 6, 8, 10, 12}, p.getGradient().toFloatArray());
    }
  }

  @Test
  void assignKeepsAnArrayWithoutGradientWithout() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray a = m.ones(new Shape(4));
      ArrayIO.assign(a, new float[] {-1f, 0f, 0.5f, Float.MAX_VALUE});
      assertArrayEquals(new float[] {-1f, 0f, 0.5f, Float.MAX_VALUE}, a.toFloatArray());
      assertFalse(a.hasGradient());
    }
  }

  @Test
  void assignRefusesAWrongCountOrType() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray a = m.zeros(new Shape(2, 2));
      a.setName("b");
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> ArrayIO.assign(a, new float[3]));
      assertTrue(e.getMessage().contains("3 values") && e.getMessage().contains("'b'"), e.getMessage());
      NDArray ints = m.zeros(new Shape(2), DataType.INT32);
      assertThrows(IllegalArgumentException.class, () -> ArrayIO.assign(ints, new float[2]));
    }
  }

  @Test
  void writeThenReadRoundTrips() throws IOException {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray a = m.create(new float[] {1.5f, -2f, 3e-8f, 7f}, new Shape(2, 2));
      NDArray b = m.create(new float[] {42f}, new Shape(1));
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        ArrayIO.write(out, List.of("a", "b"), List.of(a, b));
      }
      NDArray a2 = m.zeros(new Shape(2, 2));
      NDArray b2 = m.zeros(new Shape(1));
      ArrayIO.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), "mem",
          List.of("a", "b"), List.of(a2, b2));
      assertArrayEquals(a.toFloatArray(), a2.toFloatArray());
      assertArrayEquals(b.toFloatArray(), b2.toFloatArray());
    }
  }
}
