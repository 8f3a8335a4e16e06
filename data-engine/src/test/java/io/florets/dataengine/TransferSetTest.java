package io.florets.dataengine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.Window;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransferSetTest {

  private static List<Window> sines(int n, int length, int channels) {
    List<Window> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      float[][] v = new float[channels][length];
      for (int c = 0; c < channels; c++) {
        for (int t = 0; t < length; t++) {
          v[c][t] = (float) (10 + Math.sin(0.2 * t + i + c));
        }
      }
      out.add(Window.of(v));
    }
    return out;
  }

  @Test
  void copiesKeepTheShapeOfTheirSourceAndDifferFromIt() {
    List<Window> ws = sines(4, 50, 2);
    List<Window> copies = TransferSet.of(ws, 3, 7);
    assertEquals(12, copies.size());
    for (int i = 0; i < copies.size(); i++) {
      Window c = copies.get(i);
      Window src = ws.get(i / 3);
      assertEquals(src.length(), c.length());
      assertEquals(2, c.channels());
      assertFalse(java.util.Arrays.equals(src.channelView(0), c.channelView(0)), "copy " + i);
      for (float v : c.channelView(1)) {
        assertTrue(v > 7 && v < 13, "value " + v + " far from the sources' range");
      }
    }
    // the same seed gives the same copies
    assertArrayEquals(copies.get(5).channelView(0), TransferSet.of(ws, 3, 7).get(5).channelView(0));
  }

  @Test
  void theTransferSetAimsAtAThousandWindows() {
    assertEquals(10, TransferSet.copiesPer(36));
    assertEquals(2, TransferSet.copiesPer(400));
    assertEquals(0, TransferSet.copiesPer(2000));
    assertEquals(0, TransferSet.copiesPer(0));
  }

  @Test
  void missingSamplesStayMissingAndUnequalLengthsMix() {
    float[] a = new float[40];
    for (int t = 0; t < a.length; t++) {
      a[t] = t < 20 ? Float.NaN : t;
    }
    float[] b = new float[25];
    java.util.Arrays.fill(b, 3f);
    List<Window> copies = TransferSet.of(List.of(Window.of(a), Window.of(b)), 20, 1);
    for (int i = 0; i < 20; i++) {
      float[] x = copies.get(i).channelView(0);
      assertEquals(40, x.length);
      assertTrue(Float.isNaN(x[0]), "copy " + i + " filled a missing sample");
      assertFalse(Float.isNaN(x[39]), "copy " + i + " lost an observed sample");
    }
    assertEquals(25, copies.get(20).length());
  }

  @Test
  void copiesAreHeldOutWithTheirSource() {
    int n = 30;
    int[] own = new int[n];
    for (int i = 0; i < n; i++) {
      own[i] = i;
    }
    assertArrayEquals(Split.heldOut(n, 0.2, 5), Split.heldOut(own, 0.2, 5));
    int[] groups = new int[n + 2 * n];
    for (int i = 0; i < groups.length; i++) {
      groups[i] = i < n ? i : (i - n) / 2;
    }
    boolean[] held = Split.heldOut(groups, 0.2, 5);
    for (int i = n; i < groups.length; i++) {
      assertEquals(held[groups[i]], held[i], "copy " + i);
    }
    assertThrows(IllegalArgumentException.class, () -> Split.heldOut(new int[] {0, 2, 2}, 0.2, 5));
  }
}
