package io.florets.engine.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.florets.engine.GradMode;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AttentionTest {
  private static NDManager manager;
  private static boolean prevGrad;

  @BeforeAll
  static void open() {
    prevGrad = GradMode.off();
    manager = NDManager.newBaseManager();
  }

  @AfterAll
  static void close() {
    manager.close();
    GradMode.restore(prevGrad);
  }

  @Test
  void oneHeadIdentityProjectionsGiveTheClosedFormSoftmax() {
    Attention att = new Attention(2, 1, 0f, false);
    att.initialize(manager, DataType.FLOAT32);
    Map<String, double[][]> w = new HashMap<>();
    w.put("qkv_weight", new double[][] {{1, 0}, {0, 1}, {1, 0}, {0, 1}, {1, 0}, {0, 1}});
    w.put("out_weight", new double[][] {{1, 0}, {0, 1}});
    set(att, w);
    NDArray x = manager.create(new float[] {1, 0, 0, 1}, new Shape(1, 2, 2));
    float[] y = att.self(x, null, false).toFloatArray();
    // scores = x x^T / sqrt(2): softmax of (1/sqrt2, 0) puts a = e^{.7071}/(e^{.7071}+1) on itself
    double a = Math.exp(1 / Math.sqrt(2)) / (Math.exp(1 / Math.sqrt(2)) + 1);
    double[] expected = {a, 1 - a, 1 - a, a};
    for (int i = 0; i < 4; i++) {
      assertEquals(expected[i], y[i], 1e-6, "element " + i);
    }
    // masking key 1: both queries read only value 0 = (1, 0)
    NDArray mask = manager.create(new float[] {1, 0}, new Shape(1, 2));
    float[] masked = att.self(x, Module.keyBias(mask), false).toFloatArray();
    double[] expectedMasked = {1, 0, 1, 0};
    for (int i = 0; i < 4; i++) {
      assertEquals(expectedMasked[i], masked[i], 1e-6, "masked element " + i);
    }
  }

  @Test
  void twoHeadsMatchTheReferenceWithRandomWeightsAndPadding() {
    int d = 4;
    Attention att = new Attention(d, 2, 0f, false);
    att.initialize(manager, DataType.FLOAT32);
    Map<String, double[][]> w = randomWeights(att, 7);
    double[][] x = randomMatrix(3, d, new SplittableRandom(3));
    boolean[] real = {true, true, false};
    double[][] qkv = Reference.linear(x, w.get("qkv_weight"), w.get("qkv_bias")[0]);
    double[][] ctx = Reference.attention(Reference.slice(qkv, 0, d), Reference.slice(qkv, d, 2 * d),
        Reference.slice(qkv, 2 * d, 3 * d), real, 2, false);
    double[][] expected = Reference.linear(ctx, w.get("out_weight"), w.get("out_bias")[0]);
    NDArray mask = manager.create(new float[] {1, 1, 0}, new Shape(1, 3));
    float[] y = att.self(array(x), Module.keyBias(mask), false).toFloatArray();
    assertClose(expected, y, 1e-5);
  }

  @Test
  void encoderLayerMatchesTheReference() {
    int d = 4;
    EncoderLayer layer = new EncoderLayer(d, 2, 6, 0f);
    layer.initialize(manager, DataType.FLOAT32);
    Map<String, double[][]> w = randomWeights(layer, 11);
    double[][] x = randomMatrix(3, d, new SplittableRandom(5));
    boolean[] real = {true, false, true};
    double[][] h = Reference.layerNorm(x, w.get("norm1_gamma")[0], w.get("norm1_beta")[0]);
    double[][] qkv = Reference.linear(h, w.get("qkv_weight"), w.get("qkv_bias")[0]);
    double[][] ctx = Reference.attention(Reference.slice(qkv, 0, d), Reference.slice(qkv, d, 2 * d),
        Reference.slice(qkv, 2 * d, 3 * d), real, 2, false);
    double[][] x1 = Reference.add(x, Reference.linear(ctx, w.get("out_weight"), w.get("out_bias")[0]));
    double[][] h2 = Reference.layerNorm(x1, w.get("norm2_gamma")[0], w.get("norm2_beta")[0]);
    double[][] up = Reference.linear(h2, w.get("up_weight"), w.get("up_bias")[0]);
    for (double[] row : up) {
      for (int i = 0; i < row.length; i++) {
        row[i] = Reference.gelu(row[i]);
      }
    }
    double[][] expected = Reference.add(x1,
        Reference.linear(up, w.get("down_weight"), w.get("down_bias")[0]));
    NDArray mask = manager.create(new float[] {1, 0, 1}, new Shape(1, 3));
    float[] y = layer.apply(array(x), Module.keyBias(mask), false).toFloatArray();
    assertClose(expected, y, 1e-5);
  }

  /** Sets every parameter whose name ends with a key of {@code w} (rows = first dim). */
  static void set(Block block, Map<String, double[][]> w) {
    for (Pair<String, Parameter> p : block.getParameters()) {
      for (Map.Entry<String, double[][]> e : w.entrySet()) {
        if (p.getKey().endsWith(e.getKey())) {
          p.getValue().getArray().set(flat(e.getValue()));
        }
      }
    }
  }

  /** Draws every parameter (gains around 1, others around 0) and returns them by short name. */
  static Map<String, double[][]> randomWeights(Block block, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Map<String, double[][]> out = new HashMap<>();
    for (Pair<String, Parameter> p : block.getParameters()) {
      Shape s = p.getValue().getShape();
      int rows = s.dimension() == 1 ? 1 : (int) s.get(0);
      int cols = (int) (s.size() / rows);
      double[][] m = randomMatrix(rows, cols, r);
      if (p.getKey().endsWith("gamma")) {
        for (int j = 0; j < cols; j++) {
          m[0][j] += 1;
        }
      }
      p.getValue().getArray().set(flat(m));
      String key = p.getKey().replaceAll("^.*?([a-z0-9]+_[a-z]+)$", "$1").replaceAll("^\\d+", "");
      out.put(key, m);
    }
    return out;
  }

  static double[][] randomMatrix(int rows, int cols, SplittableRandom r) {
    double[][] m = new double[rows][cols];
    for (double[] row : m) {
      for (int j = 0; j < cols; j++) {
        row[j] = (float) (0.5 * r.nextGaussian());
      }
    }
    return m;
  }

  static float[] flat(double[][] m) {
    float[] f = new float[m.length * m[0].length];
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < m[0].length; j++) {
        f[i * m[0].length + j] = (float) m[i][j];
      }
    }
    return f;
  }

  static NDArray array(double[][] x) {
    return manager.create(flat(x), new Shape(1, x.length, x[0].length));
  }

  static void assertClose(double[][] expected, float[] got, double tol) {
    int d = expected[0].length;
    for (int t = 0; t < expected.length; t++) {
      for (int i = 0; i < d; i++) {
        assertEquals(expected[t][i], got[t * d + i], tol, "position " + t + " feature " + i);
      }
    }
  }
}
