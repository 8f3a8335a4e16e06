package io.florets.datasets.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.DenseDataset;
import io.florets.datasets.Window;
import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.CaptionText;
import io.florets.datasets.target.ClassLabel;
import io.florets.datasets.target.ShapeFacet;
import io.florets.datasets.target.ShapeTag;
import io.florets.datasets.target.Target;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticGeneratorTest {

  @Test
  void sameSeedGivesTheSameBytesAndAnotherSeedDoesNot() {
    SyntheticConfig c = SyntheticConfig.builder().count(80).channels(2).seed(42).build();
    DenseDataset a = SyntheticGenerator.generate(c);
    DenseDataset b = SyntheticGenerator.generate(c);
    assertEquals(a, b);
    for (int i = 0; i < a.size(); i++) {
      assertArrayEquals(bits(a.get(i).window()), bits(b.get(i).window()), "window " + i);
    }
    DenseDataset other = SyntheticGenerator.generate(c.toBuilder().seed(43).build());
    int same = 0;
    for (int i = 0; i < a.size(); i++) {
      same += a.get(i).window().equals(other.get(i).window()) ? 1 : 0;
    }
    assertEquals(0, same, "windows identical under seeds 42 and 43");
    assertNotEquals(a, other);
  }

  @Test
  void aWindowDependsOnlyOnSeedAndIndex() {
    SyntheticConfig small = SyntheticConfig.builder().count(10).seed(5).build();
    SyntheticConfig large = small.toBuilder().count(100).build(); // generated in parallel
    DenseDataset d = SyntheticGenerator.generate(large);
    for (int i = 0; i < small.count(); i++) {
      assertEquals(SyntheticGenerator.window(small, i).entry(), d.get(i), "window " + i);
    }
    assertEquals(SyntheticGenerator.window(large, 77).entry(), d.get(77));
    assertEquals("synthetic-5-77", d.get(77).window().seriesId());
    assertEquals("5", d.metadata().get("synthetic.seed"));
  }

  @Test
  void annotationsAreTruthAndRefertoValidChannelsAndPositions() {
    for (int channels : new int[] {1, 3}) {
      SyntheticConfig c = SyntheticConfig.builder().count(60).channels(channels).seed(9)
          .events(2, 4).build();
      for (SyntheticWindow w : SyntheticGenerator.windows(c)) {
        int captions = 0;
        for (Annotation a : w.annotations()) {
          assertEquals(Annotation.TRUTH, a.source());
          assertEquals(1.0, a.confidence());
          Target t = a.target();
          if (channels == 1) {
            assertEquals(Target.WHOLE_WINDOW, t.channel(), t.toString());
          } else {
            boolean wholeWindowKind = t instanceof CaptionText || t instanceof ClassLabel;
            assertTrue(wholeWindowKind ? t.channel() == Target.WHOLE_WINDOW
                : t.channel() >= 0 && t.channel() < channels, t.toString());
          }
          captions += t instanceof CaptionText ? 1 : 0;
        }
        assertEquals(2, captions);
        for (ChannelTruth truth : w.truth()) {
          for (InjectedEvent e : truth.events()) {
            assertTrue(e.event().end() < c.length(), e.toString());
          }
        }
      }
    }
  }

  @Test
  void shapeTagsAndClassFollowTheDrawnAttributes() {
    SyntheticConfig c = SyntheticConfig.builder().count(40).channels(2).seed(3)
        .classAttribute(ClassAttribute.SEASONALITY).build();
    List<String> classes = new ArrayList<>();
    for (SyntheticWindow w : SyntheticGenerator.windows(c)) {
      String label = w.window().classLabel().orElseThrow();
      classes.add(label);
      for (int ch = 0; ch < 2; ch++) {
        ChannelTruth truth = w.truth().get(ch);
        assertEquals(label, truth.seasonality().tag());
        assertTrue(w.annotations().contains(Annotation.truth(
            new ShapeTag(ShapeFacet.TREND, truth.trend().tag(), ch))));
        assertTrue(w.annotations().contains(Annotation.truth(
            new ShapeTag(ShapeFacet.NOISE, truth.noiseLevel().tag(), ch))));
      }
      assertTrue(w.annotations().contains(Annotation.truth(new ClassLabel(label))));
    }
    assertTrue(classes.containsAll(List.of("none", "sine", "square", "triangle")), classes.toString());
  }

  @Test
  void noiseShareOfTheGeneratedSignalFallsInItsLevelBand() {
    SyntheticConfig c = SyntheticConfig.builder().count(120).seed(21).events(0, 0).build();
    for (SyntheticWindow w : SyntheticGenerator.windows(c)) {
      ChannelTruth t = w.truth().get(0);
      ChannelComponents comp = w.components().get(0);
      double cleanVar = Stats.variance(comp.clean());
      double noiseVar = Stats.variance(comp.noise());
      double share = Math.sqrt(noiseVar / (cleanVar + noiseVar));
      // the realised share scatters around the drawn one by the sampling error of 256 draws
      double lo = t.noiseShare() >= 1 ? 1 : t.noiseLevel().minShare() * 0.8;
      double hi = t.noiseShare() >= 1 ? 1 : t.noiseLevel().maxShare() * 1.15;
      assertTrue(share >= lo - 1e-9 && share <= hi + 1e-9,
          "window " + w.index() + ": share " + share + " for " + t.noiseLevel());
    }
  }

  private static int[] bits(Window w) {
    float[][] v = w.values();
    int[] out = new int[v.length * v[0].length];
    for (int c = 0; c < v.length; c++) {
      for (int t = 0; t < v[c].length; t++) {
        out[c * v[c].length + t] = Float.floatToRawIntBits(v[c][t]);
      }
    }
    return out;
  }
}
