package io.florets.labelers.minirocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.DenseDataset;
import io.florets.datasets.Window;
import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.ClassLabel;
import io.florets.datasets.target.Target;
import io.florets.datasets.target.TargetKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class MiniRocketLabelerTest {

  /** Two classes: a ramp up in the second half, or not. */
  private static List<Window> windows(int n, long seed, List<String> labels) {
    float[][][] x = MiniRocketTest.randomSeries(n, 1, 64, seed);
    List<Window> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      boolean ramp = i % 2 == 0;
      if (ramp) {
        for (int t = 32; t < 64; t++) {
          x[i][0][t] += (t - 32) * 0.4f;
        }
      }
      labels.add(ramp ? "ramp" : "flat");
      out.add(Window.of(x[i][0]));
    }
    return out;
  }

  @Test
  void labelsHeldOutWindowsWithConfidentClassLabels() throws Exception {
    List<String> trainLabels = new ArrayList<>();
    List<Window> train = windows(30, 1, trainLabels);
    MiniRocketLabeler l = MiniRocketLabeler.fit(train, trainLabels, MiniRocketConfig.defaults(4));
    assertEquals(Set.of(TargetKind.CLASS_LABEL), l.kinds());
    List<String> testLabels = new ArrayList<>();
    List<Window> test = windows(20, 2, testLabels);
    List<List<Annotation>> batch = l.labelAll(test);
    int ok = 0;
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<List<Annotation>>> parallel = new ArrayList<>();
      for (Window w : test) {
        parallel.add(pool.submit(() -> l.label(w)));
      }
      for (int i = 0; i < test.size(); i++) {
        List<Annotation> a = parallel.get(i).get();
        assertEquals(batch.get(i), a, "batch and single labels agree for window " + i);
        assertEquals(1, a.size());
        Annotation ann = a.get(0);
        assertEquals(MiniRocketLabeler.NAME, ann.source());
        assertEquals(Target.WHOLE_WINDOW, ann.target().channel());
        assertTrue(ann.confidence() > 0.5 && ann.confidence() <= 1.0, "confidence " + ann.confidence());
        ok += ((ClassLabel) ann.target()).label().equals(testLabels.get(i)) ? 1 : 0;
      }
    } finally {
      pool.shutdown();
    }
    assertTrue(ok >= 18, ok + " of 20 held-out windows right");
  }

  @Test
  void abstainsOnOtherShapesAndMissingSamples() {
    List<String> labels = new ArrayList<>();
    List<Window> train = windows(10, 3, labels);
    MiniRocketLabeler l = MiniRocketLabeler.fit(train, labels, MiniRocketConfig.defaults(1));
    assertTrue(l.label(Window.of(new float[63])).isEmpty(), "other length");
    float[] missing = train.get(0).channel(0);
    missing[5] = Float.NaN;
    assertTrue(l.label(Window.of(missing)).isEmpty(), "missing sample");
    assertTrue(l.label(Window.of(new float[][] {new float[64], new float[64]})).isEmpty(), "other channels");
    assertEquals(1, l.label(Window.of(new float[64])).size(), "a constant window of the right shape is labelled");
  }

  @Test
  void fitsOnTheLabelledEntriesOfADenseDataset() {
    List<String> labels = new ArrayList<>();
    List<Window> w = windows(12, 5, labels);
    List<DenseDataset.Entry> entries = new ArrayList<>();
    for (int i = 0; i < w.size(); i++) {
      List<Annotation> a = i < 10 ? List.of(Annotation.truth(new ClassLabel(labels.get(i)))) : List.of();
      entries.add(new DenseDataset.Entry(w.get(i), a));
    }
    MiniRocketLabeler l = MiniRocketLabeler.fit(DenseDataset.of(entries, Map.of()), MiniRocketConfig.defaults(2));
    assertEquals(List.of("flat", "ramp"), List.of(l.classifier().classes()));
    List<DenseDataset.Entry> none = List.of(new DenseDataset.Entry(w.get(0), List.of()));
    assertThrows(IllegalArgumentException.class,
        () -> MiniRocketLabeler.fit(DenseDataset.of(none, Map.of()), MiniRocketConfig.defaults(2)));
  }
}
