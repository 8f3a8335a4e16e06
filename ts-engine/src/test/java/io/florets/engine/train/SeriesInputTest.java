package io.florets.engine.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.florets.datasets.Window;
import io.florets.engine.EngineModel;
import io.florets.engine.TestModels;
import org.junit.jupiter.api.Test;

/**
 * The answer must come from the series itself: where a spike is (which of 8 patches) and which way
 * it points. A model that sees only a pooled summary of the series gets the direction and the end
 * token but guesses the patch: token accuracy about (1/8 + 1 + 1) / 3 = 0.71. That is what an
 * encoder whose output collapsed to one vector per series scored, before the front end's token
 * norm.
 */
class SeriesInputTest {

  @Test
  void tinyModelReadsTheSeriesThroughTheFrontEnd() {
    SpikeTask task = new SpikeTask(3, 32);
    TrainConfig cfg = TrainConfig.builder(600).learningRate(1e-3).warmupSteps(20)
        .labelSmoothing(0.05).validateEvery(50).targetTokenAccuracy(0.95).seed(5).build();
    try (EngineModel<Window> model = TestModels.tinyPatch(SpikeTask.PATCH, 11);
        Trainer<Window> trainer = Trainer.builder(model, cfg, task)
            .validation(task.validation(2)).build()) {
      TrainingResult r = trainer.fit();
      assertTrue(r.validationTokenAccuracy() >= 0.8, "token accuracy "
          + r.validationTokenAccuracy() + " after " + r.steps() + " steps");
    }
  }
}
