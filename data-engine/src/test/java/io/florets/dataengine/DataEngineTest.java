package io.florets.dataengine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.florets.datasets.DenseDataset;
import io.florets.datasets.synthetic.SyntheticConfig;
import io.florets.datasets.synthetic.SyntheticGenerator;
import io.florets.datasets.target.Annotation;
import io.florets.datasets.target.ShapeFacet;
import io.florets.datasets.target.ShapeTag;
import io.florets.engine.EngineConfig;
import io.florets.engine.series.SeriesFrontEndConfig;
import io.florets.labelers.Labeler;
import io.florets.labelers.Labelers;
import io.florets.prompt.PromptHead;
import io.florets.prompt.facade.bundle.ModelBundle;
import io.florets.prompt.vocab.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataEngineTest {

  @Test
  void twoRoundsReportEveryFigureAndKeepHumanLabels() {
    DenseDataset synth = SyntheticGenerator.generate(
        SyntheticConfig.builder().count(12).length(64).seed(21).events(0, 2).build());
    // a human label on window 0 that the labelers would not give: it must survive every round
    ShapeTag planted = new ShapeTag(ShapeFacet.NOISE, "high");
    List<DenseDataset.Entry> es = new ArrayList<>();
    for (int i = 0; i < synth.size(); i++) {
      List<Annotation> a = new ArrayList<>(synth.get(i).annotations());
      if (i == 0) {
        a.add(new Annotation(planted, Annotation.HUMAN, "test", 1));
      }
      es.add(new DenseDataset.Entry(synth.get(i).window(), a));
    }
    DenseDataset data = DenseDataset.of(es, synth.metadata());
    List<Labeler> labelers = DegradedLabeler.all(Labelers.defaultSuite(), 0.3, 11);
    PromptHead head = PromptHead.of(Vocabulary.standard());
    EngineConfig ec = EngineConfig.tiny().withMaxLengths(32, 48);
    DataEngineConfig cfg = DataEngineConfig.defaults(2, 11).withSteps(2, 1, 1)
        .withOptimizer(4, 1e-3).withThreads(1);
    List<String> phases = new ArrayList<>();
    DataEngineResult r;
    try (ModelBundle b = ModelBundle.create(ec, SeriesFrontEndConfig.defaults(ec.dModel()), head, 11)) {
      r = DataEngine.of(labelers, cfg).run(data, b.model(), head, new DataEngineListener() {
        @Override
        public void progress(int round, String phase, long done, long total) {
          if (phases.isEmpty() || !phases.get(phases.size() - 1).equals(round + phase)) {
            phases.add(round + phase);
          }
        }
      });
    }
    assertEquals(2, r.rounds().size());
    assertEquals(List.of("0label", "1train", "1relabel", "1merge", "2train"), phases);
    assertEquals(3, r.training().size() + 1);
    for (RoundReport rep : r.rounds()) {
      JsonNode m = new ObjectMapper().valueToTree(rep);
      List<String> keys = new ArrayList<>();
      m.fieldNames().forEachRemaining(keys::add);
      assertEquals(List.of("round", "eventF1", "shapeTagAccuracy", "numericScore", "targetsKept",
          "targetsDropped", "targetsChanged", "flagged", "overridden", "modelQuality",
          "labelQuality", "labelerAnalysis", "seconds"), keys, "round " + rep.round());
      assertTrue(m.get("shapeTagAccuracy").isNumber(), "truth exists, so label quality is measured");
      assertTrue(m.get("modelQuality").isObject());
      assertEquals(rep.round() == 0, m.get("modelQuality").isEmpty());
      assertTrue(rep.labelQuality().isPresent());
    }
    assertTrue(r.rounds().get(0).modelQuality().isEmpty());
    // the merging-only baseline: round-0 labels under the model rounds' rule, scored like the rest
    double f1 = r.rounds().get(0).labelQuality().orElseThrow().mergingOnlyBaseline().orElseThrow()
        .eventF1();
    assertTrue(f1 >= 0 && f1 <= 1, "baseline event F1 " + f1);
    assertFalse(r.rounds().get(1).modelQuality().isEmpty());
    assertTrue(r.rounds().get(1).labelerAnalysis().labelers().containsKey(ModelLabeler.SOURCE));
    List<Annotation> first = r.labeled().get(0).annotations();
    assertTrue(first.contains(new Annotation(planted, Annotation.HUMAN, "test", 1)));
    for (Annotation a : first) {
      if (a.target() instanceof ShapeTag t && t.facet() == ShapeFacet.NOISE
          && !Annotation.TRUTH.equals(a.source())) {
        assertEquals("high", t.value(), "a machine noise tag contradicts the human label: " + a);
      }
    }
  }

  @Test
  void finalTrainingUsesTheHeldOutWindowsOnlyWhenAsked() {
    DenseDataset data = SyntheticGenerator.generate(
        SyntheticConfig.builder().count(20).length(64).seed(5).events(0, 1).build());
    PromptHead head = PromptHead.of(Vocabulary.standard());
    EngineConfig ec = EngineConfig.tiny().withMaxLengths(32, 48);
    for (boolean all : new boolean[] {false, true}) {
      DataEngineConfig cfg = DataEngineConfig.defaults(2, 3).withSteps(1, 1, 1)
          .withOptimizer(4, 1e-3).withThreads(1).withFinalOnAll(all);
      List<String> calls = new ArrayList<>();
      DataEngineResult r;
      try (ModelBundle b = ModelBundle.create(ec, SeriesFrontEndConfig.defaults(ec.dModel()), head, 3)) {
        r = DataEngine.of(Labelers.defaultSuite(), cfg).run(data, b.model(), head,
            new DataEngineListener() {
              @Override
              public void progress(int round, String phase, long done, long total) {
                if (calls.isEmpty() || !calls.get(calls.size() - 1).equals(round + phase)) {
                  calls.add(round + phase);
                }
              }

              @Override
              public void beforeFinalTraining() {
                calls.add("beforeFinal");
              }
            });
      }
      assertEquals(List.of("0label", "1train", "1relabel", "1merge", "beforeFinal", "2train"), calls);
      int rounds = r.training().get(0).windows();
      int last = r.training().get(1).windows();
      assertTrue(rounds < data.size(), "the rounds train without the held-out windows: " + rounds);
      assertEquals(all ? data.size() : rounds, last, "final training windows, finalOnAll " + all);
    }
  }

  @Test
  void rejectsBadSettings() {
    assertThrows(IllegalArgumentException.class, () -> DataEngineConfig.defaults(0, 1));
    assertThrows(IllegalArgumentException.class,
        () -> DataEngineConfig.defaults(2, 1).withMerging(Double.NaN, 0.5));
    assertThrows(IllegalArgumentException.class,
        () -> DataEngine.of(List.of(), DataEngineConfig.defaults(2, 1)));
  }
}
