package io.florets.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.florets.datasets.Window;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.constraints.IntRange;

/**
 * Adding padded positions (a longer or multichannel neighbour in the batch, a longer prompt, a
 * longer target) never changes a row's outputs at its real positions.
 */
class PaddingInvarianceProperties {
  private static EngineModel<Window> model;

  @BeforeContainer
  static void open() {
    model = TestModels.tiny(17);
  }

  @AfterContainer
  static void close() {
    model.close();
  }

  @Property(tries = 6, seed = "424242")
  void paddingNeverChangesRealOutputs(@ForAll @IntRange(min = 5, max = 60) int length,
      @ForAll @IntRange(min = 61, max = 200) int otherLength,
      @ForAll @IntRange(min = 1, max = 3) int otherChannels,
      @ForAll @IntRange(min = 1, max = 4) int targetLength,
      @ForAll @IntRange(min = 0, max = 9999) int seed) {
    Window w = TestModels.windows(1, length, seed).get(0);
    float[][] ch = new float[otherChannels][];
    for (int c = 0; c < otherChannels; c++) {
      ch[c] = TestModels.windows(1, otherLength, seed + 1 + c).get(0).channel(0);
    }
    Window other = Window.of(ch);
    int[] prompt = {5};
    int[] target = new int[targetLength];
    for (int i = 0; i < targetLength; i++) {
      target[i] = 3 + (seed + i) % 30;
    }
    float[][][] alone = model.teacherForcedLogits(List.of(w), new int[][] {prompt},
        new int[][] {target});
    float[][][] padded = model.teacherForcedLogits(List.of(other, w),
        new int[][] {{5, 6, 7, 8}, prompt}, new int[][] {{3, 4, 5, 6, 7, 8, 9}, target});
    for (int t = 0; t < alone[0].length; t++) {
      for (int v = 0; v < alone[0][t].length; v++) {
        assertEquals(alone[0][t][v], padded[1][t][v], 2e-4f, "position " + t + " id " + v);
      }
    }
    float[][] e1 = model.embed(List.of(w), new int[][] {prompt});
    float[][] e2 = model.embed(List.of(other, w), new int[][] {{5, 6, 7, 8}, prompt});
    for (int i = 0; i < e1[0].length; i++) {
      assertEquals(e1[0][i], e2[1][i], 2e-5f, "embedding " + i);
    }
  }
}
