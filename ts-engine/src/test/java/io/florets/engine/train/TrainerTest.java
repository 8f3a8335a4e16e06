package io.florets.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.Window;
import io.florets.engine.EngineModel;
import io.florets.engine.TestModels;
import io.florets.engine.decode.DecodeOptions;
import io.florets.engine.decode.Decoded;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {

  @Test
  void tinyModelLearnsToCopyThePromptThroughCrossAttention(@TempDir Path tmp) {
    CopyTask task = new CopyTask(1, 32);
    Path log = tmp.resolve("metrics.jsonl");
    TrainConfig cfg = TrainConfig.builder(500).learningRate(3e-3).warmupSteps(30)
        .labelSmoothing(0.05).validateEvery(25).targetTokenAccuracy(0.995).seed(5)
        .metricsLog(log).build();
    long t0 = System.nanoTime();
    try (EngineModel<Window> model = TestModels.tinyPatch(8, 11);
        Trainer<Window> trainer = Trainer.builder(model, cfg, task)
            .validation(task.validation(2)).build()) {
      TrainingResult r = trainer.fit();
      double seconds = (System.nanoTime() - t0) / 1e9;
      assertTrue(r.validationTokenAccuracy() >= 0.99, "token accuracy "
          + r.validationTokenAccuracy() + " after " + r.steps() + " steps, " + seconds + " s");
      // decoded answers (greedy and beam) reproduce unseen prompts
      TrainingBatch<Window> v = task.batch(2_000_000L);
      for (int beam : new int[] {1, 3}) {
        List<Decoded> out = model.decode(v.inputs(), v.prompts(),
            DecodeOptions.greedy(8).withBeamSize(beam));
        int right = 0;
        for (int i = 0; i < v.size(); i++) {
          if (java.util.Arrays.equals(v.targets()[i], out.get(i).tokens())) {
            right++;
          }
        }
        assertTrue(right >= v.size() - 1, "beam " + beam + ": " + right + " of " + v.size());
      }
      List<String> lines = Files.readAllLines(log);
      assertTrue(lines.stream().anyMatch(l -> l.contains("\"type\":\"validation\"")));
      assertEquals(r.steps(), lines.stream().filter(l -> l.contains("\"type\":\"step\"")).count());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void sameSeedAndDataGiveTheSameWeights() {
    CopyTask task = new CopyTask(2, 8);
    TrainConfig cfg = TrainConfig.builder(4).seed(3).validateEvery(0).build();
    float[][] w = new float[2][];
    for (int run = 0; run < 2; run++) {
      try (EngineModel<Window> model = TestModels.tiny(4);
          Trainer<Window> trainer = Trainer.builder(model, cfg, task).build()) {
        trainer.fit();
        w[run] = model.network().getParameters().get(0).getValue().getArray().toFloatArray();
      }
    }
    assertArrayEquals(w[0], w[1]);
  }

  @Test
  void auxiliaryLossShapesTheEmbeddingReadout() {
    CopyTask task = new CopyTask(3, 8);
    TrainConfig cfg = TrainConfig.builder(15).learningRate(3e-3).warmupSteps(2).seed(1)
        .validateEvery(0).auxiliaryWeight(1.0).build();
    // pushes the first embedding component up, for the batch and for a second view of it
    AuxiliaryLoss<Window> aux = (batch, ctx) -> {
      List<Window> views = new java.util.ArrayList<>();
      for (Window w : batch.inputs()) {
        float[] x = w.channel(0);
        for (int i = 0; i < x.length; i++) {
          x[i] *= 2f;
        }
        views.add(Window.of(x));
      }
      return ctx.batchEmbedding().get(":, 0").mean().add(
          ctx.embed(views, batch.prompts()).get(":, 0").mean()).neg();
    };
    TrainingBatch<Window> probe = task.batch(99);
    try (EngineModel<Window> model = TestModels.tiny(6);
        Trainer<Window> trainer = Trainer.builder(model, cfg, task).auxiliaryLoss(aux).build()) {
      double before = meanFirst(model.embed(probe.inputs(), probe.prompts()));
      trainer.fit();
      double after = meanFirst(model.embed(probe.inputs(), probe.prompts()));
      assertTrue(after > before + 0.3, "first component " + before + " -> " + after);
    }
  }

  private static double meanFirst(float[][] e) {
    double s = 0;
    for (float[] row : e) {
      s += row[0];
    }
    return s / e.length;
  }

  @Test
  void scheduleWarmsUpThenDecaysToTheMinimum() {
    TrainConfig c = TrainConfig.builder(100).learningRate(1e-3).warmupSteps(10)
        .minLearningRateFraction(0.1).build();
    assertEquals(1e-4, c.learningRate(0), 1e-12);
    assertEquals(1e-3, c.learningRate(9), 1e-12);
    assertEquals(0.55e-3, c.learningRate(55), 1e-9);
    assertEquals(1e-4, c.learningRate(100), 1e-12);
  }
}
