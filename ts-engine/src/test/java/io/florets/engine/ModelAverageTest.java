package io.florets.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.florets.datasets.Window;
import io.florets.engine.series.SeriesFrontEnd;
import io.florets.engine.series.SeriesFrontEndConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelAverageTest {

  @Test
  void everyWeightBecomesTheMeanOfTheModels() {
    try (EngineModel<Window> a = TestModels.tiny(1);
        EngineModel<Window> b = TestModels.tiny(2);
        EngineModel<Window> c = TestModels.tiny(3)) {
      List<Pair<String, Parameter>> pa = a.network().getParameters().stream().toList();
      List<Pair<String, Parameter>> pb = b.network().getParameters().stream().toList();
      List<Pair<String, Parameter>> pc = c.network().getParameters().stream().toList();
      float[][][] before = new float[pa.size()][][];
      for (int i = 0; i < pa.size(); i++) {
        before[i] = new float[][] {pa.get(i).getValue().getArray().toFloatArray(),
            pb.get(i).getValue().getArray().toFloatArray(),
            pc.get(i).getValue().getArray().toFloatArray()};
      }
      a.averageWith(List.of(b, c));
      boolean moved = false;
      for (int i = 0; i < pa.size(); i++) {
        float[] now = pa.get(i).getValue().getArray().toFloatArray();
        for (int j = 0; j < now.length; j++) {
          float mean = (before[i][0][j] + before[i][1][j] + before[i][2][j]) / 3;
          assertEquals(mean, now[j], 1e-6f, pa.get(i).getKey() + "[" + j + "]");
          moved |= now[j] != before[i][0][j];
        }
      }
      assertTrue(moved, "models of different seeds differ, so the average moves the weights");
      assertTrue(pb.get(0).getValue().getArray().toFloatArray()[0] == before[0][1][0],
          "the other models are left as they were");
    }
  }

  @Test
  void modelsOfAnotherShapeAreRefusedByName() {
    EngineConfig cfg = EngineConfig.tiny();
    try (EngineModel<Window> a = TestModels.tiny(1);
        EngineModel<Window> wide = EngineModel.create(cfg,
            SeriesFrontEnd.of(new SeriesFrontEndConfig(cfg.dModel(), 16, 16, 64, 4)),
            a.vocab(), 2)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> a.averageWith(List.of(wide)));
      assertTrue(e.getMessage().contains("parameter '"), e.getMessage());
    }
  }
}
