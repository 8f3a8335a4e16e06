package io.florets.dataengine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.Series;
import io.florets.datasets.Window;
import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.ClassLabel;
import io.florets.engine.EngineConfig;
import io.florets.labelers.Labelers;
import io.florets.prompt.facade.Florets;
import io.florets.dataengine.TinyModels;
import io.florets.prompt.facade.bundle.ModelBundle;
import io.florets.prompt.readout.Label;
import io.florets.prompt.task.Tasks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdaptationTest {
  @Test
  void adaptedModelAnswersClassifyWithTheUsersClassNames() {
    Random r = new Random(3);
    List<Window> ws = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      float[] v = new float[64];
      boolean wave = i % 2 == 0;
      for (int t = 0; t < v.length; t++) {
        v[t] = (float) ((wave ? Math.sin(t / 3.0) : 0.02 * t) + 0.1 * r.nextGaussian());
      }
      ws.add(Window.of(v));
      labels.add(i == 15 ? null : (wave ? "wave" : "ramp"));
    }
    DataEngineConfig cfg = DataEngineConfig.defaults(2, 5).withSteps(2, 1, 1)
        .withOptimizer(4, 1e-3).withThreads(1).withModelTasks(List.of());
    Adaptation.Adapted a = Adaptation.adaptForClassification(ws, labels,
        Labelers.defaultSuite(), EngineConfig.tiny().withMaxLengths(32, 48), cfg,
        new DataEngineListener() { });
    try (var b = a.bundle()) {
      assertEquals(List.of("wave", "ramp"), a.classNames());
      assertTrue(b.head().vocabulary().classNames().containsAll(a.classNames()));
      for (Optional<String> c : Adaptation.classify(b, ws.subList(0, 4), 4)) {
        c.ifPresent(x -> assertTrue(a.classNames().contains(x), "answer " + x));
      }
      // the user's labels are kept as the targets of the labelled windows
      List<Annotation> first = a.result().labeled().get(0).annotations();
      assertTrue(first.contains(new Annotation(new ClassLabel("wave"), Annotation.HUMAN, "user", 1)));
    }
  }

  @Test
  void warmStartFromATrainedModelWritesAFolderThatAnswersTheUsersClasses(@TempDir Path tmp)
      throws Exception {
    Random r = new Random(8);
    List<Series> series = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      float[] v = new float[128];
      boolean up = i % 2 == 0;
      for (int t = 0; t < v.length; t++) {
        v[t] = (float) ((up ? 0.05 * t : Math.cos(t / 4.0)) + 0.1 * r.nextGaussian());
      }
      Series.Builder b = Series.builder("s" + i, new float[][] {v});
      if (i < 10) {
        b.classLabel(up ? "rising" : "wavy");
      }
      series.add(b.build());
    }
    UserWindows data = UserWindows.ofSeriesClasses(series, 128, 128);
    assertEquals(12, data.size());
    assertEquals(10, data.labelledCount());
    DataEngineConfig cfg = DataEngineConfig.defaults(2, 4).withSteps(2, 1, 1)
        .withOptimizer(4, 1e-3).withThreads(1).withModelTasks(List.of());
    ModelBundle init = TinyModels.bundle();
    Adaptation.Adapted a = Adaptation.adaptForClassification(init, data.windows(), data.labels(),
        Labelers.defaultSuite(), cfg, new DataEngineListener() { });
    try (ModelBundle b = a.bundle()) {
      assertEquals(List.of("rising", "wavy"), a.classNames());
      assertEquals("adaptation", b.provenance().recipe());
      assertEquals(3, b.provenance().steps(), "2 first steps + 1 after the last round");
      assertEquals("tiny", b.provenance().details().get("initRecipe"));
      assertEquals(1, b.channels());
      assertTrue(a.heldOutLabelled() <= 2, "2 of 12 windows are held out");
      assertTrue(a.heldOutLabelled() == 0 ? Double.isNaN(a.heldOutClassAccuracy())
          : a.heldOutClassAccuracy() >= 0 && a.heldOutClassAccuracy() <= 1);
      Double acc = a.result().rounds().get(1).modelQuality().orElseThrow().classAccuracy();
      assertTrue(acc == null || (acc >= 0 && acc <= 1), "accuracy " + acc);
      b.save(tmp.resolve("adapted"));
    }
    assertEquals(List.of("increasing", "decreasing", "steady", "multiple"),
        init.head().vocabulary().classNames(), "the initial model keeps its classes");
    try (Florets f = Florets.load(tmp.resolve("adapted"))) {
      assertEquals(List.of("rising", "wavy"), f.bundle().head().vocabulary().classNames());
      for (Label l : f.askAll(data.windows().subList(0, 3), Tasks.CLASSIFY)) {
        assertTrue(List.of("rising", "wavy").contains(l.name()), "answer " + l.name());
      }
      // the class readout is saved with the model and, after 3 training steps, it is what answers
      // the labelled windows' classes
      var readout = f.bundle().frontEndConfig().readout();
      assertTrue(readout != null, "no class readout in the saved model");
      var v = f.bundle().head().vocabulary();
      assertArrayEquals(new int[] {v.id("rising"), v.id("wavy")}, readout.classIds());
      String how = f.bundle().provenance().details().get("classReadout");
      assertTrue(how.contains("ridge alpha") && how.contains("decoder's class logits times"),
          f.bundle().provenance().details().toString());
      int right = 0;
      List<Label> answers = f.askAll(data.windows().subList(0, 10), Tasks.CLASSIFY);
      for (int i = 0; i < 10; i++) {
        right += answers.get(i).name().equals(data.labels().get(i)) ? 1 : 0;
      }
      assertTrue(right >= 9, right + " of 10 labelled windows answered right");
    }
  }

  @Test
  void channelCountMustMatchTheInitialModel() {
    List<Window> ws = new ArrayList<>();
    List<String> ls = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      ws.add(Window.of(new float[][] {{1, 2, 3, 4, 5, 6, 7, 8}, {8, 7, 6, 5, 4, 3, 2, i}}));
      ls.add(i % 2 == 0 ? "a" : "b");
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Adaptation.adaptForClassification(TinyModels.bundle(), ws, ls,
            Labelers.defaultSuite(), DataEngineConfig.defaults(2, 1), new DataEngineListener() { }));
    assertTrue(e.getMessage().contains("2 channel(s)") && e.getMessage().contains("trained on 1"),
        e.getMessage());
  }

  @Test
  void needsTwoClasses() {
    List<Window> ws = List.of(Window.of(new float[] {1, 2, 3}), Window.of(new float[] {3, 2, 1}));
    assertThrows(IllegalArgumentException.class, () -> Adaptation.adaptForClassification(ws,
        java.util.Arrays.asList("a", null), Labelers.defaultSuite(), EngineConfig.tiny(),
        DataEngineConfig.defaults(2, 1), new DataEngineListener() { }));
  }

  @Test
  void membersAreAdaptedAndAveragedIntoOneModel() {
    Random r = new Random(9);
    List<Window> ws = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      float[] v = new float[64];
      boolean up = i % 2 == 0;
      for (int t = 0; t < v.length; t++) {
        v[t] = (float) ((up ? 0.05 * t : Math.cos(t / 4.0)) + 0.1 * r.nextGaussian());
      }
      ws.add(Window.of(new float[][] {v}));
      labels.add(up ? "rising" : "wavy");
    }
    DataEngineConfig cfg = DataEngineConfig.defaults(2, 4).withSteps(1, 1, 1)
        .withOptimizer(4, 1e-3).withThreads(1).withModelTasks(List.of());
    List<String> phases = new ArrayList<>();
    ModelBundle init = TinyModels.bundle(); // shared: not closed here
    {
      Adaptation.Adapted a = Adaptation.adaptForClassification(init, ws, labels,
          Labelers.defaultSuite(), cfg, new DataEngineListener() {
            @Override
            public void progress(int round, String phase, long done, long total) {
              if (!phases.contains(phase)) {
                phases.add(phase);
              }
            }
          }, new Adaptation.Options(false, false, false, 2));
      try (ModelBundle b = a.bundle()) {
        assertTrue(phases.contains("member 1/2 train") && phases.contains("member 2/2 train"),
            phases.toString());
        assertTrue(b.provenance().details().get("members").startsWith("2 (weights averaged"),
            b.provenance().details().toString());
        assertEquals(ws.size(), Adaptation.classify(b, ws, 8).size());
      }
    }
    assertThrows(IllegalArgumentException.class,
        () -> new Adaptation.Options(false, true, false, 0));
  }
}
