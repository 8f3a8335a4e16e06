package io.florets.labelers.minirocket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MiniRocketTest {

  static float[][][] randomSeries(int n, int channels, int length, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[][][] x = new float[n][channels][length];
    for (float[][] s : x) {
      for (float[] ch : s) {
        double level = 0;
        for (int t = 0; t < length; t++) {
          level += r.nextDouble(-1, 1);
          ch[t] = (float) (level + r.nextDouble(-0.5, 0.5));
        }
      }
    }
    return x;
  }

  @Test
  void defaultFeatureCountAndDilationsFollowThePaper() {
    MiniRocket m = MiniRocket.fit(randomSeries(10, 1, 150, 1), MiniRocketConfig.defaults(3));
    assertEquals(9996, m.numFeatures(), "10,000 requested -> 84 * 119");
    int[] d = m.dilations();
    assertEquals(1, d[0]);
    assertTrue(d[d.length - 1] <= (150 - 1) / 8, "largest dilation " + d[d.length - 1] + " > (L-1)/8");
    for (int i = 1; i < d.length; i++) {
      assertTrue(d[i] > d[i - 1], "dilations strictly increasing: " + Arrays.toString(d));
    }
    MiniRocket small = MiniRocket.fit(randomSeries(4, 1, 40, 1), new MiniRocketConfig(1000, 32, 3, 1));
    assertEquals(84 * 11, small.numFeatures());
  }

  @Test
  void dilationBudgetMatchesHandComputedCase() {
    // L = 24: exponents over [0, log2(23/8) = 1.52]; floor(2^e) is 1 for e < 1 (21 of 32) and 2 after (11)
    int[][] dil = MiniRocket.fitDilations(24, 10_000, 32);
    assertArrayEquals(new int[] {1, 2}, dil[0]);
    // 119 per kernel, multiplier 119/32: 21 -> 78, 11 -> 40, remainder 1 goes to the first
    assertArrayEquals(new int[] {79, 40}, dil[1]);
  }

  @Test
  void sameSeedGivesIdenticalFeaturesAndThreadsDoNotMatter() {
    float[][][] train = randomSeries(12, 1, 90, 5);
    float[][][] test = randomSeries(7, 1, 90, 6);
    float[][] a = MiniRocket.fit(train, MiniRocketConfig.defaults(42).withThreads(1)).transform(test);
    float[][] b = MiniRocket.fit(train, MiniRocketConfig.defaults(42).withThreads(2)).transform(test);
    float[][] c = MiniRocket.fit(train, MiniRocketConfig.defaults(43).withThreads(2)).transform(test);
    for (int i = 0; i < a.length; i++) {
      assertArrayEquals(a[i], b[i], "example " + i);
    }
    assertFalse(Arrays.deepEquals(a, c), "another seed draws other biases");
    MiniRocket m = MiniRocket.fit(train, MiniRocketConfig.defaults(42));
    assertArrayEquals(a[3], m.transform(test[3]), "single-series transform equals the batch row");
  }

  @Test
  void featuresEqualDirectDilatedConvolutionPpv() {
    // long series, few biases per block: one pass per bias
    checkAgainstDirectConvolution(70, 2000);
    // short series, many biases per block (79 and 40 at L = 24): the sorted count
    checkAgainstDirectConvolution(24, 10_000);
  }

  private static void checkAgainstDirectConvolution(int len, int features) {
    float[][][] train = randomSeries(8, 1, len, 11);
    float[][][] test = randomSeries(3, 1, len, 12);
    MiniRocket m = MiniRocket.fit(train, new MiniRocketConfig(features, 32, 9, 1));
    float[][] fast = m.transform(test);
    int mismatches = 0;
    for (int i = 0; i < test.length; i++) {
      for (int f = 0; f < m.numFeatures(); f++) {
        int[] lay = m.featureLayout(f);
        int d = lay[0];
        int[] two = MiniRocket.KERNEL_INDICES[lay[1]];
        int pad = 4 * d;
        int from = lay[2] == 1 ? 0 : pad;
        int to = lay[2] == 1 ? len : len - pad;
        int count = 0;
        for (int t = from; t < to; t++) {
          double sum = 0;
          for (int w = 0; w < 9; w++) {
            int pos = t + (w - 4) * d;
            double weight = (w == two[0] || w == two[1] || w == two[2]) ? 2 : -1;
            sum += pos >= 0 && pos < len ? weight * test[i][0][pos] : 0;
          }
          count += sum > m.bias(f) ? 1 : 0;
        }
        double ppv = count / (double) (to - from);
        double diff = Math.abs(ppv - fast[i][f]);
        assertTrue(diff <= 1.0 / (to - from) + 1e-6, "feature " + f + " of example " + i + ": " + ppv + " vs " + fast[i][f]);
        if (diff > 1e-6) {
          mismatches++;
        }
      }
    }
    assertTrue(mismatches <= 3, mismatches + " features differ by a rounding tie");
  }

  @Test
  void multivariateUsesChannelSubsetsWithinRange() {
    float[][][] x = randomSeries(6, 6, 50, 2);
    MiniRocket m = MiniRocket.fit(x, new MiniRocketConfig(1000, 32, 1, 2));
    assertEquals(6, m.channels());
    int sizes = 0;
    for (int k = 0; k < MiniRocket.NUM_KERNELS; k++) {
      int[] ch = m.channelsOf(0, k);
      assertTrue(ch.length >= 1 && ch.length <= 6, Arrays.toString(ch));
      assertEquals(ch.length, Arrays.stream(ch).distinct().count(), "no channel twice");
      sizes += ch.length;
    }
    assertTrue(sizes > MiniRocket.NUM_KERNELS, "some kernels combine several channels");
    float[][] f = m.transform(x);
    for (float[] row : f) {
      for (float v : row) {
        assertTrue(v >= 0 && v <= 1);
      }
    }
  }

  @Test
  void rejectsBadInputNamingTheSeries() {
    float[][][] x = randomSeries(3, 1, 30, 1);
    x[2][0][7] = Float.NaN;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MiniRocket.fit(x, MiniRocketConfig.defaults(1)));
    assertTrue(e.getMessage().contains("series 2") && e.getMessage().contains("position 7"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> MiniRocket.fit(randomSeries(3, 1, 8, 1), MiniRocketConfig.defaults(1)));
    MiniRocket m = MiniRocket.fit(randomSeries(3, 1, 30, 1), MiniRocketConfig.defaults(1));
    assertThrows(IllegalArgumentException.class, () -> m.transform(randomSeries(2, 1, 31, 1)));
    assertThrows(IllegalArgumentException.class, () -> new MiniRocketConfig(10, 32, 1, 1));
  }
}
